import {
  createContactThreads,
  systemClock,
  type Clock,
  type ContactCenter,
  type ContactThread,
  type Logger,
  type ThreadOutcome,
  type Unsubscribe,
} from '@switchboard/core';
import { MessagingError } from './messagingError';
import {
  inboundMessageSchema,
  type ConversationMessage,
  type InboundMessage,
  type InboundMessageInput,
} from './message';
import { parseMessagingInput } from './parse';

/** One customer's conversation on one network, across the contacts that carried it. */
export interface Conversation extends ContactThread<ConversationMessage> {
  /** `<channel>:<network>:<sender>`, e.g. `sms:sms:+33612345678`. */
  readonly id: string;
  /** `sms` or `social`. */
  readonly channel: 'sms' | 'social';
  /** The network (`sms` for SMS). */
  readonly network: string;
  /** The customer: an E.164 number for SMS, the handle otherwise. */
  readonly customer: string;
  /** The customer's display name, when known. */
  readonly name?: string;
  /** The centre's number or account the customer wrote to, when known. */
  readonly to?: string;
}

/**
 * What became of a message: a new contact (`opened`), added to its conversation's open contact
 * (`joined`), a follow-up contact since the last one finished (`reopened`), or nothing because
 * that provider id was already received (`duplicate`).
 */
export type ConversationOutcome = ThreadOutcome;

/** The answer of {@link ConversationInbox.receive}. */
export interface ConversationReceipt {
  /** What happened. */
  readonly outcome: ConversationOutcome;
  /** The conversation. */
  readonly conversationId: string;
  /** The contact carrying it. */
  readonly contactId: string;
}

/** What a desk needs of the conversations: the port the `sms-social` plugin uses. */
export interface ConversationSource {
  /** The conversation a contact carries, if any. */
  conversationOf(contactId: string): Conversation | undefined;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Adds a message an agent sent on `contactId` to its conversation.
   *
   * @throws {@link MessagingError} `MESSAGING_NO_CONVERSATION` when the contact has none.
   */
  recordSent(contactId: string, message: ConversationMessage): void;
}

/** The inbox's state. */
export interface ConversationInboxSnapshot {
  /** Every conversation by id, oldest first. */
  readonly conversations: ReadonlyMap<string, Conversation>;
}

/** The queue new contacts wait in, per channel. */
export interface ChannelQueues {
  /** The queue of `sms` contacts. */
  readonly sms: string;
  /** The queue of `social` contacts. */
  readonly social: string;
}

/** The centre side of the channel: turns inbound messages into sms and social contacts. */
export interface ConversationInbox extends ConversationSource {
  /**
   * Receives one message; idempotent on its id. SMS senders should be E.164 already: the
   * webhook handler normalises them, a direct caller (a simulator, a relay) does it itself.
   *
   * @throws {@link MessagingError} `MESSAGING_INVALID` when it fails the payload schema.
   */
  receive(message: InboundMessageInput): ConversationReceipt;
  /** Every conversation by id; the same object until something changes. */
  getSnapshot(): ConversationInboxSnapshot;
}

/** Options of {@link createConversationInbox}. */
export interface ConversationInboxOptions {
  /** The centre that gets the contacts. */
  readonly center: Pick<ContactCenter, 'openContact' | 'getSnapshot'>;
  /** The queue per channel new contacts wait in. */
  readonly queues: ChannelQueues;
  /** The clock that dates messages without `sentAt`. */
  readonly clock?: Pick<Clock, 'now'>;
  /** Where a throwing subscriber is reported. */
  readonly logger?: Logger;
}

/**
 * Creates a {@link ConversationInbox}: messages from a sender join their open contact; after
 * it finished, the next one opens a follow-up contact (`followUpOf`).
 *
 * @example
 * ```ts
 * const inbox = createConversationInbox({ center, queues: { sms: 'support', social: 'social' } });
 * const handler = createWebhookHandler({ secrets: [secret], inbox, defaultCountry: 'FR' });
 * ```
 */
export function createConversationInbox(options: ConversationInboxOptions): ConversationInbox {
  const { center, queues } = options;
  const clock = options.clock ?? systemClock;
  const threads = createContactThreads<Conversation, ConversationMessage>(options);
  let snapshot: ConversationInboxSnapshot | undefined;

  function open(message: InboundMessage, id: string, network: string, followUpOf?: string) {
    const sms = message.channel === 'sms';
    return center.openContact({
      channel: message.channel,
      queueId: queues[message.channel],
      customer: {
        ...(sms ? { phone: message.from } : {}),
        ...(message.name ? { name: message.name } : {}),
        attributes: sms ? {} : { handle: message.from, network },
      },
      attributes: {
        conversationId: id,
        network,
        ...(followUpOf ? { followUpOf } : {}),
      },
    }).id;
  }

  return {
    receive(input) {
      const message = parseMessagingInput(inboundMessageSchema, input, 'inbound message');
      const network = message.network ?? message.channel;
      const id = `${message.channel}:${network}:${message.from}`;
      const entry: ConversationMessage = {
        direction: 'inbound',
        id: message.id,
        text: message.text,
        media: message.media,
        at: message.sentAt ?? clock.now(),
      };
      const { outcome, thread } = threads.receive({
        // Provider ids are unique per network, not across them.
        messageKey: `${message.channel}:${network}:${message.id}`,
        threadId: id,
        message: entry,
        open: (followUpOf) => open(message, id, network, followUpOf),
        start: (contactId) => ({
          id,
          channel: message.channel,
          network,
          customer: message.from,
          ...(message.name ? { name: message.name } : {}),
          ...(message.to ? { to: message.to } : {}),
          contactId,
          contactIds: [contactId],
          messages: [entry],
        }),
      });
      return { outcome, conversationId: thread.id, contactId: thread.contactId };
    },
    conversationOf: (contactId) => threads.threadOf(contactId),
    recordSent(contactId, message) {
      const conversation = threads.threadOf(contactId);
      const key = `${conversation?.channel}:${conversation?.network}:${message.id}`;
      if (!conversation || !threads.recordSent(contactId, message, key)) {
        throw new MessagingError('MESSAGING_NO_CONVERSATION', undefined, {
          details: { contactId },
        });
      }
    },
    getSnapshot() {
      const current = threads.threads();
      if (snapshot?.conversations !== current) {
        snapshot = Object.freeze({ conversations: current });
      }
      return snapshot;
    },
    subscribe: (listener) => threads.subscribe(listener),
  };
}
