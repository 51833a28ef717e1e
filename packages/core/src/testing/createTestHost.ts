import type { PluginFailed } from '../events/eventMap';
import {
  createContactCenter,
  type ContactCenter,
  type ContactCenterOptions,
} from '../center/contactCenter';
import { createDesk, type Desk } from '../desk/createDesk';
import { SwitchboardError } from '../errors';
import type { AgentInput } from '../model/agent';
import type { Contact, ContactInput } from '../model/contact';
import type { PluginEntry, PluginName, PluginReport } from '../plugins/pluginHostTypes';
import type { PluginApi } from '../plugins/pluginTypes';
import type { Storage } from '../ports/storage';
import { recordEvents, type EventRecorder } from './recordEvents';
import { createVirtualClock, type VirtualClock } from './virtualClock';

/** Options of {@link createTestHost}; every one has a default that suits a plugin test. */
export interface TestHostOptions {
  /** The plugins under test, in any order. */
  readonly plugins?: readonly PluginEntry[];
  /** The agent at the desk. Default: `agent-1`, capacity voice 1, chat 3, email 5, sms 3, social 3. */
  readonly agent?: AgentInput;
  /** Whether the agent logs in (available) once the plugins are ready. Default `true`. */
  readonly login?: boolean;
  /** The centre's options; its clock is always the host's virtual clock. Default: one `default` queue. */
  readonly center?: Omit<ContactCenterOptions, 'clock'>;
  /** Storage handed to plugins; in memory by default. */
  readonly storage?: Storage;
  /** Where the virtual clock starts (ms since epoch). Default 2026-01-01T00:00Z. */
  readonly start?: number;
}

/** An in-memory contact centre, one agent's desk with the plugins under test, and a virtual clock. */
export interface TestHost {
  /** The clock everything runs on; only moves when told to. */
  readonly clock: VirtualClock;
  /** The embedded contact centre. */
  readonly center: ContactCenter;
  /** The agent's desk, with the plugins loaded. */
  readonly desk: Desk;
  /** Every event the desk emitted since the host was created (plugin events included). */
  readonly events: EventRecorder;
  /** The plugins' load reports, in setup order. */
  readonly reports: readonly PluginReport[];
  /** The API a plugin under test returned from `setup`. */
  plugin<K extends PluginName>(name: K): PluginApi<K>;
  /**
   * Opens an inbound contact (on the `default` queue unless `input` names one) and returns it
   * once offered to the desk's agent.
   *
   * @throws `SwitchboardError` `INVALID_TRANSITION` when the contact was not offered to the
   * agent (not available, no free capacity, or a plugin turned it away).
   */
  offer(input?: Partial<ContactInput>): Contact;
  /** Offers a contact and accepts it through the desk, as the agent would. */
  take(input?: Partial<ContactInput>): Promise<Contact>;
  /** Moves the virtual clock forward, firing due timers (offer time-outs, plugin timers). */
  advance(ms: number): void;
  /** Lets pending promise callbacks (plugin hooks, async listeners) run. */
  flush(): Promise<void>;
  /** `plugin.failed` reports seen so far: a plugin test usually expects none. */
  failures(): readonly PluginFailed[];
  /** Disposes the desk (plugins in reverse order) and the centre. */
  dispose(): Promise<void>;
}

const testAgent: AgentInput = {
  id: 'agent-1',
  name: 'Test Agent',
  capacity: { voice: 1, chat: 3, email: 5, sms: 3, social: 3 },
};

/**
 * Creates a {@link TestHost}: the kit plugin tests run on, with no hand-written mocks of the core.
 * Resolves once every plugin is set up (or failed; see `reports` and `failures()`).
 *
 * @example
 * ```ts
 * const host = await createTestHost({ plugins: [autoAnswer({ channels: ['chat'] })] });
 * const chat = host.offer({ channel: 'chat' });
 * await host.flush();
 * expect(host.center.getSnapshot().contacts.get(chat.id)?.status).toBe('connected');
 * expect(host.failures()).toEqual([]);
 * ```
 */
export async function createTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const clock = createVirtualClock(options.start);
  const center = createContactCenter({
    queues: [{ id: 'default', name: 'Default' }],
    ...options.center,
    clock,
  });
  const desk = createDesk({
    agent: options.agent ?? testAgent,
    center,
    clock,
    plugins: options.plugins ?? [],
    ...(options.storage ? { storage: options.storage } : {}),
  });
  const events = recordEvents(desk.events);
  const reports = await desk.ready;
  if (options.login ?? true) await desk.login();
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  const offer = (input: Partial<ContactInput> = {}): Contact => {
    const opened = center.openContact({ channel: 'chat', queueId: 'default', ...input });
    const contact = center.getSnapshot().contacts.get(opened.id) ?? opened;
    if (contact.status !== 'offered' || contact.agentId !== desk.agentId) {
      throw new SwitchboardError(
        'INVALID_TRANSITION',
        `Contact ${contact.id} was not offered to ${desk.agentId} (it is ${contact.status}).`,
        { details: { contactId: contact.id, status: contact.status } },
      );
    }
    return contact;
  };

  return {
    clock,
    center,
    desk,
    events,
    reports,
    plugin: (name) => desk.plugin(name),
    offer,
    take: (input) => desk.accept(offer(input).id),
    advance: (ms) => {
      clock.advance(ms);
    },
    flush,
    failures: () => events.of('plugin.failed'),
    async dispose() {
      events.stop();
      await desk.dispose();
      center.dispose();
    },
  };
}
