import type { Clock, Logger, Storage, Unsubscribe } from '@switchboard/core';
import type { CrmError, CrmErrorCode } from '../errors';
import type { RetryPolicy } from '../http/backoff';
import type { CrmAdapter } from '../model/crmAdapter';
import type { DrainLocks } from './drainLock';
import type { OutboxEntry, OutboxWriteInput } from './outboxEntry';

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** The CRM the writes go to. */
  readonly adapter: CrmAdapter;
  /** Where entries are kept until delivered: IndexedDB, a file, or memory (the default). */
  readonly storage?: Storage;
  /** The storage namespace and the Web Lock's name; `crm-outbox` by default. */
  readonly name?: string;
  /** Failed attempts before an entry becomes a dead letter; 8 by default. */
  readonly maxAttempts?: number;
  /** Back-off between attempts of one entry (a `Retry-After` is always waited out in full). */
  readonly retry?: Pick<RetryPolicy, 'baseMs' | 'maxMs'>;
  /** Entries delivered at once; 1 by default (enqueue order). */
  readonly concurrency?: number;
  /** How often the drainer looks for entries other tabs or processes added, in ms; 5 s by default. */
  readonly pollMs?: number;
  /** The Web Locks API that elects one drainer across tabs; `navigator.locks` when present. */
  readonly locks?: DrainLocks | null;
  /** Time source. */
  readonly clock?: Clock;
  /** Uniform draws in [0, 1) for the back-off jitter. */
  readonly random?: () => number;
  /** Makes idempotency keys for entries enqueued without one; `crypto.randomUUID` by default. */
  readonly newKey?: () => string;
  /** Where contained failures (unreadable entries, throwing listeners) are reported. */
  readonly logger?: Logger;
}

/** The last failure the outbox saw. */
export interface OutboxFailure {
  /** The entry's key. */
  readonly key: string;
  /** The `CrmError` code. */
  readonly code: CrmErrorCode;
  /** Its message. */
  readonly message: string;
  /** When it happened (ms since epoch). */
  readonly at: number;
}

/** What the outbox is doing; a new object when anything changes. */
export interface OutboxStatus {
  /** Entries waiting to be delivered (in flight included). */
  readonly pending: number;
  /** Entries being delivered right now. */
  readonly inFlight: number;
  /** Entries that failed for good and wait for `replay`. */
  readonly deadLetters: number;
  /** The last failure since the last delivery, or `null`. */
  readonly lastError: OutboxFailure | null;
  /** Whether this instance is the drainer (holds the lock across tabs). */
  readonly draining: boolean;
}

/** Events of an outbox. */
export interface OutboxEvents {
  /** An entry reached the CRM. */
  'outbox.delivered': {
    /** The entry. */
    readonly entry: OutboxEntry;
    /** What the CRM answered (a `CrmTicket`, `LoggedInteraction`, ...). */
    readonly result: unknown;
  };
  /** An attempt failed; the entry will be tried again at `retryAt`. */
  'outbox.failed': {
    /** The entry, attempts counted. */
    readonly entry: OutboxEntry;
    /** Why. */
    readonly error: CrmError;
    /** When it will be tried again (ms since epoch). */
    readonly retryAt: number;
  };
  /** An entry failed for good (a final error, or `maxAttempts` reached). */
  'outbox.deadLettered': {
    /** The entry. */
    readonly entry: OutboxEntry;
    /** The last error. */
    readonly error: CrmError;
  };
}

/**
 * A durable queue of CRM writes: each is kept in storage until the CRM took it, delivered at
 * least once and, through its idempotency key, effective exactly once.
 */
export interface Outbox {
  /** Validates and stores `write`; resolves once it is durable (not once delivered). */
  enqueue(write: OutboxWriteInput, options?: { readonly key?: string }): Promise<OutboxEntry>;
  /** Delivers every due entry now (when this instance is the drainer); resolves when done. */
  drain(): Promise<void>;
  /** Puts dead letters (all, or the one with `key`) back in the queue. */
  replay(key?: string): Promise<number>;
  /** Every entry in storage (pending and dead), in enqueue order. */
  entries(): Promise<OutboxEntry[]>;
  /** The current status. */
  getSnapshot(): OutboxStatus;
  /** Calls `listener` when the status changes. */
  subscribe(listener: () => void): Unsubscribe;
  /** Listens to one event. */
  on<K extends keyof OutboxEvents>(
    event: K,
    listener: (payload: OutboxEvents[K]) => void,
  ): Unsubscribe;
  /** Stops draining, aborts writes in flight (they stay queued) and releases the lock. */
  dispose(): Promise<void>;
}
