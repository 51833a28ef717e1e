import { createActionRegistry } from '../actions/actionRegistry';
import type { ActionName, ActionPayload, ActionResult, Caller } from '../actions/actionTypes';
import type { AgentState } from '../agent/agentState';
import { createContactCenter, type ContactCenter } from '../center/contactCenter';
import { SwitchboardError } from '../errors';
import type { EventBus, Unsubscribe } from '../events/eventBus';
import { createReportingBus } from '../events/reportingBus';
import type { SwitchboardEvents } from '../events/eventMap';
import { agentSchema, type AgentInput } from '../model/agent';
import type { Contact, ContactInput } from '../model/contact';
import type { TransferTargetInput } from '../contact/contactCommands';
import { createPluginHost } from '../plugins/pluginHost';
import type { PluginEntry, PluginReport } from '../plugins/pluginHostTypes';
import { systemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { createMemoryStorage, type Storage } from '../ports/storage';
import { parseInput } from '../validation';
import { adminActions } from './adminActions';
import { deskActions } from './deskActions';
import { supervisorActions } from './supervisorActions';
import type { CompleteRequest, LoginRequest, StatusChoice } from './deskRequests';
import { concernsAgent } from './deskEvents';
import { createDeskSelector, type DeskSnapshot } from './deskSnapshot';

/** Options of {@link createDesk}. */
export interface DeskOptions {
  /** The agent at this desk; registered with the centre unless it already knows the id. */
  readonly agent: AgentInput;
  /** The contact centre to attach to; an embedded one with a `default` queue when absent. */
  readonly center?: ContactCenter;
  /** Plugins to load, in any order (dependencies are ordered for you). */
  readonly plugins?: readonly PluginEntry[];
  /** Time source; shared with the embedded centre. */
  readonly clock?: Clock;
  /** Durable storage for plugins; in memory by default. */
  readonly storage?: Storage;
  /** Where contained failures are reported. */
  readonly logger?: Logger;
}

/**
 * One agent's desk: what a host app embeds to give an agent their controls. Every operation
 * runs through the action pipeline (validated, role-checked, open to plugin hooks) and
 * returns a promise; a refused one rejects with a `SwitchboardError` and changes nothing.
 */
export interface Desk {
  /** The agent's id. */
  readonly agentId: AgentState['profile']['id'];
  /** The centre the desk is attached to. */
  readonly center: ContactCenter;
  /** The agent's current view; the same object until it changes. */
  getSnapshot: () => DeskSnapshot;
  /** Calls `listener` when the snapshot changes; fits React's `useSyncExternalStore`. */
  subscribe: (listener: () => void) => Unsubscribe;
  /** Events that concern this agent, plus the desk's plugin events. */
  readonly events: Pick<EventBus<SwitchboardEvents>, 'on' | 'once' | 'onAny'>;
  /** Invokes any registered action (built-in or a plugin's) as this agent. */
  invoke<K extends ActionName>(name: K, payload: ActionPayload<K>): Promise<ActionResult<K>>;
  /** Milliseconds the agent has spent in the current presence status. */
  timeInStatus(): number;
  /** Resolves when every plugin is set up (or failed and was disabled), with their reports. */
  readonly ready: Promise<readonly PluginReport[]>;
  /**
   * Loads more plugins into the running desk, after those given to `createDesk` (a binding
   * such as `bindCrm` registers its actions this way). Same rules as `plugins`: validated
   * first, set up in dependency order, failures isolated; resolves with this batch's reports.
   *
   * @throws {@link SwitchboardError} as `PluginHost.load` does (`PLUGIN_DUPLICATE`, ...), and
   * `DISPOSED` after `dispose()`.
   */
  use(plugins: readonly PluginEntry[]): Promise<readonly PluginReport[]>;
  /** Logs in, available unless a not-ready `reason` is given. */
  login(options?: LoginRequest): Promise<AgentState>;
  /** Logs out; refused while contacts are in hand. */
  logout(): Promise<AgentState>;
  /** Becomes available, or not ready with a reason code. */
  setStatus(choice: StatusChoice): Promise<AgentState>;
  /** Accepts an offered contact. */
  accept(contactId: string): Promise<Contact>;
  /** Declines an offered contact; it goes back to its queue. */
  reject(contactId: string): Promise<Contact>;
  /** Puts the customer on hold. */
  hold(contactId: string): Promise<Contact>;
  /** Takes the customer off hold. */
  resume(contactId: string): Promise<Contact>;
  /** Consults another agent while the customer holds. */
  consult(contactId: string, agentId: string): Promise<Contact>;
  /** Ends a consultation and returns to the customer. */
  endConsult(contactId: string): Promise<Contact>;
  /** Joins the consulted agent into a conference. */
  conference(contactId: string): Promise<Contact>;
  /** Transfers to an agent or a queue (a consult transfer when consulting that agent). */
  transfer(contactId: string, target: TransferTargetInput): Promise<Contact>;
  /** Ends the conversation and starts wrap-up. */
  wrapUp(contactId: string): Promise<Contact>;
  /** Finishes wrap-up, recording a disposition code. */
  complete(contactId: string, options?: Omit<CompleteRequest, 'contactId'>): Promise<Contact>;
  /** Starts an outbound contact handled by this agent. */
  dial(input: ContactInput): Promise<Contact>;
  /** Disposes plugins (in reverse order) and detaches from the centre. */
  dispose(): Promise<void>;
}

/**
 * Creates a {@link Desk} for one agent.
 *
 * @example
 * ```ts
 * const desk = createDesk({ agent: { id: 'ada', name: 'Ada', skills: [{ skill: 'billing', proficiency: 7 }] } });
 * desk.events.on('contact.offered', ({ contactId }) => void desk.accept(contactId));
 * await desk.login();
 * desk.center.openContact({ channel: 'chat', queueId: 'default' }); // offered to Ada, accepted
 * ```
 */
export function createDesk(options: DeskOptions): Desk {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const profile = parseInput(agentSchema, options.agent, 'agent');
  const center =
    options.center ??
    createContactCenter({ clock, logger, queues: [{ id: 'default', name: 'Default' }] });
  if (!center.getSnapshot().agents.has(profile.id)) center.registerAgent(profile);
  const agentId = profile.id;
  const caller: Caller = { roles: profile.roles, agentId };

  const bus = createReportingBus(logger, 'desk');
  const forward = bus.emit as (name: string, payload: unknown) => void;
  const detach = center.events.onAny((name, payload) => {
    if (name.startsWith('plugin.')) return;
    if (concernsAgent(payload, agentId)) forward(name, payload);
  });

  const select = createDeskSelector(agentId);
  const getSnapshot = (): DeskSnapshot => {
    const snapshot = select(center.getSnapshot());
    if (!snapshot)
      throw new SwitchboardError('NOT_FOUND', `Agent ${agentId} left the centre.`, {
        details: { agentId },
      });
    return snapshot;
  };
  const actions = createActionRegistry({
    onHookError: (error, info) => {
      logger.error(`A ${info.kind} hook of ${info.action} threw`, { error, plugin: info.plugin });
      bus.emit('plugin.failed', {
        plugin: info.plugin ?? 'hook',
        phase: 'hook',
        error,
        disabled: false,
      });
    },
  });
  for (const action of [
    ...deskActions(center, agentId),
    ...supervisorActions(center, agentId, clock),
    ...adminActions(center),
  ])
    actions.register(action);
  const host = createPluginHost({
    events: bus,
    actions,
    state: { getSnapshot, subscribe: (listener) => subscribe(listener) },
    storage: options.storage ?? createMemoryStorage(),
    clock,
    logger,
    roles: profile.roles,
  });
  const ready = host.load(options.plugins ?? []);
  ready.catch((error: unknown) => {
    logger.error('Plugins could not be loaded', { error });
  });

  function subscribe(listener: () => void): Unsubscribe {
    let last = select(center.getSnapshot());
    return center.subscribe(() => {
      const next = select(center.getSnapshot());
      if (next === last) return;
      last = next;
      listener();
    });
  }

  const invoke = <K extends ActionName>(name: K, payload: ActionPayload<K>) =>
    actions.invoke(name, payload, caller) as Promise<ActionResult<K>>;

  return {
    agentId,
    center,
    getSnapshot,
    subscribe,
    events: { on: bus.on, once: bus.once, onAny: bus.onAny },
    invoke,
    timeInStatus: () => clock.now() - getSnapshot().agent.since,
    ready,
    use: (plugins) => host.load(plugins),
    login: (input = {}) => invoke('agent.login', input),
    logout: () => invoke('agent.logout', {}),
    setStatus: (choice) => invoke('agent.setStatus', choice),
    accept: (contactId) => invoke('contact.accept', { contactId }),
    reject: (contactId) => invoke('contact.reject', { contactId }),
    hold: (contactId) => invoke('contact.hold', { contactId }),
    resume: (contactId) => invoke('contact.resume', { contactId }),
    consult: (contactId, other) => invoke('contact.consult', { contactId, agentId: other }),
    endConsult: (contactId) => invoke('contact.endConsult', { contactId }),
    conference: (contactId) => invoke('contact.conference', { contactId }),
    transfer: (contactId, target) => invoke('contact.transfer', { contactId, target }),
    wrapUp: (contactId) => invoke('contact.wrapUp', { contactId }),
    complete: (contactId, { disposition = null } = {}) =>
      invoke('contact.complete', { contactId, disposition }),
    dial: (input) => invoke('contact.dial', input),
    async dispose() {
      detach();
      await host.dispose();
    },
  };
}
