import {
  createEventBus,
  createMemoryStorage,
  namespaceStorage,
  silentLogger,
  systemClock,
  type TimerHandle,
} from '@switchboard/core';
import * as z from 'zod/mini';
import { CrmError, isCrmError, isTransient } from '../errors';
import { fullJitter } from '../http/backoff';
import { parseOrThrow } from '../validate';
import { applyWrite } from './applyWrite';
import { webLocks } from './drainLock';
import { outboxEntrySchema, outboxWriteSchema, type OutboxEntry } from './outboxEntry';
import type {
  Outbox,
  OutboxEvents,
  OutboxFailure,
  OutboxOptions,
  OutboxStatus,
} from './outboxTypes';

const settingsSchema = z.object({
  name: z._default(z.string().check(z.minLength(1)), 'crm-outbox'),
  maxAttempts: z._default(z.int().check(z.minimum(1)), 8),
  retry: z._default(
    z.object({
      baseMs: z._default(z.number().check(z.positive()), 1_000),
      maxMs: z._default(z.number().check(z.positive()), 300_000),
    }),
    { baseMs: 1_000, maxMs: 300_000 },
  ),
  concurrency: z._default(z.int().check(z.minimum(1), z.maximum(64)), 1),
  pollMs: z._default(z.number().check(z.positive()), 5_000),
});

const prefix = 'entry:';

