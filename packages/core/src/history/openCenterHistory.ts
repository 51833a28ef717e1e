import type { CenterState } from '../center/centerState';
import type { ContactCenter } from '../center/contactCenter';
import type { CustomerErasure, CustomerErasureRequest } from '../center/centerErasure';
import type { Contact } from '../model/contact';
import { silentLogger, type Logger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import type { Actor } from '../tickets/actor';
import { centerEventSchema, centerProjection } from './centerProjection';
import {
  eraseCustomerContacts,
  exportCustomerContacts,
  type LoggedDomainEvent,
} from './contactLog';
import { openEventLog, type EventLog, type LoggedEvent } from './eventLog';
import { loadSnapshot, replay, saveSnapshot } from './snapshots';

/** Options of {@link openCenterHistory}. */
export interface CenterHistoryOptions {
  /** The centre whose domain events to keep. Open the history before anything happens in it. */
  readonly center: ContactCenter;
  /** Where the log and snapshots live: memory, IndexedDB or a file (`@switchboard/storage`). */
  readonly storage: Storage;
  /** The prefix of the history's keys; `centre` by default. */
  readonly name?: string;
  /** Take a snapshot after this many events (0: only when `snapshot()` is called); 1,000 by default. */
  readonly snapshotEvery?: number;
  /** Where failed writes are reported. */
  readonly logger?: Logger;
}

/** What {@link CenterHistory.exportCustomer} returns (access requests). */
export interface CenterCustomerExport {
  /** The customer's contacts as the centre holds them now, oldest first. */
  readonly contacts: readonly Contact[];
  /** Every stored event about those contacts, oldest first. */
  readonly events: readonly LoggedEvent<LoggedDomainEvent>[];
}

/** A contact centre's durable history (see {@link openCenterHistory}). */
export interface CenterHistory {
  /** The log of the centre's domain events. */
  readonly log: EventLog<LoggedDomainEvent>;
  /** Stores a snapshot of the centre's current state (after the queued events are written). */
  snapshot(): Promise<void>;
  /** The state the stored history gives: the snapshot plus the events after it. */
  replay(): Promise<CenterState>;
  /** Resolves when every event so far is stored; rejects with the first failed write's error. */
  flush(): Promise<void>;
  /** The customer's contacts and every stored event about them. */
  exportCustomer(customerId: string): Promise<CenterCustomerExport>;
  /**
   * Erases a customer everywhere the centre keeps them: the live centre (`center.eraseCustomer`,
   * admins only), every stored event about their contacts (rewritten scrubbed), the snapshot
   * (replaced), then `storage.compact()` when the adapter keeps old bytes.
   */
  eraseCustomer(request: CustomerErasureRequest, actor: Actor): Promise<CustomerErasure>;
  /** Stops logging and writes what is queued. */
  close(): Promise<void>;
}

/**
 * Keeps a contact centre's domain events in an append-only log on `storage`, with a snapshot of
 * its state every `snapshotEvery` events, and answers access and erasure requests over both.
 *
 * @example
 * ```ts
 * const center = createContactCenter();
 * const history = await openCenterHistory({ center, storage: createMemoryStorage() });
 * center.registerAgent({ id: 'ada', name: 'Ada' });
 * await history.flush();
 * ```
 */
export async function openCenterHistory(options: CenterHistoryOptions): Promise<CenterHistory> {
  const { center, storage, snapshotEvery = 1000 } = options;
  const name = options.name ?? 'centre';
  const logger = options.logger ?? silentLogger;
  const log = await openEventLog({ storage, schema: centerEventSchema, name });
  let sinceSnapshot = 0;
  let pending = false;
  let snapshots: Promise<void> = Promise.resolve();

  // The centre emits a batch's events after applying all of them, so its snapshot matches the
  // log only once the batch is out: snapshots are taken after the current task.
  const snapshotNow = () => {
    sinceSnapshot = 0;
    const state = center.getSnapshot();
    const seq = log.size();
    const next = snapshots
      .then(() => log.flush())
      .then(() => saveSnapshot(storage, name, centerProjection, { seq, state }));
    snapshots = next.catch((error: unknown) => {
      logger.error('A centre snapshot failed', { error });
    });
    return next;
  };

  const detach = center.events.onAny((type, payload) => {
    if ((payload as { type?: unknown } | null)?.type !== type) return;
    log.append([payload as LoggedDomainEvent]).catch((error: unknown) => {
      logger.error('Appending to the centre history failed', { error });
    });
    sinceSnapshot += 1;
    if (snapshotEvery > 0 && sinceSnapshot >= snapshotEvery && !pending) {
      pending = true;
      queueMicrotask(() => {
        pending = false;
        void snapshotNow().catch(() => undefined);
      });
    }
  });

  const flush = async () => {
    await log.flush();
    await snapshots;
  };

  return {
    log,
    snapshot: snapshotNow,
    async replay() {
      await flush();
      const snapshot = await loadSnapshot(storage, name, centerProjection);
      return (await replay(log, centerProjection, snapshot)).state;
    },
    flush,
    async exportCustomer(customerId) {
      await flush();
      const contacts = [...center.getSnapshot().contacts.values()]
        .filter((contact) => contact.customer.id === customerId)
        .sort((a, b) => (a.timestamps.created ?? a.since) - (b.timestamps.created ?? b.since));
      return { contacts, events: await exportCustomerContacts(log, customerId) };
    },
    async eraseCustomer(request, actor) {
      const erasure = center.eraseCustomer(request, actor);
      await log.flush();
      await eraseCustomerContacts(log, {
        customerId: request.customerId,
        tombstone: erasure.tombstone,
        contactIds: [...erasure.contactIds],
        keepAttributes: request.keepAttributes,
      });
      await snapshotNow();
      await storage.compact?.();
      return erasure;
    },
    async close() {
      detach();
      await flush();
    },
  };
}
