import type { ChatProblem } from '../protocol/codes';
import type {
  ChatAttachment,
  ChatMessage,
  ChatStatus,
  PendingChatMessage,
} from '../protocol/message';
import type { ChatConnectionState } from '../shared/session';
import type { Unsubscribe } from '../transport/link';

/** One chat on the agent's desk. */
export interface DeskChat {
  /** The chat's contact. */
  readonly contactId: string;
  /** Who the customer said they are. */
  readonly customer: {
    /** Display name. */
    readonly name?: string;
    /** Email address. */
    readonly email?: string;
    /** Phone number. */
    readonly phone?: string;
  };
  /** `connected` while the agent can write, `ended` once it is over (wrap-up). */
  readonly status: ChatStatus;
  /** Confirmed messages, in order, each once. */
  readonly messages: readonly ChatMessage[];
  /** The agent's messages not confirmed yet (resent after a reconnect). */
  readonly pending: readonly PendingChatMessage[];
  /** Whether the customer is typing; off by itself `typingTimeoutMs` after the last renewal. */
  readonly customerTyping: boolean;
  /** The customer read the agent's messages up to this seq. */
  readonly customerReadUpTo: number;
  /** The agent read the customer's messages up to this seq. */
  readonly readUpTo: number;
  /** Customer and system messages after `readUpTo`. */
  readonly unread: number;
}

/** What the desk shows of chat. A new frozen object on every change. */
export interface ChatDeskSnapshot {
  /** The link to the gateway. */
  readonly connection: ChatConnectionState;
  /** The chats the agent holds, in the order they opened. */
  readonly chats: readonly DeskChat[];
  /** Chats held against the agent's chat capacity. */
  readonly capacity: {
    /** Chats held. */
    readonly used: number;
    /** Chats allowed at once. */
    readonly capacity: number;
  };
  /** The last problem (a refused frame, a lost connection), or `null`. */
  readonly error: ChatProblem | null;
}

/** The chat plugin's API: `desk.plugin('chat')`, or `ctx.plugins.api('chat')` for dependents. */
export interface ChatDeskApi {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): ChatDeskSnapshot;
  /** Calls `listener` after every change; a throwing listener is logged and the others still run. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Sends a message in a chat the agent holds; returns it pending until the gateway confirms it.
   *
   * Throws a `ChatError`: `NOT_YOUR_CHAT`, `CHAT_ENDED` or `INVALID_INPUT`.
   */
  send(
    contactId: string,
    text: string,
    options?: {
      /** Attachment metadata (upload the files elsewhere first). */
      attachments?: readonly ChatAttachment[];
    },
  ): PendingChatMessage;
  /** Tells the customer whether the agent is typing. */
  setTyping(contactId: string, typing: boolean): void;
  /** Marks the customer's messages read up to `upTo` (the last one by default). */
  markRead(contactId: string, upTo?: number): void;
}
