import type * as z from 'zod/mini';
import { toIssues } from '../protocol/codec';
import type { ChatProblem } from '../protocol/codes';
import type { customerHelloSchema } from '../protocol/frames';
import { chatProtocolVersion, type ServerFrame } from '../protocol/frames';
import {
  chatSendSchema,
  type ChatAttachment,
  type ChatMessage,
  type ChatStatus,
  type PendingChatMessage,
} from '../protocol/message';
import {
  openSession,
  type ChatConnectionState,
  type ChatTimers,
  type ReconnectPolicy,
} from '../shared/session';
import { emptyThread, enqueue, lastSeq, receive, unreadCount, type Thread } from '../shared/thread';
import { createTypingExpiry, defaultTypingTimeoutMs } from '../shared/typingExpiry';
import { createListeners, type ChatDialer, type Unsubscribe } from '../transport/link';

/** Where to pick a conversation up again: keep it (e.g. in `sessionStorage`) across a page reload. */
export interface ChatResumePoint {
  /** The conversation. */
  readonly conversationId: string;
  /** Its secret. */
  readonly token: string;
  /** The last message seq held. */
  readonly lastSeq: number;
}

/** Options of {@link createChatClient}. */
export interface ChatClientOptions {
  /** Opens a link to the gateway: `fromWebSocketUrl(url)`, or an in-process transport's `dial`. */
  readonly connect: ChatDialer;
  /** The queue to ask for; the gateway's default when absent. */
  readonly queueId?: string;
  /** What the customer tells about themselves. */
  readonly customer?: z.input<typeof customerHelloSchema>['customer'];
  /** Facts from the page (topic, URL, language). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /** Resume this conversation instead of starting one. */
  readonly resume?: ChatResumePoint;
  /** Timers for reconnect delays; the runtime's by default. */
  readonly timers?: ChatTimers;
  /** Reconnect delays. */
  readonly reconnect?: ReconnectPolicy;
  /** Makes message client ids; `crypto.randomUUID` by default. */
  readonly createId?: () => string;
  /** How long the agent's typing indicator lasts unless renewed; 10 s by default, `null` forever. */
  readonly typingTimeoutMs?: number | null;
}

/** What the widget renders. A new frozen object on every change. */
export interface ChatClientSnapshot {
  /** The link to the gateway. */
  readonly connection: ChatConnectionState;
  /** The conversation: waiting for an agent, with one, or over. `null` before the first welcome. */
  readonly status: ChatStatus | null;
  /** The conversation id, once the gateway gave one. */
  readonly conversationId: string | null;
  /** Confirmed messages, in order, each once. */
  readonly messages: readonly ChatMessage[];
  /** Sent but not confirmed yet (resent after a reconnect). */
  readonly pending: readonly PendingChatMessage[];
  /** Whether the agent is typing; off by itself `typingTimeoutMs` after the last renewal. */
  readonly agentTyping: boolean;
  /** The agent read the customer's messages up to this seq. */
  readonly agentReadUpTo: number;
  /** The customer's own read mark. */
  readonly readUpTo: number;
  /** Agent messages after `readUpTo`. */
  readonly unread: number;
  /** The last problem (a refused frame, a failed connection, bad input), or `null`. */
  readonly error: ChatProblem | null;
}

/** The customer's side of a chat: observable, and it never throws (problems land in `error`). */
export interface ChatClient {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): ChatClientSnapshot;
  /** Calls `listener` after every change; a throwing listener does not stop the others. */
  subscribe(listener: () => void): Unsubscribe;
  /** Sends a message; returns it pending, or `null` (with `error` set) when refused locally. */
  send(
    text: string,
    options?: { attachments?: readonly ChatAttachment[] },
  ): PendingChatMessage | null;
  /** Tells the agent whether the customer is typing. */
  setTyping(typing: boolean): void;
  /** Marks agent messages read up to `upTo` (the last message by default). */
  markRead(upTo?: number): void;
  /** Leaves the conversation: the contact is abandoned if waiting, ended if connected. */
  leave(): void;
  /** Where to resume after a page reload, once the conversation has an id. */
  resumePoint(): ChatResumePoint | null;
  /** Closes the connection without leaving (the gateway waits for a resume for a while). */
  close(): void;
}

