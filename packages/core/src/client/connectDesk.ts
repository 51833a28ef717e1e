import * as z from 'zod/mini';
import type { ActionName, ActionPayload, ActionResult } from '../actions/actionTypes';
import type { CenterState } from '../center/centerState';
import { deskOperations, type DeskControls } from '../desk/deskControls';
import { createDeskSelector, type DeskSnapshot } from '../desk/deskSnapshot';
import { SwitchboardError, type ErrorCode } from '../errors';
import type { Unsubscribe } from '../events/eventBus';
import { createReportingBus } from '../events/reportingBus';
import { agentIdSchema } from '../model/ids';
import { systemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import {
  protocolVersion,
  serverMessageSchema,
  type ClientMessage,
  type ServerMessage,
  type Transport,
} from '../protocol/messages';
import { parseInput } from '../validation';
import { mirrorEvent, mirrorSnapshot } from './centerMirror';
import { reconnectDelay } from './reconnectDelay';

/** Options of {@link connectDesk}. */
export interface ConnectDeskOptions {
  /** The user the desk acts for; must be on the centre's roster. */
  readonly agentId: string;
  /**
   * Opens a transport to the centre server: called once at start and again after each drop.
   * A WebSocket (`fromWebSocket(new WebSocket(url))`), a `MessagePort`, or in-process ends.
   */
  readonly connect: () => Transport<ClientMessage, ServerMessage>;
  /** Time source for time in status and reconnect delays. */
  readonly clock?: Clock;
  /** Where malformed server messages and listener failures are reported. */
  readonly logger?: Logger;
  /** Reconnect attempts after a drop before the desk closes for good. Default 10. */
  readonly maxReconnects?: number;
}

/** How a remote desk's link to its centre stands. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A desk whose centre runs elsewhere, reached through the desk protocol (`docs/protocol.md`). */
export interface RemoteDesk extends DeskControls {
  /** How the link stands now. */
  connection(): ConnectionStatus;
  /** Calls `listener` when the link's status changes; returns an unsubscribe. */
  onConnection(listener: (status: ConnectionStatus) => void): Unsubscribe;
}

/** A failure the server reported for one command, as a {@link SwitchboardError}. */
function remoteError(error: Extract<ServerMessage, { type: 'result' }>['error']): SwitchboardError {
  return new SwitchboardError((error?.code ?? 'UNAVAILABLE') as ErrorCode, error?.message ?? '', {
    issues: error?.issues ?? [],
  });
}

/**
 * Connects a desk to a centre served by `createCenterServer`, resolving once the server welcomed
 * it. The desk mirrors the agent's state from the server's snapshot and events, sends each
 * operation as a command and settles its promise with the server's result. After a drop it
 * reconnects with back-off, resuming from the last event it saw (or starting from a fresh
 * snapshot when the server no longer has them); commands in flight at a drop reject with
 * `UNAVAILABLE`. It embeds no centre, so it is what a browser pays when the centre is a server.
 *
 * @throws {@link SwitchboardError} `UNAVAILABLE` when the first connection is refused or closes
 * before the welcome (`details.reason` gives the server's reason, e.g. `NOT_FOUND`).
 *
 * @example
 * ```ts
 * const desk = await connectDesk({
 *   agentId: 'ada',
 *   connect: () => fromWebSocket(new WebSocket('wss://centre.example/desk')),
 * });
 * await desk.login();
 * ```
 */
export function connectDesk(options: ConnectDeskOptions): Promise<RemoteDesk> {
  const agentId = parseInput(agentIdSchema, options.agentId, 'agentId');
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const maxReconnects = options.maxReconnects ?? 10;
  const bus = createReportingBus(logger, 'remote desk');
  const forward = bus.emit as (name: string, payload: unknown) => void;
  const select = createDeskSelector(agentId);
  const listeners = new Set<() => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const pending = new Map<
    string,
    { resolve(value: unknown): void; reject(error: unknown): void }
  >();

  let state: CenterState | undefined;
  let snapshot: DeskSnapshot | undefined;
  let lastEventId: number | undefined;
  let status: ConnectionStatus = 'connecting';
  let link: Transport<ClientMessage, ServerMessage> | undefined;
  let attempts = 0;
  let nextCommand = 1;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };
  const publish = (next: CenterState) => {
    state = next;
    const view = select(next);
    if (!view || view === snapshot) return;
    snapshot = view;
    for (const listener of [...listeners]) listener();
  };
  const failPending = (reason: string) => {
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(
        new SwitchboardError('UNAVAILABLE', `The connection closed (${reason}).`, {
          details: { reason },
        }),
      );
    }
  };

  return new Promise<RemoteDesk>((resolveDesk, rejectDesk) => {
    let welcomed = false;

    const retry = (reason: string) => {
      if (status === 'closed') return;
      if (!welcomed || attempts >= maxReconnects) {
        setStatus('closed');
        if (!welcomed)
          rejectDesk(
            new SwitchboardError('UNAVAILABLE', `The centre refused the desk (${reason}).`, {
              details: { reason },
            }),
          );
        return;
      }
      setStatus('reconnecting');
      clock.setTimeout(open, reconnectDelay(attempts++));
    };

    const open = () => {
      if (status === 'closed') return;
      let transport: Transport<ClientMessage, ServerMessage>;
      try {
        transport = options.connect();
      } catch (error) {
        logger.warn('Could not open a transport to the centre', { error });
        retry('unreachable');
        return;
      }
      link = transport;
      let goodbye = 'closed';
      const handle = (raw: ServerMessage) => {
        const parsed = z.safeParse(serverMessageSchema, raw);
        if (!parsed.success) {
          logger.warn('Ignored a malformed message from the centre', {
            issues: parsed.error.issues,
          });
          return;
        }
        const message = parsed.data;
        switch (message.type) {
          case 'welcome':
            attempts = 0;
            if (!message.resumed && message.snapshot) {
              publish(mirrorSnapshot(message.snapshot));
              lastEventId = message.lastEventId;
            }
            setStatus('open');
            if (!welcomed) {
              welcomed = true;
              resolveDesk(desk);
            }
            return;
          case 'event':
            if (lastEventId !== undefined && message.id <= lastEventId) return;
            lastEventId = message.id;
            if (state) publish(mirrorEvent(state, message.name, message.payload));
            forward(message.name, message.payload);
            return;
          case 'result': {
            const waiter = pending.get(message.id);
            pending.delete(message.id);
            if (message.ok) waiter?.resolve(message.value);
            else waiter?.reject(remoteError(message.error));
            return;
          }
          case 'goodbye':
            goodbye = message.reason;
            transport.close();
        }
      };
      const offMessage = transport.onMessage(handle);
      const offClose = transport.onClose(() => {
        offMessage();
        offClose();
        if (link === transport) link = undefined;
        failPending(goodbye);
        if (goodbye !== 'closed') attempts = maxReconnects;
        retry(goodbye);
      });
      transport.send({
        type: 'hello',
        version: protocolVersion,
        agentId,
        ...(lastEventId === undefined ? {} : { resumeFrom: lastEventId }),
      });
    };

    const invoke = <K extends ActionName>(
      name: K,
      payload: ActionPayload<K>,
    ): Promise<ActionResult<K>> => {
      if (status !== 'open' || !link) {
        return Promise.reject(
          new SwitchboardError('UNAVAILABLE', `The desk is ${status}; ${name} was not sent.`, {
            details: { action: name, status },
          }),
        );
      }
      const id = `c${nextCommand++}`;
      const sent = link;
      return new Promise<ActionResult<K>>((resolve, reject) => {
        pending.set(id, { resolve: resolve, reject });
        sent.send({ type: 'command', id, action: name, payload });
      });
    };

    const getSnapshot = (): DeskSnapshot => {
      if (!snapshot)
        throw new SwitchboardError('NOT_FOUND', `Agent ${agentId} is not on the centre's roster.`, {
          details: { agentId },
        });
      return snapshot;
    };

    const desk: RemoteDesk = {
      agentId,
      getSnapshot,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      events: { on: bus.on, once: bus.once, onAny: bus.onAny },
      invoke,
      timeInStatus: () => clock.now() - getSnapshot().agent.since,
      ...deskOperations(invoke),
      connection: () => status,
      onConnection(listener) {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      dispose() {
        if (status === 'closed') return Promise.resolve();
        setStatus('closed');
        link?.send({ type: 'bye' });
        link?.close();
        failPending('disposed');
        return Promise.resolve();
      },
    };

    open();
  });
}
