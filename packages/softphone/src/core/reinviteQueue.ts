import type { Clock } from '@switchboard/core';
import { backoffDelay, type BackoffPolicy } from './backoff';

/** Options of {@link createReinviteQueue}. */
export interface ReinviteQueueOptions {
  /** Timers for the waits between retries. */
  readonly clock: Clock;
  /** A number in [0, 1) for the jitter. */
  readonly random: () => number;
  /** Whether a failure is worth retrying (SIP 491 Request Pending and 500 Server Internal Error). */
  readonly isRetryable: (error: unknown) => boolean;
  /** Retries after the first try; 4 by default. */
  readonly retries?: number;
  /** Spacing of the retries; 200 ms doubling to 4 s by default (RFC 3261 asks 0-4 s after a 491). */
  readonly backoff?: BackoffPolicy;
}

/** Runs in-dialog renegotiations (hold, resume, ICE restart, transfer) one at a time. */
export interface ReinviteQueue {
  /** Runs `task` after every task queued before it has settled; retries retryable failures. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly size: number;
  /** Rejects every task that has not started yet with `reason` and stops pending retries. */
  clear(reason: Error): void;
}

/**
 * Creates a {@link ReinviteQueue}: a re-INVITE never overlaps another from this side, and a
 * glare (491) or a busy server (500) is retried after a jittered back-off instead of failing.
 */
export function createReinviteQueue(options: ReinviteQueueOptions): ReinviteQueue {
  const retries = options.retries ?? 4;
  const policy = options.backoff ?? { minDelayMs: 200, maxDelayMs: 4000 };
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  let generation = 0;
  const cancels = new Set<(reason: Error) => void>();
  const cleared = new Map<number, Error>();

  const wait = (ms: number, mine: number) =>
    new Promise<void>((resolve, reject) => {
      const cancel = (reason: Error) => {
        options.clock.clearTimeout(timer);
        cancels.delete(cancel);
        reject(reason);
      };
      const timer = options.clock.setTimeout(() => {
        cancels.delete(cancel);
        if (mine === generation) resolve();
      }, ms);
      cancels.add(cancel);
    });

  async function attempt<T>(task: () => Promise<T>, mine: number): Promise<T> {
    for (let tries = 0; ; tries += 1) {
      try {
        return await task();
      } catch (error) {
        if (tries >= retries || !options.isRetryable(error)) throw error;
        await wait(backoffDelay(tries + 1, policy, options.random), mine);
      }
    }
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const mine = generation;
      size += 1;
      const result = tail.then(() => {
        const reason = mine === generation ? undefined : cleared.get(mine);
        return reason ? Promise.reject(reason) : attempt(task, mine);
      });
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      void tail.then(() => {
        size -= 1;
      });
      return result;
    },
    get size() {
      return size;
    },
    clear(reason) {
      cleared.set(generation, reason);
      generation += 1;
      for (const cancel of [...cancels]) cancel(reason);
    },
  };
}
