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
import { EmailError } from './emailError';
import {
  inboundEmailSchema,
  type EmailAddress,
  type EmailMessage,
  type InboundEmailInput,
} from './message';
import { parseEmailInput } from './parse';
import { parentIds } from './threading';

/** One conversation by email: the messages that reference each other, and the contacts that carried it. */
export interface EmailThread extends ContactThread<EmailMessage> {
  /** The thread's id: the Message-ID of its first message. */
  readonly id: string;
  /** The subject of its first message. */
  readonly subject: string;
  /** The customer who started it. */
  readonly customer: EmailAddress;
}

/**
 * What became of a received message: a new contact (`opened`), added to the open contact of its
 * thread (`joined`), a follow-up contact because the thread's contact was finished (`reopened`),
 * or nothing because that Message-ID was already received (`duplicate`).
 */
export type ReceiveOutcome = ThreadOutcome;

/** The answer of {@link EmailInbox.receive}. */
export interface ReceiveResult {
  /** What happened. */
  readonly outcome: ReceiveOutcome;
  /** The thread the message belongs to. */
  readonly threadId: string;
  /** The contact that carries it. */
  readonly contactId: string;
}

/** What an agent's desk needs of the threads: the port the `email` plugin reads and writes. */
export interface EmailThreadSource {
  /** The thread a contact carries, if any. */
  threadOf(contactId: string): EmailThread | undefined;
  /** Calls `listener` after every change to any thread. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Adds a message an agent sent on `contactId` to its thread, so replies to it thread too.
   *
   * @throws {@link EmailError} `EMAIL_NO_THREAD` when the contact carries no thread.
   */
  recordSent(contactId: string, message: EmailMessage): void;
}

/** The inbox's state: every thread by id. */
export interface EmailInboxSnapshot {
  /** Threads by id, oldest first. */
  readonly threads: ReadonlyMap<string, EmailThread>;
}

/** The centre side of the email channel: turns inbound messages into email contacts. */
export interface EmailInbox extends EmailThreadSource {
  /**
   * Receives one parsed message: threads it by In-Reply-To and References, and opens, joins or
   * reopens a contact. Idempotent on Message-ID.
   *
   * @throws {@link EmailError} `EMAIL_INVALID` when the message fails its schema (nothing changes).
   */
  receive(input: InboundEmailInput): ReceiveResult;
  /** The current state; the same object until something changes. */
  getSnapshot(): EmailInboxSnapshot;
}

/** Options of {@link createEmailInbox}. */
export interface EmailInboxOptions {
  /** The centre that gets the contacts. */
  readonly center: Pick<ContactCenter, 'openContact' | 'getSnapshot'>;
  /** The queue new email contacts wait in. */
  readonly queueId: string;
  /** Priority of new contacts, 0 to 9. Default 0. */
  readonly priority?: number;
  /** The clock that dates messages without a Date. */
  readonly clock?: Pick<Clock, 'now'>;
  /** Where a throwing subscriber is reported. */
  readonly logger?: Logger;
}

/**
 * Creates an {@link EmailInbox} on `center`.
 *
 * @example
 * ```ts
 * const inbox = createEmailInbox({ center, queueId: 'support' });
 * const first = inbox.receive({ messageId: '<a@mail>', from: { address: 'kim@example.com' }, subject: 'Refund' });
 * inbox.receive({ messageId: '<b@mail>', inReplyTo: '<a@mail>', from: { address: 'kim@example.com' } });
 * // -> { outcome: 'joined', contactId: first.contactId, ... }
 * ```
 */
export function createEmailInbox(options: EmailInboxOptions): EmailInbox {
  const { center, queueId, priority = 0 } = options;
  const clock = options.clock ?? systemClock;
  const threads = createContactThreads<EmailThread, EmailMessage>(options);
  let snapshot: EmailInboxSnapshot | undefined;

  function openContact(message: EmailMessage, threadId: string, followUpOf?: string) {
    return center.openContact({
      channel: 'email',
      queueId,
      priority,
      customer: {
        email: message.from.address,
        ...(message.from.name ? { name: message.from.name } : {}),
      },
      attributes: {
        subject: message.subject,
        threadId,
        messageId: message.messageId,
        ...(followUpOf ? { followUpOf } : {}),
      },
    }).id;
  }

  function receive(input: InboundEmailInput): ReceiveResult {
    const parsed = parseEmailInput(inboundEmailSchema, input, 'inbound email');
    // Field by field, not a rest and spread of `parsed`: V8 copies a parsed object generically
    // (slowly); naming the fields gives every message one shape, in the schema's order.
    const message: EmailMessage = {
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      from: parsed.from,
      to: parsed.to,
      cc: parsed.cc,
      subject: parsed.subject,
      text: parsed.text,
      ...('html' in parsed ? { html: parsed.html } : {}),
      attachments: parsed.attachments,
      direction: 'inbound',
      replyTo: parsed.replyTo ?? parsed.from,
      date: parsed.date ?? clock.now(),
    };
    const parent = parentIds(message)
      .map((id) => threads.threadOfMessage(id))
      .find((thread) => thread !== undefined);
    const threadId = parent?.id ?? message.messageId;
    const { outcome, thread } = threads.receive({
      messageKey: message.messageId,
      threadId: parent?.id,
      message,
      open: (followUpOf) => openContact(message, threadId, followUpOf),
      start: (contactId) => ({
        id: message.messageId,
        subject: message.subject,
        customer: message.from,
        contactId,
        contactIds: [contactId],
        messages: [message],
      }),
    });
    return { outcome, threadId: thread.id, contactId: thread.contactId };
  }

  return {
    receive,
    threadOf: (contactId) => threads.threadOf(contactId),
    recordSent(contactId, message) {
      if (!threads.recordSent(contactId, message, message.messageId)) {
        throw new EmailError('EMAIL_NO_THREAD', undefined, { details: { contactId } });
      }
    },
    getSnapshot() {
      const current = threads.threads();
      if (snapshot?.threads !== current) snapshot = Object.freeze({ threads: current });
      return snapshot;
    },
    subscribe: (listener) => threads.subscribe(listener),
  };
}
