import type { Storage } from '@switchboard/core';
import * as z from 'zod/mini';
import { StorageError, toJson } from './storageError';

/** Validates {@link IndexedDbStorageOptions}. */
export const indexedDbStorageOptionsSchema = z.object({
  /** The database's name; `switchboard` by default. Each name is one independent storage. */
  name: z._default(z.string().check(z.minLength(1)), 'switchboard'),
});
/** Options of {@link createIndexedDbStorage}. */
export interface IndexedDbStorageOptions {
  /** The database's name; `switchboard` by default. Each name is one independent storage. */
  readonly name?: string;
  /** The IndexedDB factory; `globalThis.indexedDB` by default (pass one in workers or tests). */
  readonly indexedDB?: IDBFactory;
}

/** A {@link Storage} in IndexedDB, with `close`. */
export interface IndexedDbStorage extends Storage {
  /** Closes the database connection; later calls are refused. */
  close(): void;
}

interface Entry {
  readonly key: string;
  readonly order: number;
  readonly value: unknown;
}

const store = 'entries';
const byOrder = 'byOrder';

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new StorageError('STORAGE_UNAVAILABLE'));
    };
  });

const done = (transaction: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onerror = transaction.onabort = () => {
      reject(
        new StorageError('STORAGE_UNAVAILABLE', 'An IndexedDB write failed.', {
          cause: transaction.error,
        }),
      );
    };
  });

/**
 * Opens a {@link Storage} in the browser's IndexedDB: one record per key (its value stored as a
 * structured clone of the JSON value), with an insertion counter so `keys()` keeps insertion order.
 * Each `set` and `delete` is its own transaction, committed when the promise resolves.
 *
 * @example
 * ```ts
 * const storage = await createIndexedDbStorage({ name: 'my-desk' });
 * const { book } = await openTicketBook({ storage });
 * ```
 * @throws `StorageError` `STORAGE_INVALID` (options), `STORAGE_UNAVAILABLE` (no IndexedDB, or
 * the database cannot be opened, e.g. in a private window that forbids it).
 */
export async function createIndexedDbStorage(
  options: IndexedDbStorageOptions = {},
): Promise<IndexedDbStorage> {
  const parsed = indexedDbStorageOptionsSchema.safeParse({ name: options.name });
  if (!parsed.success) {
    throw new StorageError('STORAGE_INVALID', 'Invalid IndexedDB storage options.', {
      details: { issues: parsed.error.issues.map((issue) => issue.message) },
    });
  }
  const { name } = parsed.data;
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) {
    throw new StorageError('STORAGE_UNAVAILABLE', 'IndexedDB is not available here.', {
      details: { name },
    });
  }
  const opening = factory.open(name, 1);
  opening.onupgradeneeded = () => {
    const entries = opening.result.createObjectStore(store, { keyPath: 'key' });
    entries.createIndex(byOrder, 'order');
  };
  let db: IDBDatabase;
  try {
    db = await request(opening);
  } catch (cause) {
    throw new StorageError('STORAGE_UNAVAILABLE', `Cannot open IndexedDB "${name}".`, {
      details: { name },
      cause,
    });
  }
  const last = await request(
    db.transaction(store).objectStore(store).index(byOrder).openCursor(null, 'prev'),
  );
  let nextOrder = last ? (last.value as Entry).order + 1 : 0;
  let open = true;

  const transaction = (mode: IDBTransactionMode) => {
    if (!open) {
      throw new StorageError('STORAGE_UNAVAILABLE', `IndexedDB "${name}" is closed.`, {
        details: { name },
      });
    }
    return db.transaction(store, mode);
  };

  return {
    async get(key) {
      const entry = (await request(transaction('readonly').objectStore(store).get(key))) as
        Entry | undefined;
      return entry?.value;
    },
    async set(key, value) {
      const copy = JSON.parse(toJson(key, value)) as unknown;
      const tx = transaction('readwrite');
      const entries = tx.objectStore(store);
      const existing = (await request(entries.get(key))) as Entry | undefined;
      const order = existing?.order ?? nextOrder++;
      entries.put({ key, order, value: copy } satisfies Entry);
      await done(tx);
    },
    async delete(key) {
      const tx = transaction('readwrite');
      tx.objectStore(store).delete(key);
      await done(tx);
    },
    async keys(prefix = '') {
      const found: string[] = [];
      const cursor = transaction('readonly').objectStore(store).index(byOrder).openCursor();
      await new Promise<void>((resolve, reject) => {
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (!current) {
            resolve();
            return;
          }
          const { key } = current.value as Entry;
          if (key.startsWith(prefix)) found.push(key);
          current.continue();
        };
        cursor.onerror = () => {
          reject(cursor.error ?? new StorageError('STORAGE_UNAVAILABLE'));
        };
      });
      return found;
    },
    close() {
      open = false;
      db.close();
    },
  };
}
