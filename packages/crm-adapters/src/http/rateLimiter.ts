import type { Clock } from '@switchboard/core';
import * as z from 'zod/mini';
import { sleep } from './sleep';

/** Validates {@link RateLimit}. */
export const rateLimitSchema = z.object({
  /** Requests let through per second on average. */
  perSecond: z.number().check(z.positive()),
  /** Requests that may go at once after a quiet spell; `perSecond` by default. */
  burst: z.optional(z.int().check(z.minimum(1))),
});
/** A client-side request budget: a token bucket. */
export type RateLimit = z.infer<typeof rateLimitSchema>;

/** Paces one vendor's requests; every client of that vendor shares one. */
export interface RateLimiter {
  /** Resolves when a request may go (taking one token); rejects when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every request until `time` (ms since epoch): the vendor said to wait. */
  pauseUntil(time: number): void;
}

/**
 * Creates a token-bucket {@link RateLimiter} on `clock`: `burst` tokens, refilled at `perSecond`.
 * Waiters are served in arrival order.
 */
export function createRateLimiter(limit: RateLimit, clock: Clock): RateLimiter {
  const burst = limit.burst ?? Math.max(1, Math.floor(limit.perSecond));
  let tokens = burst;
  let refilledAt = clock.now();
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * limit.perSecond) / 1000);
    refilledAt = now;
  };
  const take = async (signal?: AbortSignal) => {
    for (;;) {
      refill();
      const now = clock.now();
      if (pausedUntil > now) {
        await sleep(clock, pausedUntil - now, signal);
        continue;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(clock, Math.ceil(((1 - tokens) * 1000) / limit.perSecond), signal);
    }
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    pauseUntil(time) {
      pausedUntil = Math.max(pausedUntil, time);
    },
  };
}
