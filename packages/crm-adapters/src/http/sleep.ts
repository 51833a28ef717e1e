import type { Clock } from '@switchboard/core';
import { CrmError } from '../errors';

/** Resolves after `ms` on `clock`; rejects `UNAVAILABLE` (details.aborted) when `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted(signal));
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(timer);
      reject(aborted(signal));
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error of an aborted call. */
export function aborted(signal: AbortSignal | undefined): CrmError {
  return new CrmError('UNAVAILABLE', 'The call was aborted.', {
    details: { aborted: true },
    cause: signal?.reason,
  });
}
