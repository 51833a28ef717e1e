// A hand-rolled stand-in for the Web Locks API (`navigator.locks`), which Node 20 lacks:
// exclusive locks by name, granted in request order, a waiting request abortable by its signal.
import type { DrainLocks } from '../src/outbox/drainLock';

export function createFakeLocks(): DrainLocks {
  const tails = new Map<string, Promise<void>>();
  return {
    request(name, { signal }, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      let done: () => void = () => undefined;
      const mine = new Promise<void>((resolve) => {
        done = resolve;
      });
      tails.set(
        name,
        previous.then(() => mine),
      );
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          done();
          reject(new DOMException('The lock request was aborted.', 'AbortError'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        void previous.then(async () => {
          if (signal?.aborted) return;
          signal?.removeEventListener('abort', onAbort);
          try {
            await callback();
            resolve(undefined);
          } catch (error) {
            reject(error instanceof Error ? error : new DOMException(String(error)));
          } finally {
            done();
          }
        });
      });
    },
  };
}
