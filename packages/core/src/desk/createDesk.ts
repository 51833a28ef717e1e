import { createActionRegistry } from '../actions/actionRegistry';
import type { ActionName, ActionPayload, ActionResult, Caller } from '../actions/actionTypes';
import { assembleContactCenter, type ContactCenter } from '../center/contactCenter';
import { SwitchboardError } from '../errors';
import type { Unsubscribe } from '../events/eventBus';
import { createReportingBus } from '../events/reportingBus';
import { agentSchema, type AgentInput } from '../model/agent';
import { createPluginHost } from '../plugins/pluginHost';
import type { PluginEntry, PluginName, PluginReport } from '../plugins/pluginHostTypes';
import type { PluginApi } from '../plugins/pluginTypes';
import { systemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { createMemoryStorage, type Storage } from '../ports/storage';
import { noIvr } from '../ivr/noIvr';
import { parseInput } from '../validation';
import { adminActions } from './adminActions';
import { deskActions } from './deskActions';
import { supervisorActions } from './supervisorActions';
import { concernsAgent } from './deskEvents';
import { deskOperations, type DeskControls } from './deskControls';
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
 * One agent's desk on an embedded centre: what a host app embeds to give an agent their
 * controls, with plugins loaded beside them.
 */
export interface Desk extends DeskControls {
  /** The centre the desk is attached to. */
  readonly center: ContactCenter;
  /** Resolves when every plugin is set up (or failed and was disabled), with their reports. */
  readonly ready: Promise<readonly PluginReport[]>;
  /**
   * The API a ready plugin returned from `setup`, typed through `PluginApis`.
   *
   * @throws {@link SwitchboardError} `NOT_FOUND` when the plugin is not loaded or not ready.
   */
  plugin<K extends PluginName>(name: K): PluginApi<K>;
  /**
   * Loads more plugins into the running desk, after those given to `createDesk` (a binding
   * such as `bindCrm` registers its actions this way). Same rules as `plugins`: validated
   * first, set up in dependency order, failures isolated; resolves with this batch's reports.
   *
   * @throws {@link SwitchboardError} as `PluginHost.load` does (`PLUGIN_DUPLICATE`, ...), and
   * `DISPOSED` after `dispose()`.
   */
  use(plugins: readonly PluginEntry[]): Promise<readonly PluginReport[]>;
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
    assembleContactCenter({ clock, logger, queues: [{ id: 'default', name: 'Default' }] }, noIvr);
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
    plugin: (name) => host.api(name),
    use: (plugins) => host.load(plugins),
    ...deskOperations(invoke),
    async dispose() {
      detach();
      await host.dispose();
    },
  };
}
