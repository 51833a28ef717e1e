/**
 * Durable key/value storage. Values are JSON-serialisable. The default keeps everything in memory;
 * hosts inject IndexedDB (browser) or a file (Node) adapters.
 */
export interface Storage {
  /** The value under `key`, or `undefined`. */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key`. */
  set(key: string, value: unknown): Promise<void>;
  /** Removes `key`; a missing key is ignored. */
  delete(key: string): Promise<void>;
  /** Every key that starts with `prefix`, in insertion order. */
  keys(prefix?: string): Promise<string[]>;
  /**
   * Physically drops overwritten and deleted values. Adapters that keep old bytes around (an
   * append-only file) implement it; erasure of personal data calls it when present.
   */
  compact?(): Promise<void>;
}

/**
 * The stored value itself, deep-frozen, without the copy `get` makes: for the core's own
 * readers that never change what they read (a replay). Only the memory storage has it.
 *
 * @internal
 */
export const peekStored = Symbol('peekStored');

/** A {@link Storage} that can also hand out its values without a copy. @internal */
export type PeekableStorage = Storage & { [peekStored]?: (key: string) => unknown };

/** Freezes `value` and everything in it, in place (what a structured clone holds). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}

/** A {@link Storage} that lives in memory and is lost with the process or page. */
export function createMemoryStorage(): Storage {
  // Each value is kept as a frozen copy (frozen once when stored, not on every replay): `get`
  // hands out a copy of it, `peekStored` the frozen copy itself.
  const values = new Map<string, unknown>();
  const storage: PeekableStorage = {
    get: (key) => Promise.resolve(structuredClone(values.get(key))),
    set: (key, value) => {
      values.set(key, deepFreeze(structuredClone(value)));
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve();
    },
    keys: (prefix = '') =>
      Promise.resolve([...values.keys()].filter((key) => key.startsWith(prefix))),
    [peekStored]: (key) => values.get(key),
  };
  return storage;
}

/** A view of `storage` whose keys all live under `namespace:`; plugins get one each. */
export function namespaceStorage(storage: Storage, namespace: string): Storage {
  const prefix = `${namespace}:`;
  return {
    get: (key) => storage.get(prefix + key),
    set: (key, value) => storage.set(prefix + key, value),
    delete: (key) => storage.delete(prefix + key),
    keys: async (inner = '') =>
      (await storage.keys(prefix + inner)).map((key) => key.slice(prefix.length)),
  };
}
