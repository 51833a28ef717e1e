// Checks "no retry before Retry-After" where it can be judged: at the client's side of the wire.
// Each client (an outbox with its adapter) gets a recording fetch. A 429 counts as given to a
// client once its whole answer is in the client's hands (the body read), and its Retry-After
// runs from that moment on the client's clock; every later request the client sends for the
// same write (the same idempotency key, carried in an AsyncLocalStorage by `traced`) is checked
// against it when the client sends it. Measured at the proxy instead, a 429 that the client had
// already given up on (its time-out fired first, as happens on a busy machine) was charged to it,
// and the next attempt, rightly sent after a short back-off, counted as an early retry.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@switchboard/core';
import type { CrmAdapter, WriteOptions } from '../src/model/crmAdapter';

/** A request sent for a write before the Retry-After its client had received was over. */
export interface EarlyRetry {
  readonly client: string;
  readonly key: string;
  /** How much too soon, in ms on the client's clock. */
  readonly earlyByMs: number;
}

export interface RetryAfterWatch {
  /** The adapter with each write run in its key's context, so requests can be told apart. */
  traced(adapter: CrmAdapter): CrmAdapter;
  /** A recording `fetch` for one client. */
  fetchFor(client: string): (url: string, init: RequestInit) => Promise<Response>;
  /** 429s with Retry-After that reached a client. */
  readonly limited: () => number;
  /** Requests sent after a received 429 for the same write (each one checked). */
  readonly retries: () => number;
  /** Every request sent too soon: must stay empty. */
  readonly early: EarlyRetry[];
}

/** Creates a {@link RetryAfterWatch} on the clients' `clock`. */
export function createRetryAfterWatch(clock: Clock): RetryAfterWatch {
  const writeKey = new AsyncLocalStorage<string>();
  const notBefore = new Map<string, number>();
  const early: EarlyRetry[] = [];
  let limited = 0;
  let retries = 0;
  const run = <A>(key: string | undefined, call: () => Promise<A>): Promise<A> =>
    key === undefined ? call() : writeKey.run(key, call);
  return {
    traced(adapter) {
      const key = (options?: WriteOptions) => options?.idempotencyKey;
      return {
        ...adapter,
        upsertCustomer: (input, options) =>
          run(key(options), () => adapter.upsertCustomer(input, options)),
        logInteraction: (input, options) =>
          run(key(options), () => adapter.logInteraction(input, options)),
        createTicket: (input, options) =>
          run(key(options), () => adapter.createTicket(input, options)),
        updateTicket: (id, changes, options) =>
          run(key(options), () => adapter.updateTicket(id, changes, options)),
        addNote: (input, options) => run(key(options), () => adapter.addNote(input, options)),
      };
    },
    fetchFor(client) {
      return async (url, init) => {
        const key = writeKey.getStore();
        const slot = key === undefined ? undefined : `${client} ${key}`;
        const due = slot === undefined ? undefined : notBefore.get(slot);
        if (slot !== undefined && due !== undefined) {
          retries += 1;
          notBefore.delete(slot);
          const sentAt = clock.now();
          if (sentAt < due) early.push({ client, key: key ?? '', earlyByMs: due - sentAt });
        }
        const response = await fetch(url, init);
        const body = await response.text(); // the answer is the client's once it is all read
        const seconds = Number(response.headers.get('retry-after'));
        if (slot !== undefined && response.status === 429 && seconds > 0) {
          limited += 1;
          notBefore.set(slot, clock.now() + seconds * 1000);
        }
        return new Response(body === '' ? null : body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      };
    },
    limited: () => limited,
    retries: () => retries,
    early,
  };
}
