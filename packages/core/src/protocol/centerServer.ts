import type { ContactCenter } from '../center/contactCenter';
import { isFinished } from '../contact/contactMachine';
import { createDesk, type Desk } from '../desk/createDesk';
import { concernsAgent } from '../desk/deskEvents';
import { isSwitchboardError } from '../errors';
import type { Clock } from '../ports/clock';
import * as z from 'zod/mini';
import {
  clientMessageSchema,
  protocolVersion,
  type ClientMessage,
  type ServerMessage,
  type Transport,
} from './messages';

/** Options of {@link createCenterServer}. */
export interface CenterServerOptions {
  /** The centre's clock, for the desks the server opens. */
  readonly clock?: Clock;
  /** Events kept for clients that resume after a disconnection. Default 10,000. */
  readonly historyLimit?: number;
}

/** Serves a centre to desks over any {@link Transport}, with the messages of `docs/protocol.md`. */
export interface CenterServer {
  /** Takes a new connection: it must open with `hello`. Returns a function that drops it. */
  accept(transport: Transport<ServerMessage, ClientMessage>): () => void;
  /** The id of the last event the server numbered. */
  lastEventId(): number;
  /** Drops every connection and stops numbering events. */
  close(): void;
}

interface Numbered {
  readonly id: number;
  readonly name: string;
  readonly payload: unknown;
}

/**
 * Creates the server side of the desk protocol for `center`: numbers every centre event, keeps
 * the last `historyLimit` for resumption, and runs each connection's commands through a desk of
 * its user (so roles, validation and plugin hooks apply as in process).
 */
export function createCenterServer(
  center: ContactCenter,
  options: CenterServerOptions = {},
): CenterServer {
  const limit = options.historyLimit ?? 10_000;
  const history: Numbered[] = [];
  const sessions = new Set<(event: Numbered) => void>();
  const drops = new Set<() => void>();
  let last = 0;

  const stop = center.events.onAny((name, payload) => {
    const event: Numbered = { id: ++last, name, payload };
    history.push(event);
    if (history.length > limit) history.shift();
    for (const deliver of [...sessions]) deliver(event);
  });

  function accept(transport: Transport<ServerMessage, ClientMessage>): () => void {
    let desk: Desk | undefined;
    let deliver: ((event: Numbered) => void) | undefined;
    let dropped = false;
    const detach: (() => void)[] = [];
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (deliver) sessions.delete(deliver);
      drops.delete(drop);
      for (const stop of detach) stop();
      transport.close();
      void desk?.dispose();
    };
    const goodbye = (reason: string) => {
      transport.send({ type: 'goodbye', reason });
      drop();
    };

    const hello = (message: Extract<ClientMessage, { type: 'hello' }>) => {
      if (message.version !== protocolVersion) {
        goodbye('VERSION_UNSUPPORTED');
        return;
      }
      const agent = center.getSnapshot().agents.get(message.agentId);
      if (!agent) {
        goodbye('NOT_FOUND');
        return;
      }
      desk = createDesk({ agent: agent.profile, center, clock: options.clock });
      const sees = agent.profile.roles.some((role) => role !== 'agent')
        ? () => true
        : (event: Numbered) => concernsAgent(event.payload, agent.profile.id);
      const send = (event: Numbered) => {
        if (sees(event)) {
          transport.send({ type: 'event', id: event.id, name: event.name, payload: event.payload });
        }
      };
      const oldest = history[0]?.id ?? last + 1;
      const resumed = message.resumeFrom !== undefined && message.resumeFrom >= oldest - 1;
      const state = center.getSnapshot();
      transport.send(
        resumed
          ? { type: 'welcome', version: protocolVersion, lastEventId: last, resumed }
          : {
              type: 'welcome',
              version: protocolVersion,
              lastEventId: last,
              resumed,
              snapshot: {
                agents: [...state.agents.values()],
                contacts: [...state.contacts.values()].filter((contact) => !isFinished(contact)),
              },
            },
      );
      if (resumed)
        for (const event of history) if (event.id > (message.resumeFrom ?? 0)) send(event);
      deliver = send;
      sessions.add(send);
    };

    const command = async (message: Extract<ClientMessage, { type: 'command' }>, open: Desk) => {
      try {
        const value = await open.invoke(message.action, message.payload);
        transport.send({ type: 'result', id: message.id, ok: true, value });
      } catch (error) {
        transport.send({
          type: 'result',
          id: message.id,
          ok: false,
          error: isSwitchboardError(error)
            ? {
                code: error.code,
                message: error.message,
                issues: error.issues.map((issue) => ({
                  path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
                  message: issue.message,
                })),
              }
            : { code: 'INTERNAL', message: 'The action failed.', issues: [] },
        });
      }
    };

    const off = transport.onMessage((raw) => {
      const parsed = z.safeParse(clientMessageSchema, raw);
      if (!parsed.success) {
        goodbye('MALFORMED');
        return;
      }
      const message = parsed.data;
      if (message.type === 'bye') {
        drop();
        return;
      }
      if (message.type === 'hello') {
        if (desk) goodbye('MALFORMED');
        else hello(message);
        return;
      }
      if (!desk) {
        goodbye('MALFORMED');
        return;
      }
      void command(message, desk);
    });
    detach.push(off);
    drops.add(drop);
    detach.push(transport.onClose(drop));
    return drop;
  }

  return {
    accept,
    lastEventId: () => last,
    close() {
      for (const drop of [...drops]) drop();
      stop();
    },
  };
}
