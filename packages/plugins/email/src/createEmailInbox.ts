import {
  createEventBus,
  isFinished,
  silentLogger,
  systemClock,
  type Clock,
  type ContactCenter,
  type Logger,
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
export interface EmailThread {
  /** The thread's id: the Message-ID of its first message. */
  readonly id: string;
  /** The subject of its first message. */
  readonly subject: string;
  /** The customer who started it. */
  readonly customer: EmailAddress;
  /** The contact that carries the thread now (the newest). */
  readonly contactId: string;
  /** Every contact that carried it, oldest first (a follow-up opens a new one). */
  readonly contactIds: readonly string[];
  /** Its messages in the order received or sent. */
  readonly messages: readonly EmailMessage[];
}

/**
 * What became of a received message: a new contact (`opened`), added to the open contact of its
 * thread (`joined`), a follow-up contact because the thread's contact was finished (`reopened`),
 * or nothing because that Message-ID was already received (`duplicate`).
 */
export type ReceiveOutcome = 'opened' | 'joined' | 'reopened' | 'duplicate';

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
  const logger = options.logger ?? silentLogger;
  const threads = new Map<string, EmailThread>();
  const threadByMessage = new Map<string, string>();
  const threadByContact = new Map<string, string>();
  const bus = createEventBus<{ changed: null }>((error) => {
    logger.error('An email inbox subscriber threw', { error });
  });
  let snapshot: EmailInboxSnapshot | undefined;

  function changed() {
    snapshot = undefined;
    bus.emit('changed', null);
  }

  function store(thread: EmailThread, message: EmailMessage) {
    threads.set(thread.id, thread);
    threadByMessage.set(message.messageId, thread.id);
    threadByContact.set(thread.contactId, thread.id);
    changed();
  }

  function isOpen(contactId: string) {
    const contact = center.getSnapshot().contacts.get(contactId);
    return contact !== undefined && !isFinished(contact);
  }

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
    const { date, replyTo, ...rest } = parsed;
    const message: EmailMessage = {
      ...rest,
      direction: 'inbound',
      replyTo: replyTo ?? parsed.from,
      date: date ?? clock.now(),
    };
    const known = threadByMessage.get(message.messageId);
    if (known !== undefined) {
      const thread = threads.get(known) as EmailThread;
      return { outcome: 'duplicate', threadId: thread.id, contactId: thread.contactId };
    }
    const parentThread = parentIds(message)
      .map((id) => threadByMessage.get(id))
      .find((id) => id !== undefined);
    const thread = parentThread === undefined ? undefined : threads.get(parentThread);
    if (!thread) {
      const contactId = openContact(message, message.messageId);
      store(
        {
          id: message.messageId,
          subject: message.subject,
          customer: message.from,
          contactId,
          contactIds: [contactId],
          messages: [message],
        },
        message,
      );
      return { outcome: 'opened', threadId: message.messageId, contactId };
    }
    if (isOpen(thread.contactId)) {
      store({ ...thread, messages: [...thread.messages, message] }, message);
      return { outcome: 'joined', threadId: thread.id, contactId: thread.contactId };
    }
    const contactId = openContact(message, thread.id, thread.contactId);
    store(
      {
        ...thread,
        contactId,
        contactIds: [...thread.contactIds, contactId],
        messages: [...thread.messages, message],
      },
      message,
    );
    return { outcome: 'reopened', threadId: thread.id, contactId };
  }

  function threadOf(contactId: string) {
    const id = threadByContact.get(contactId);
    return id === undefined ? undefined : threads.get(id);
  }

  return {
    receive,
    threadOf,
    recordSent(contactId, message) {
      const thread = threadOf(contactId);
      if (!thread) {
        throw new EmailError('EMAIL_NO_THREAD', undefined, { details: { contactId } });
      }
      store({ ...thread, messages: [...thread.messages, message] }, message);
    },
    getSnapshot() {
      snapshot ??= Object.freeze({ threads: new Map(threads) });
      return snapshot;
    },
    subscribe: (listener) =>
      bus.on('changed', () => {
        listener();
      }),
  };
}
