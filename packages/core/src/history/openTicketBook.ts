import { createTicketBook } from '../tickets/createTicketBook';
import {
  scrubTicketBookEvent,
  type CustomerDataRequest,
  type CustomerExport,
  type CustomerRecords,
} from '../tickets/customerData';
import type { Actor } from '../tickets/actor';
import type { TicketBook } from '../tickets/ticketBook';
import type { TicketBookOptions } from '../tickets/ticketBookOptions';
import type { TicketBookState } from '../tickets/ticketBookState';
import type { CustomerErasedEvent, TicketBookEvent } from '../tickets/ticketEvents';
import { silentLogger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import { openEventLog, type EventLog, type LoggedEvent } from './eventLog';
import { loadSnapshot, replay, saveSnapshot } from './snapshots';
import { ticketBookEventSchema, ticketBookProjection } from './ticketBookProjection';

/** Options of {@link openTicketBook}: the book's own options, and where its history lives. */
export interface TicketBookHistoryOptions<F extends object = Record<string, unknown>> extends Omit<
  TicketBookOptions<F>,
  'initialState' | 'journal'
> {
  /** Where the log and snapshots live: memory, IndexedDB or a file (`@switchboard/storage`). */
  readonly storage: Storage;
  /** The prefix of the history's keys; `tickets` by default. */
  readonly name?: string;
  /** Take a snapshot after this many events (0: only when `snapshot()` is called); 1,000 by default. */
  readonly snapshotEvery?: number;
}

/** What {@link PersistentTicketBook.exportCustomer} returns: the book's data and the log's events. */
export interface CustomerHistoryExport extends CustomerExport {
  /** Every stored event about the customer's records, oldest first. */
  readonly events: readonly LoggedEvent<TicketBookEvent>[];
}

/** A ticket book whose every event is appended to a durable log (see {@link openTicketBook}). */
export interface PersistentTicketBook<F extends object = Record<string, unknown>> {
  /** The live book; use it as any ticket book. */
  readonly book: TicketBook<F>;
  /** Its event log. */
  readonly log: EventLog<TicketBookEvent>;
  /** Stores a snapshot of the current state (after the queued events are written). */
  snapshot(): Promise<void>;
  /** Resolves when every event so far is stored; rejects with the first failed write's error. */
  flush(): Promise<void>;
  /** The book's data about a customer and every stored event about it (access requests). */
  exportCustomer(request: CustomerDataRequest): Promise<CustomerHistoryExport>;
  /**
   * Erases a customer everywhere: the live book (tombstones), every stored event about their
   * records (rewritten scrubbed), the snapshot (replaced), then `storage.compact()` when the
   * adapter keeps old bytes. Resolves once nothing of theirs is stored.
   */
  eraseCustomer(request: CustomerDataRequest, actor: Actor): Promise<CustomerErasedEvent>;
  /** Writes what is queued, then disposes the book. */
  close(): Promise<void>;
}

const idsOf = (records: CustomerRecords): ReadonlySet<string> =>
  new Set<string>([...records.ticketIds, ...records.noteIds, ...records.followUpIds]);

const mentions = (event: TicketBookEvent, ids: ReadonlySet<string>): boolean => {
  switch (event.type) {
    case 'ticket.created':
      return ids.has(event.ticket.id);
    case 'note.added':
      return ids.has(event.note.id);
    case 'followUp.scheduled':
      return ids.has(event.followUp.id);
    case 'customer.erased':
      return false;
    default:
      return ids.has(
        'ticketId' in event ? event.ticketId : 'noteId' in event ? event.noteId : event.followUpId,
      );
  }
};

/**
 * Opens a ticket book on durable history: restores its state from the latest snapshot plus the
 * events after it (tickets, notes and history; open follow-ups get their timers back), then
 * appends every new event to the log and snapshots every `snapshotEvery` events.
 *
 * @example
 * ```ts
 * const { book, flush } = await openTicketBook({ storage: createMemoryStorage() });
 * book.createTicket({ subject: 'Parcel lost' }, { id: 'ada', roles: ['agent'] });
 * await flush();
 * ```
 * @throws `SwitchboardError` `HISTORY_UNREADABLE` when the stored history cannot be read.
 */
export async function openTicketBook<F extends object = Record<string, unknown>>(
  options: TicketBookHistoryOptions<F>,
): Promise<PersistentTicketBook<F>> {
  const { storage, snapshotEvery = 1000, ...bookOptions } = options;
  const name = options.name ?? 'tickets';
  const logger = options.logger ?? silentLogger;
  const projection = ticketBookProjection;
  const log = await openEventLog({ storage, schema: ticketBookEventSchema, name });
  const restored = await replay(log, projection, await loadSnapshot(storage, name, projection));
  let sinceSnapshot = log.size() - restored.seq;
  let snapshots: Promise<void> = Promise.resolve();

  const snapshotNow = (state: TicketBookState, seq: number) => {
    sinceSnapshot = 0;
    const next = snapshots
      .then(() => log.flush())
      .then(() => saveSnapshot(storage, name, projection, { seq, state }));
    snapshots = next.catch((error: unknown) => {
      logger.error('A ticket book snapshot failed', { error });
    });
    return next;
  };

  const book: TicketBook<F> = createTicketBook<F>({
    ...bookOptions,
    initialState: restored.state as TicketBookState<F>,
    journal(events) {
      log.append(events).catch((error: unknown) => {
        logger.error('Appending to the ticket book history failed', { error });
      });
      sinceSnapshot += events.length;
      if (snapshotEvery > 0 && sinceSnapshot >= snapshotEvery) {
        void snapshotNow(book.getSnapshot() as TicketBookState, log.size()).catch(() => undefined);
      }
    },
  });

  const flush = async () => {
    await log.flush();
    await snapshots;
  };

  return {
    book,
    log,
    snapshot: () => snapshotNow(book.getSnapshot() as TicketBookState, log.size()),
    flush,
    async exportCustomer(request) {
      const exported = book.exportCustomer(request);
      const ids = idsOf(exported);
      const events: LoggedEvent<TicketBookEvent>[] = [];
      for await (const entry of log.read()) if (mentions(entry.event, ids)) events.push(entry);
      return { ...exported, events };
    },
    async eraseCustomer(request, actor) {
      const erased = book.eraseCustomer(request, actor);
      const ids = idsOf(erased);
      await log.rewrite((event) =>
        mentions(event, ids) ? scrubTicketBookEvent(event, erased) : event,
      );
      await snapshotNow(book.getSnapshot() as TicketBookState, log.size());
      await storage.compact?.();
      return erased;
    },
    async close() {
      await flush();
      book.dispose();
    },
  };
}