const defaultTimers: ChatTimers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/**
 * Creates the customer's chat client: connects at once, opens (or resumes) a conversation,
 * reconnects after a drop and resumes from the last message held, resending what was not
 * confirmed, so nothing is lost or doubled.
 *
 * @example
 * ```ts
 * const chat = createChatClient({ connect: fromWebSocketUrl('wss://example.com/chat'), customer: { name: 'Grace' } });
 * chat.subscribe(() => render(chat.getSnapshot()));
 * chat.send('Hello, my parcel is late');
 * ```
 */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const listeners = createListeners<[]>();
  const createId = options.createId ?? (() => globalThis.crypto.randomUUID());
  let thread: Thread = emptyThread;
  let resume = options.resume ?? null;
  let snapshot: ChatClientSnapshot = Object.freeze({
    connection: 'connecting',
    status: null,
    conversationId: resume?.conversationId ?? null,
    messages: [],
    pending: [],
    agentTyping: false,
    agentReadUpTo: 0,
    readUpTo: 0,
    unread: 0,
    error: null,
  });
  const update = (changes: Partial<ChatClientSnapshot>) => {
    const next = { ...snapshot, ...changes, messages: thread.messages, pending: thread.pending };
    snapshot = Object.freeze({ ...next, unread: unreadCount(thread, next.readUpTo, 'customer') });
    listeners.emit();
  };
  const timers = options.timers ?? defaultTimers;
  const typingExpiry = createTypingExpiry<'agent'>(
    timers,
    options.typingTimeoutMs === undefined ? defaultTypingTimeoutMs : options.typingTimeoutMs,
    () => {
      if (snapshot.agentTyping) update({ agentTyping: false });
    },
  );
  const agentTyping = (value: boolean) => {
    typingExpiry.set('agent', value);
    return value;
  };
  const fail = (problem: ChatProblem) => {
    update({ error: problem });
  };

  const session = openSession(options.connect, timers, options.reconnect ?? {}, {
    hello: () => ({
      type: 'hello',
      v: chatProtocolVersion,
      role: 'customer',
      ...(resume ? { resume: { ...resume, lastSeq: lastSeq(thread) || resume.lastSeq } } : {}),
      ...(options.queueId ? { queueId: options.queueId } : {}),
      ...(options.customer ? { customer: options.customer } : {}),
      ...(options.attributes ? { attributes: options.attributes } : {}),
    }),
    frame: (frame) => {
      handle(frame);
    },
    problem: fail,
    state: (connection) => {
      update({ connection });
    },
  });

  function handle(frame: ServerFrame) {
    switch (frame.type) {
      case 'welcome':
        if (frame.conversationId && frame.token) {
          resume = {
            conversationId: frame.conversationId,
            token: frame.token,
            lastSeq: lastSeq(thread),
          };
        }
        update({
          conversationId: frame.conversationId ?? snapshot.conversationId,
          status: frame.status ?? snapshot.status,
          agentReadUpTo: Math.max(snapshot.agentReadUpTo, frame.agentReadUpTo ?? 0),
        });
        for (const entry of thread.pending) session.send({ type: 'send', ...entry });
        if (snapshot.readUpTo > 0) session.send({ type: 'read', upTo: snapshot.readUpTo });
        return;
      case 'message':
        thread = receive(thread, frame.message, 'customer');
        update({
          agentTyping: frame.message.from === 'agent' ? agentTyping(false) : snapshot.agentTyping,
        });
        return;
      case 'typing':
        update({ agentTyping: agentTyping(frame.typing) });
        return;
      case 'read':
        update({ agentReadUpTo: Math.max(snapshot.agentReadUpTo, frame.upTo) });
        return;
      case 'status':
        update({
          status: frame.status,
          ...(frame.status === 'ended' ? { agentTyping: agentTyping(false) } : {}),
        });
        return;
      case 'error':
        if (frame.code === 'UNKNOWN_CONVERSATION' || frame.code === 'OPEN_FAILED') {
          session.close();
          update({ status: 'ended' });
        }
        return;
      default:
        return;
    }
  }

  return {
    getSnapshot: () => snapshot,
    subscribe: listeners.add,
    send(text, extra = {}) {
      const parsed = chatSendSchema.safeParse({ text, attachments: extra.attachments ?? [] });
      if (!parsed.success) {
        fail({
          code: 'INVALID_INPUT',
          message: 'The message is malformed.',
          issues: toIssues(parsed.error.issues),
        });
        return null;
      }
      if (snapshot.connection === 'closed' || snapshot.status === 'ended') {
        fail({
          code: snapshot.status === 'ended' ? 'CHAT_ENDED' : 'DISPOSED',
          message: 'The chat is over.',
        });
        return null;
      }
      const entry: PendingChatMessage = { clientId: createId(), ...parsed.data };
      thread = enqueue(thread, entry);
      update({});
      session.send({ type: 'send', ...entry });
      return entry;
    },
    setTyping(typing) {
      session.send({ type: 'typing', typing });
    },
    markRead(upTo = lastSeq(thread)) {
      if (upTo <= snapshot.readUpTo) return;
      update({ readUpTo: upTo });
      session.send({ type: 'read', upTo });
    },
    leave() {
      session.send({ type: 'leave' });
      typingExpiry.clear();
      session.close();
      update({ status: 'ended' });
    },
    resumePoint: () => (resume ? { ...resume, lastSeq: lastSeq(thread) } : null),
    close: () => {
      typingExpiry.clear();
      session.close();
    },
  };
}
