import { decodeFrame } from '../protocol/codec';
import type { ChatProblem } from '../protocol/codes';
import { serverFrameSchema, type ServerFrame } from '../protocol/frames';
import type { ChatDialer, ChatLink } from '../transport/link';

/** Where a side's connection to the gateway stands. */
export type ChatConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Timers a session schedules reconnects on: the core's `Clock` fits, so do the runtime's. */
export interface ChatTimers {
  /** Calls `callback` once, `delayMs` from now. */
  setTimeout(callback: () => void, delayMs: number): unknown;
  /** Cancels a timer. */
  clearTimeout(handle: unknown): void;
}

/** How long to wait between reconnect attempts: doubling from `minDelayMs` up to `maxDelayMs`. */
export interface ReconnectPolicy {
  /** The wait before the second attempt (the first is immediate). Default 250 ms. */
  readonly minDelayMs?: number;
  /** The longest wait. Default 10 s. */
  readonly maxDelayMs?: number;
}

/** What a session tells its owner. */
export interface SessionHandlers {
  /** The `hello` to send on each new link (built then, so it carries the latest resume point). */
  hello(): object;
  /** Every decoded frame, `welcome` included. */
  frame(frame: ServerFrame): void;
  /** A refused frame, an `error` frame, a failed dial. */
  problem(problem: ChatProblem): void;
  /** The connection state changed. */
  state(state: ChatConnectionState): void;
}

/** A connection to the gateway that reconnects by itself until closed. */
export interface Session {
  /** Sends a frame; `false` when no session is open (the owner keeps it to resend). */
  send(frame: object): boolean;
  /** Closes for good. */
  close(): void;
}

/**
 * Opens a session: dials, says `hello`, decodes frames, and after a lost link dials again (at
 * once, then with a doubling, jittered delay) until {@link Session.close}.
 */
export function openSession(
  dial: ChatDialer,
  timers: ChatTimers,
  policy: ReconnectPolicy,
  on: SessionHandlers,
): Session {
  const minDelay = policy.minDelayMs ?? 250;
  const maxDelay = policy.maxDelayMs ?? 10_000;
  let link: ChatLink | undefined;
  let welcomed = false;
  let closed = false;
  let failures = 0;
  let timer: unknown;

  const connect = () => {
    if (closed) return;
    dial().then(attach, (error: unknown) => {
      on.problem({ code: 'TRANSPORT_FAILED', message: String(error) });
      retry();
    });
  };
  const retry = () => {
    if (closed) return;
    on.state('reconnecting');
    const delay = failures === 0 ? 0 : Math.min(maxDelay, minDelay * 2 ** (failures - 1));
    failures += 1;
    if (delay === 0) {
      connect();
      return;
    }
    timer = timers.setTimeout(connect, delay * (0.5 + Math.random() / 2));
  };
  const attach = (opened: ChatLink) => {
    if (closed) {
      opened.close();
      return;
    }
    link = opened;
    welcomed = false;
    opened.onMessage((data) => {
      const decoded = decodeFrame(serverFrameSchema, data);
      if (!decoded.ok) {
        on.problem(decoded.problem);
        return;
      }
      const frame = decoded.value;
      if (frame.type === 'welcome') {
        welcomed = true;
        failures = 0;
        on.state('open');
      }
      if (frame.type === 'error') {
        const { code, message, issues } = frame;
        on.problem({ code, message, ...(issues ? { issues } : {}) });
      }
      on.frame(frame);
    });
    opened.onClose(() => {
      if (link !== opened) return;
      link = undefined;
      welcomed = false;
      retry();
    });
    opened.send(JSON.stringify(on.hello()));
  };

  on.state('connecting');
  connect();
  return {
    send(frame) {
      if (!link || !welcomed) return false;
      link.send(JSON.stringify(frame));
      return true;
    },
    close() {
      if (closed) return;
      closed = true;
      timers.clearTimeout(timer);
      const open = link;
      link = undefined;
      open?.close();
      on.state('closed');
    },
  };
}
