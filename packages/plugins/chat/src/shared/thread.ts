import type { ChatAuthor, ChatMessage, PendingChatMessage } from '../protocol/message';

/** One side's copy of a conversation: confirmed messages in seq order, and its own unconfirmed ones. */
export interface Thread {
  /** Confirmed messages, seq 1, 2, 3, ... as received. */
  readonly messages: readonly ChatMessage[];
  /** What this side sent that the gateway has not confirmed yet. */
  readonly pending: readonly PendingChatMessage[];
}

/** An empty thread. */
export const emptyThread: Thread = { messages: [], pending: [] };

/** The seq of the last confirmed message, 0 when none. */
export function lastSeq(thread: Thread): number {
  return thread.messages.at(-1)?.seq ?? 0;
}

/**
 * Adds a message from the gateway. One already held (a replay after a resume) is ignored, so
 * nothing is doubled; one this side sent (`from === self`) clears its pending entry.
 */
export function receive(thread: Thread, message: ChatMessage, self: ChatAuthor): Thread {
  if (message.seq <= lastSeq(thread)) return thread;
  const pending =
    message.from === self && message.clientId !== undefined
      ? thread.pending.filter((entry) => entry.clientId !== message.clientId)
      : thread.pending;
  return { messages: [...thread.messages, message], pending };
}

/** Adds a message this side is sending. */
export function enqueue(thread: Thread, entry: PendingChatMessage): Thread {
  return { ...thread, pending: [...thread.pending, entry] };
}

/** How many messages from the other side follow `readUpTo`. */
export function unreadCount(thread: Thread, readUpTo: number, self: ChatAuthor): number {
  let count = 0;
  for (let index = thread.messages.length - 1; index >= 0; index -= 1) {
    const message = thread.messages[index];
    if (!message || message.seq <= readUpTo) break;
    if (message.from !== self) count += 1;
  }
  return count;
}
