import { peekStored, type PeekableStorage, type Storage } from '../ports/storage';
import { upgradeEvent, type EventSchema, type StoredEvent } from './eventSchema';

/** One event of a log with its position. */
export interface LoggedEvent<E> {
  /** Its position in the log, from 0. */
  readonly seq: number;
  /** The event, upgraded to the current schema version. */
  readonly event: E;
}

/**
 * An append-only event log on a {@link Storage}: one key per event (`<name>/e/<seq>`), each
 * stored with its schema version. Appends are queued and written in order; `flush` waits for
 * them. The only change to stored events is {@link EventLog.rewrite}, kept for erasure.
 */
export interface EventLog<E> {
  /** The log's name: the prefix of its keys. */
  readonly name: string;
  /** How many events the log holds, queued appends included. */
  size(): number;
  /** Queues `events` for writing, in order; returns the write's promise. */
  append(events: readonly E[]): Promise<void>;
  /** The events from position `from` on (0 by default), upgraded, oldest first. */
  read(from?: number): AsyncIterable<LoggedEvent<E>>;
  /**
   * Replaces each stored event for which `transform` returns a different object (erasure of
   * personal data); returns how many were rewritten. Waits for queued appends first.
   */
  rewrite(transform: (event: E, seq: number) => E): Promise<number>;
  /** Resolves when every queued write is stored; rejects with the first failed write's error. */
  flush(): Promise<void>;
}

/**
 * Reads a log's events in batches, without copying what the storage can share: the frozen
 * events themselves, for readers that never change them (a replay). Each batch is the events
 * from `first` on, upgraded.
 *
 * @internal
 */
export const readBatches = Symbol('readBatches');

/** An {@link EventLog} made by {@link openEventLog}, with its batch reader. @internal */
export interface BatchedEventLog<E> extends EventLog<E> {
  /** The events from position `from` on, in batches; events may be shared and frozen. */
  [readBatches](from: number): AsyncIterable<{ readonly first: number; readonly events: E[] }>;
}

/** Options of {@link openEventLog}. */
export interface EventLogOptions<E> {
  /** Where the events live. */
  readonly storage: Storage;
  /** The events' schema version and migrations. */
  readonly schema: EventSchema<E>;
  /** The prefix of the log's keys; `events` by default. Several logs can share one storage. */
  readonly name?: string;
}

const width = 12;
const readBatch = 256;
/** The storage key of event `seq` of log `name`. @internal */
export const eventKey = (name: string, seq: number) =>
  `${name}/e/${String(seq).padStart(width, '0')}`;

/**
 * Opens the log stored under `name` (creating nothing until the first append): it counts the
 * events already there, so appends go on after them.
 *
 * @example
 * ```ts
 * const log = await openEventLog({ storage: createMemoryStorage(), schema: defineEventSchema({ version: 1 }) });
 * await log.append([{ type: 'contact.created', at: 0 }]);
 * for await (const { seq, event } of log.read()) console.log(seq, event);
 * ```
 */
export async function openEventLog<E>(options: EventLogOptions<E>): Promise<EventLog<E>> {
  const { storage, schema } = options;
  const name = options.name ?? 'events';
  const prefix = `${name}/e/`;
  const existing = await storage.keys(prefix);
  let size = existing.length;
  let queue: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;

  const enqueue = (write: () => Promise<void>) => {
    const next = queue.then(write).catch((error: unknown) => {
      failure ??= { error };
      throw error;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  // The stored events in [from, end), in batches; the caller makes sure they are written. Reads
  // go out in batches, so a slow storage is asked many keys at once. With `shared`, a storage
  // that can hand out its frozen values does so, with no copy; an event that needs a migration
  // is still read as a copy, so that migrations may change what they are given.
  async function* batches(from: number, end: number, shared: boolean) {
    const peek = shared ? (storage as PeekableStorage)[peekStored] : undefined;
    for (let first = from; first < end; first += readBatch) {
      const keys = Array.from({ length: Math.min(readBatch, end - first) }, (_, offset) =>
        eventKey(name, first + offset),
      );
      const stored = await Promise.all(
        keys.map((key) => {
          const value = peek?.(key) as StoredEvent | undefined;
          return value?.v === schema.version ? Promise.resolve(value) : storage.get(key);
        }),
      );
      yield {
        first,
        events: stored.map((value, offset) => upgradeEvent(schema, value, keys[offset] ?? '')),
      };
    }
  }

  async function* range(from: number, end: number): AsyncIterable<LoggedEvent<E>> {
    for await (const { first, events } of batches(from, end, false)) {
      for (const [offset, event] of events.entries()) yield { seq: first + offset, event };
    }
  }

  async function* read(from = 0): AsyncIterable<LoggedEvent<E>> {
    const end = size;
    await queue;
    yield* range(from, end);
  }

  const log: BatchedEventLog<E> = {
    name,
    size: () => size,
    append(events) {
      const first = size;
      size += events.length;
      const stored = events.map((event): StoredEvent => ({ v: schema.version, event }));
      return enqueue(async () => {
        for (const [offset, record] of stored.entries()) {
          await storage.set(eventKey(name, first + offset), record);
        }
      });
    },
    read,
    async *[readBatches](from) {
      const end = size;
      await queue;
      yield* batches(from, end, true);
    },
    async rewrite(transform) {
      let rewritten = 0;
      const end = size;
      await enqueue(async () => {
        for await (const { seq, event } of range(0, end)) {
          const next = transform(event, seq);
          if (next === event) continue;
          await storage.set(eventKey(name, seq), { v: schema.version, event: next });
          rewritten += 1;
        }
      });
      return rewritten;
    },
    async flush() {
      await queue;
      if (failure) throw failure.error;
    },
  };
  return log;
}
