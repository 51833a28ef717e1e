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

/** A {@link Storage} that lives in memory and is lost with the process or page. */
export function createMemoryStorage(): Storage {
  const values = new Map<string, unknown>();
  return {
    get: (key) => Promise.resolve(structuredClone(values.get(key))),
    set: (key, value) => {
      values.set(key, structuredClone(value));
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve();
    },
    keys: (prefix = '') =>
      Promise.resolve([...values.keys()].filter((key) => key.startsWith(prefix))),
  };
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
