import { createValue, type Observable } from './observable';

/** A message the desk sent a customer outside the chat widget: an email reply, a survey. */
export interface OutboxMessage {
  /** The contact it belongs to. */
  readonly contactId: string;
  /** What kind of message it is. */
  readonly kind: 'reply' | 'survey';
  /** How it went out. */
  readonly channel: string;
  /** The subject line, for email. */
  readonly subject?: string;
  /** The text. */
  readonly text: string;
  /** When it went out (ms since epoch). */
  readonly at: number;
}

/** Messages sent by email or SMS in the embedded world: an email transport stands here. */
export interface Outbox extends Observable<readonly OutboxMessage[]> {
  /** Records a message as sent. */
  readonly send: (message: OutboxMessage) => void;
}

/** Creates an empty {@link Outbox}. */
export function createOutbox(): Outbox {
  const sent = createValue<readonly OutboxMessage[]>([]);
  return {
    getSnapshot: sent.getSnapshot,
    subscribe: sent.subscribe,
    send: (message) => {
      sent.set([...sent.getSnapshot(), message]);
    },
  };
}
