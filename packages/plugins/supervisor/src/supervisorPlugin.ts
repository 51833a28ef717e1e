import {
  createStore,
  definePlugin,
  isSwitchboardError,
  type AgentBoardRow,
  type AgentState,
  type ForceStatusRequest,
  type MonitorRequest,
  type QueueBoardRow,
  type TimerHandle,
  type Unsubscribe,
} from '@switchboard/core';
import { checkAlerts, readAlerts, type Alert } from './alerts';
import { supervisorConfigSchema } from './supervisorConfig';

/** Whether the desk's user may supervise: `denied` when the supervisor actions refused them. */
export type BoardAccess = 'pending' | 'granted' | 'denied';

/** The supervisor desk's state: the boards and the alerts, as data for any UI. */
export interface SupervisorSnapshot {
  /** Whether the boards could be read (the user holds the `supervisor` role). */
  readonly access: BoardAccess;
  /** The live queue board, as of `updatedAt`. */
  readonly queues: readonly QueueBoardRow[];
  /** The live agent board, as of `updatedAt`. */
  readonly agents: readonly AgentBoardRow[];
  /** Alerts raised now, oldest first. */
  readonly alerts: readonly Alert[];
  /** When the boards were last read (ms since epoch), `null` before the first read. */
  readonly updatedAt: number | null;
}

/** Payload of `supervisorDesk.alertRaised`. */
export interface AlertRaised {
  /** The alert. */
  readonly alert: Alert;
}

/** Payload of `supervisorDesk.alertCleared`. */
export interface AlertCleared {
  /** The alert as it was raised. */
  readonly alert: Alert;
  /** The value that cleared it. */
  readonly value: number;
  /** When (ms since epoch). */
  readonly at: number;
}

/** The API of the supervisor desk: `desk.plugin('supervisorDesk')`. */
export interface SupervisorDeskApi {
  /** The boards and alerts; the same object until they change. */
  getSnapshot(): SupervisorSnapshot;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
  /** Reads the boards and checks the alerts now, instead of waiting for the next tick. */
  refresh(): Promise<SupervisorSnapshot>;
  /** Listens in on a contact (`supervisor.monitor`, mode `monitor`). */
  monitor(contactId: string): Promise<MonitorRequest>;
  /** Coaches the agent unheard by the customer (mode `whisper`). */
  whisper(contactId: string): Promise<MonitorRequest>;
  /** Joins the conversation (mode `barge`). */
  barge(contactId: string): Promise<MonitorRequest>;
  /** Forces an agent available, not ready (with a reason) or offline (`supervisor.forceStatus`). */
  forceStatus(request: ForceStatusRequest): Promise<AgentState>;
}

type DeskEvent =
  | {
      readonly type: 'read';
      readonly queues: readonly QueueBoardRow[];
      readonly agents: readonly AgentBoardRow[];
      readonly at: number;
      readonly raised: readonly Alert[];
      readonly cleared: readonly string[];
    }
  | { readonly type: 'denied' };

const initial: SupervisorSnapshot = {
  access: 'pending',
  queues: [],
  agents: [],
  alerts: [],
  updatedAt: null,
};

/**
 * The headless supervisor desk: the queue and agent boards refreshed on the desk's clock,
 * threshold alerts raised and cleared with hysteresis, and monitor, whisper, barge and force
 * status through the core's `supervisor.*` actions. Those actions are open to the `supervisor`
 * role only: on another user's desk the snapshot says `access: 'denied'` and every call rejects
 * with `PERMISSION_DENIED`.
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   agent: { id: 'sue', name: 'Sue', roles: ['supervisor'] },
 *   plugins: [{ plugin: supervisorDesk, config: { alerts: { longestWaitAboveMs: 60_000 } } }],
 * });
 * desk.events.on('supervisorDesk.alertRaised', ({ alert }) => notify(alert));
 * ```
 */
export const supervisorDesk = definePlugin({
  name: 'supervisorDesk',
  version: '0.0.0',
  config: supervisorConfigSchema,
  permissions: ['supervisor:write'],
  setup(ctx, config) {
    const store = createStore<SupervisorSnapshot, DeskEvent>(
      {
        initial,
        historyLimit: 0,
        reduce(draft, event) {
          if (event.type === 'denied') {
            draft.access = 'denied';
            return;
          }
          draft.access = 'granted';
          draft.queues = event.queues as typeof draft.queues;
          draft.agents = event.agents as typeof draft.agents;
          draft.updatedAt = event.at;
          draft.alerts = [
            ...draft.alerts.filter((alert) => !event.cleared.includes(alert.id)),
            ...event.raised,
          ];
        },
      },
      (error) => {
        ctx.logger.error('A subscriber of the supervisor desk threw', { error });
      },
    );

    async function refresh(): Promise<SupervisorSnapshot> {
      const at = ctx.clock.now();
      let queues: QueueBoardRow[];
      let agents: AgentBoardRow[];
      try {
        [queues, agents] = await Promise.all([
          ctx.actions.invoke('supervisor.queues', { since: at - config.windowMs }),
          ctx.actions.invoke('supervisor.agents', {}),
        ]);
      } catch (error) {
        if (isSwitchboardError(error, 'PERMISSION_DENIED')) {
          if (store.getSnapshot().access !== 'denied') store.apply([{ type: 'denied' }]);
        }
        throw error;
      }
      const active = new Map(store.getSnapshot().alerts.map((alert) => [alert.id, alert]));
      const { raised, cleared } = checkAlerts(
        active,
        readAlerts(config.alerts, queues, agents),
        at,
      );
      store.apply([
        { type: 'read', queues, agents, at, raised, cleared: cleared.map(({ alert }) => alert.id) },
      ]);
      for (const { alert, value } of cleared) {
        ctx.events.emit('supervisorDesk.alertCleared', { alert, value, at });
      }
      for (const alert of raised) ctx.events.emit('supervisorDesk.alertRaised', { alert });
      return store.getSnapshot();
    }

    let timer: { handle: TimerHandle } | undefined;
    const tick = () => {
      timer = { handle: ctx.clock.setTimeout(tick, config.refreshMs) };
      refresh().catch((error: unknown) => {
        if (isSwitchboardError(error, 'PERMISSION_DENIED') && timer !== undefined) {
          ctx.clock.clearTimeout(timer.handle);
          timer = undefined;
          return;
        }
        ctx.logger.warn('The supervisor boards could not be read', { error });
      });
    };
    tick();

    const monitor = (mode: MonitorRequest['mode']) => (contactId: string) =>
      ctx.actions.invoke('supervisor.monitor', { contactId, mode });
    const api: SupervisorDeskApi = {
      getSnapshot: () => store.getSnapshot(),
      subscribe: (listener) => store.subscribe(listener),
      refresh,
      monitor: monitor('monitor'),
      whisper: monitor('whisper'),
      barge: monitor('barge'),
      forceStatus: (request) => ctx.actions.invoke('supervisor.forceStatus', request),
    };
    return { api };
  },
});

declare module '@switchboard/core' {
  interface PluginApis {
    /** The headless supervisor desk. */
    supervisorDesk: SupervisorDeskApi;
  }
  interface SwitchboardEvents {
    /** A threshold was crossed: service level, longest wait or not-ready share. */
    'supervisorDesk.alertRaised': AlertRaised;
    /** A raised alert's value came back past its threshold and hysteresis. */
    'supervisorDesk.alertCleared': AlertCleared;
  }
}
