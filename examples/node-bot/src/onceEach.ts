// Desk operations driven by snapshots: a snapshot can show the same offer many times before the
// accept lands, so each operation runs once per key; a failure is reported, never retried or thrown.

/** Returns `run(key, work)`, which starts `work` the first time it sees `key` only. */
export function onceEach(onError: (key: string, error: unknown) => void) {
  const started = new Set<string>();
  return (key: string, work: () => Promise<unknown>) => {
    if (started.has(key)) return;
    started.add(key);
    work().catch((error: unknown) => {
      onError(key, error);
    });
  };
}