/**
 * Creates an {@link Outbox} over the core `Storage` port. The drainer (one per storage across
 * tabs, elected with Web Locks where `navigator.locks` exists) delivers due entries through the
 * adapter with the entry's key as idempotency key, deletes each once the CRM took it, backs off
 * after a transient failure (never before a `Retry-After`), and dead-letters an entry after a
 * final error or `maxAttempts` failures. A process that stops mid-write leaves the entry queued:
 * the next drainer sends it again with the same key, and the CRM makes it effective once.
 *
 * @example
 * ```ts
 * const outbox = createOutbox({ adapter: crm, storage });
 * await outbox.enqueue({ op: 'createTicket', ticket: { subject: 'Refund' } });
 * outbox.on('outbox.deadLettered', ({ entry, error }) => alertOps(entry.key, error.code));
 * ```
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const settings = parseOrThrow(settingsSchema, options, 'outbox options', 'CONFIG_INVALID');
  const { adapter } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;
  const newKey = options.newKey ?? (() => crypto.randomUUID());
  const storage = namespaceStorage(options.storage ?? createMemoryStorage(), settings.name);
  const locks = options.locks === undefined ? webLocks() : (options.locks ?? undefined);
  const bus = createEventBus<OutboxEvents>((error, event) => {
    logger.error(`A listener of ${event} threw`, { error });
  });

  const known = new Map<string, OutboxEntry>();
  const inFlight = new Set<string>();
  const stop = new AbortController();
  const listeners = new Set<() => void>();
  let status: OutboxStatus = {
    pending: 0,
    inFlight: 0,
    deadLetters: 0,
    lastError: null,
    draining: false,
  };
  let lastError: OutboxFailure | null = null;
  let leader = false;
  let counter = 0;
  let timer: { readonly handle: TimerHandle } | null = null;
  let running: Promise<void> | null = null;
  const flags = { again: false };
  /** Whether an enqueue or drain asked for another pass while one ran. */
  const askedAgain = () => flags.again;

  const publish = () => {
    let dead = 0;
    for (const entry of known.values()) if (entry.dead) dead += 1;
    const next: OutboxStatus = {
      pending: known.size - dead,
      inFlight: inFlight.size,
      deadLetters: dead,
      lastError,
      draining: leader,
    };
    if (
      next.pending === status.pending &&
      next.inFlight === status.inFlight &&
      next.deadLetters === status.deadLetters &&
      next.lastError === status.lastError &&
      next.draining === status.draining
    ) {
      return;
    }
    status = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        logger.error('An outbox subscriber threw', { error });
      }
    }
  };

  let writes = 0;
  const save = async (entry: OutboxEntry) => {
    writes += 1;
    known.set(entry.key, entry);
    await storage.set(prefix + entry.key, entry);
  };
  const forget = async (key: string) => {
    writes += 1;
    known.delete(key);
    await storage.delete(prefix + key);
  };

  /** Reads every entry; refreshes the counts unless this instance wrote meanwhile. */
  async function load(): Promise<OutboxEntry[]> {
    const before = writes;
    const entries: OutboxEntry[] = [];
    for (const key of await storage.keys(prefix)) {
      const result = outboxEntrySchema.safeParse(await storage.get(key));
      if (result.success) entries.push(result.data);
      else
        logger.warn('An unreadable outbox entry was skipped', { key, issues: result.error.issues });
    }
    entries.sort((a, b) => a.seq - b.seq);
    if (writes === before) {
      known.clear();
      for (const entry of entries) known.set(entry.key, entry);
      publish();
    }
    return entries;
  }

  function schedule() {
    if (stop.signal.aborted || !leader) return;
    if (timer) clock.clearTimeout(timer.handle);
    let due = clock.now() + settings.pollMs;
    for (const entry of known.values()) if (!entry.dead) due = Math.min(due, entry.nextAttemptAt);
    const handle = clock.setTimeout(
      () => {
        timer = null;
        void kick();
      },
      Math.max(0, due - clock.now()),
    );
    timer = { handle };
  }

  async function deliver(entry: OutboxEntry) {
    inFlight.add(entry.key);
    publish();
    try {
      const result = await applyWrite(adapter, entry.write, {
        idempotencyKey: entry.key,
        signal: stop.signal,
      });
      await forget(entry.key);
      lastError = null;
      bus.emit('outbox.delivered', { entry, result });
    } catch (thrown) {
      if (stop.signal.aborted) return; // stays queued as it was: the next drainer sends it again
      const error = isCrmError(thrown)
        ? thrown
        : new CrmError('UNAVAILABLE', 'The adapter failed unexpectedly.', { cause: thrown });
      const attempts = entry.attempts + 1;
      const dead = !isTransient(error) || attempts >= settings.maxAttempts;
      const now = clock.now();
      const retryAt =
        now + (error.retryAfterMs ?? fullJitter(attempts - 1, settings.retry, random));
      const failed: OutboxEntry = {
        ...entry,
        attempts,
        dead,
        nextAttemptAt: dead ? entry.nextAttemptAt : retryAt,
        lastError: { code: error.code, message: error.message },
      };
      await save(failed);
      lastError = { key: entry.key, code: error.code, message: error.message, at: now };
      if (dead) bus.emit('outbox.deadLettered', { entry: failed, error });
      else bus.emit('outbox.failed', { entry: failed, error, retryAt });
    } finally {
      inFlight.delete(entry.key);
      publish();
    }
  }

  async function pass() {
    const now = clock.now();
    const due = (await load()).filter(
      (entry) => !entry.dead && entry.nextAttemptAt <= now && !inFlight.has(entry.key),
    );
    let next = 0;
    const worker = async () => {
      while (!stop.signal.aborted && next < due.length) {
        const entry = due[next++] as OutboxEntry;
        await deliver(entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, due.length) }, worker));
  }

  /** Runs passes until nothing new arrived meanwhile; one at a time. */
  function kick(): Promise<void> {
    if (!leader || stop.signal.aborted) return Promise.resolve();
    if (running) {
      flags.again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          flags.again = false;
          await pass();
        } while (askedAgain() && !stop.signal.aborted);
      } catch (error) {
        logger.error('The outbox could not read its storage', { error });
      } finally {
        running = null;
        schedule();
      }
    })();
    return running;
  }

  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const lead = () => {
    leader = true;
    publish();
    void kick();
  };
  if (locks) {
    locks
      .request(`switchboard:${settings.name}`, { signal: stop.signal }, async () => {
        if (stop.signal.aborted) return;
        lead();
        await released;
      })
      .catch(() => undefined); // aborted while waiting for the lock: disposed
  } else {
    lead();
  }
  void load().catch((error: unknown) => {
    logger.error('The outbox could not read its storage', { error });
  });

  return {
    async enqueue(write, { key = newKey() } = {}) {
      if (stop.signal.aborted) throw new CrmError('DISPOSED');
      const parsed = parseOrThrow(outboxWriteSchema, write, 'outbox write');
      const now = clock.now();
      counter = (counter + 1) % 1_000;
      const entry: OutboxEntry = {
        key,
        seq: now + counter / 1_000,
        write: parsed,
        enqueuedAt: now,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        dead: false,
      };
      parseOrThrow(outboxEntrySchema, entry, 'outbox entry');
      await save(entry);
      publish();
      void kick();
      return entry;
    },
    drain: () => kick(),
    async replay(key) {
      const dead = (await load()).filter(
        (entry) => entry.dead && (key === undefined || entry.key === key),
      );
      const now = clock.now();
      for (const entry of dead) {
        await save({ ...entry, dead: false, attempts: 0, nextAttemptAt: now, lastError: null });
      }
      publish();
      if (dead.length > 0) void kick();
      return dead.length;
    },
    entries: () => load(),
    getSnapshot: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    on: (event, listener) => bus.on(event, listener),
    async dispose() {
      if (stop.signal.aborted) return;
      stop.abort(new CrmError('DISPOSED'));
      if (timer) clock.clearTimeout(timer.handle);
      release();
      leader = false;
      await running?.catch(() => undefined);
      publish();
    },
  };
}
