import type { Clock } from '../ports/clock';

/** How a raced task ended. */
export type Settled<T> =
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly reason: unknown }
  | { readonly status: 'timedOut' };

/**
 * Runs `start` and resolves with how it ended, or with `timedOut` once `timeoutMs` passed on
 * `clock`. Never rejects: a synchronous throw counts as a rejection. A value that arrives after
 * the timeout goes to `onLate` (so the caller can release it); a late rejection is dropped.
 *
 * @internal
 */
export function settleWithin<T>(
  clock: Clock,
  timeoutMs: number,
  start: () => T | PromiseLike<T>,
  onLate: (value: T) => void,
): Promise<Settled<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Settled<T>) => {
      if (settled) return false;
      settled = true;
      clock.clearTimeout(timer);
      resolve(outcome);
      return true;
    };
    const timer = clock.setTimeout(() => finish({ status: 'timedOut' }), timeoutMs);
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(start());
    } catch (reason) {
      finish({ status: 'rejected', reason });
      return;
    }
    pending.then(
      (value) => {
        if (!finish({ status: 'fulfilled', value })) onLate(value);
      },
      (reason: unknown) => finish({ status: 'rejected', reason }),
    );
  });
}
