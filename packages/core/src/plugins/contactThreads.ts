import type { ContactCenter } from '../center/contactCenter';
import { isFinished } from '../contact/contactMachine';
import { createEventBus, type Unsubscribe } from '../events/eventBus';
import { silentLogger, type Logger } from '../ports/logger';

/** What every channel conversation has: its contacts and its messages. */
export interface ContactThread<M> {
  /** The thread's id. */
  readonly id: string;
  /** The contact that carries it now (the newest). */
  readonly contactId: string;
  /** Every contact that carried it, oldest first (a follow-up opens a new one). */
  readonly contactIds: readonly string[];
  /** Its messages in the order received or sent. */
  readonly messages: readonly M[];
}

/**
 * What became of a received message: a new contact (`opened`), added to the open contact of its
 * thread (`joined`), a follow-up contact because the thread's contact was finished (`reopened`),
 * or nothing because that message was already received (`duplicate`).
 */
export type ThreadOutcome = 'opened' | 'joined' | 'reopened' | 'duplicate';

/** What {@link ContactThreads.receive} needs to file one inbound message. */
export interface ThreadArrival<T, M> {
  /** The message's key, unique in the store (duplicates are recognised by it). */
  readonly messageKey: string;
  /** The thread it belongs to, if one is known (by sender, by references, ...). */
  readonly threadId: string | undefined;
  /** The message. */
  readonly message: M;
  /** Opens a contact for it (a follow-up of `followUpOf` when given); returns the contact id. */
  readonly open: (followUpOf?: string) => string;
  /** The new thread, carried by `contactId`, when it starts one. */
  readonly start: (contactId: string) => T;
}

/** What {@link ContactThreads.receive} did with one message. */
export interface ThreadReceipt<T> {
  /** Whether it opened, joined or reopened a contact, or was a duplicate. */
  readonly outcome: ThreadOutcome;
  /** The thread that holds the message now. */
  readonly thread: T;
}

/**
 * The threads of a messaging channel (email, SMS, social) over a contact centre: each keyed by
 * id, by message key and by contact, observable. Channel plugins build their inboxes on it.
 */
export interface ContactThreads<T extends ContactThread<M>, M> {
  /** Files an inbound message: opens, joins or reopens a contact, or recognises a duplicate. */
  receive(arrival: ThreadArrival<T, M>): ThreadReceipt<T>;
  /** The thread holding the message with `messageKey`, if any. */
  threadOfMessage(messageKey: string): T | undefined;
  /** The thread a contact carries, if any. */
  threadOf(contactId: string): T | undefined;
  /** Adds a sent message to the thread `contactId` carries; `false` when it carries none. */
  recordSent(contactId: string, message: M, messageKey: string): boolean;
  /** Every thread by id, oldest first; the same map until something changes. */
  threads(): ReadonlyMap<string, T>;
  /** Calls `listener` after every change; a throwing listener is logged. */
  subscribe(listener: () => void): Unsubscribe;
}

/**
 * Creates the {@link ContactThreads} of a channel on `center`: a thread's next message joins its
 * contact while that is open, and opens a follow-up contact once it is finished.
 */
export function createContactThreads<T extends ContactThread<M>, M>(options: {
  /** The centre whose contacts carry the threads. */
  readonly center: Pick<ContactCenter, 'getSnapshot'>;
  /** Where a throwing subscriber is reported. */
  readonly logger?: Logger;
}): ContactThreads<T, M> {
  const { center } = options;
  const logger = options.logger ?? silentLogger;
  const byId = new Map<string, T>();
  const byMessage = new Map<string, string>();
  const byContact = new Map<string, string>();
  const bus = createEventBus<{ changed: null }>((error) => {
    logger.error('A thread subscriber threw', { error });
  });
  let copy: ReadonlyMap<string, T> | undefined;

  const save = (thread: T, messageKey: string) => {
    byId.set(thread.id, thread);
    byMessage.set(messageKey, thread.id);
    byContact.set(thread.contactId, thread.id);
    copy = undefined;
    bus.emit('changed', null);
    return thread;
  };
  const find = (index: Map<string, string>, key: string) => {
    const id = index.get(key);
    return id === undefined ? undefined : byId.get(id);
  };

  return {
    receive({ messageKey, threadId, message, open, start }) {
      const seen = find(byMessage, messageKey);
      if (seen) return { outcome: 'duplicate', thread: seen };
      const known = threadId === undefined ? undefined : byId.get(threadId);
      if (!known) return { outcome: 'opened', thread: save(start(open()), messageKey) };
      const messages = [...known.messages, message];
      const current = center.getSnapshot().contacts.get(known.contactId);
      if (current && !isFinished(current)) {
        return { outcome: 'joined', thread: save({ ...known, messages }, messageKey) };
      }
      const contactId = open(known.contactId);
      const contactIds = [...known.contactIds, contactId];
      return {
        outcome: 'reopened',
        thread: save({ ...known, contactId, contactIds, messages }, messageKey),
      };
    },
    threadOfMessage: (messageKey) => find(byMessage, messageKey),
    threadOf: (contactId) => find(byContact, contactId),
    recordSent(contactId, message, messageKey) {
      const thread = find(byContact, contactId);
      if (!thread) return false;
      save({ ...thread, messages: [...thread.messages, message] }, messageKey);
      return true;
    },
    threads() {
      copy ??= new Map(byId);
      return copy;
    },
    subscribe: (listener) =>
      bus.on('changed', () => {
        listener();
      }),
  };
}
