import * as z from 'zod/mini';

/** Validates a {@link RetryPolicy}. */
export const retryPolicySchema = z.object({
  /** Attempts in all, the first included; 4 by default (1 turns retries off). */
  attempts: z._default(z.int().check(z.minimum(1), z.maximum(20)), 4),
  /** The back-off ceiling of the first retry, in ms; it doubles with each retry. 250 by default. */
  baseMs: z._default(z.number().check(z.positive()), 250),
  /** The largest back-off ceiling, in ms; 20 s by default. */
  maxMs: z._default(z.number().check(z.positive()), 20_000),
  /** A `Retry-After` longer than this (ms) is not waited out in the call: it fails `RATE_LIMITED`. 60 s by default. */
  maxRetryAfterMs: z._default(z.number().check(z.nonnegative()), 60_000),
});
/** How the HTTP client retries (defaults not yet applied). */
export type RetryPolicy = z.input<typeof retryPolicySchema>;

/**
 * Exponential back-off with full jitter: a uniform draw in `[0, min(maxMs, baseMs * 2^retry))`
 * (`retry` counts from 0), which spreads clients that failed together instead of bunching them.
 */
export function fullJitter(
  retry: number,
  policy: { readonly baseMs: number; readonly maxMs: number },
  random: () => number,
): number {
  return Math.floor(random() * Math.min(policy.maxMs, policy.baseMs * 2 ** retry));
}
