import type { ReplyChannel } from './responseSchema';

/** One message for a customer, handed to the channel that carries it. */
export interface OutboundReply {
  /** The contact it answers. */
  readonly contactId: string;
  /** The contact's channel. */
  readonly channel: ReplyChannel;
  /** `reply`: an agent sent a saved reply; `acknowledgement` / `waitUpdate`: automated. */
  readonly kind: 'reply' | 'acknowledgement' | 'waitUpdate';
  /** The text, every variable filled. */
  readonly text: string;
  /** The subject line, for email. */
  readonly subject?: string;
  /** The saved reply or macro it came from, for `reply`. */
  readonly responseId?: string;
}

/**
 * The send port: how a reply reaches the customer. A channel plugin (chat, email, SMS)
 * implements it; a host with several channels routes on `reply.channel`. A rejection is
 * reported and not retried here (the channel owns retries).
 */
export interface ReplySender {
  /** Sends one reply. */
  send(reply: OutboundReply): void | Promise<void>;
}

/** Whether `value` is a {@link ReplySender}. */
export function isReplySender(value: unknown): value is ReplySender {
  return typeof (value as Partial<ReplySender> | null)?.send === 'function';
}
