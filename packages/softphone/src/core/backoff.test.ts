import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { backoffDelay } from './backoff';

// Attempts and caps are drawn so that about half the runs are still below the cap: with
// attempts up to 100 nine in ten runs were capped and the exponent went untested.
test.prop([
  fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100 })),
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 0.999, noNaN: true }),
])(
  'is half the capped exponential ceiling plus r times the other half',
  (attempt, min, extra, r) => {
    const policy = { minDelayMs: min, maxDelayMs: min + extra };
    const ceiling = Math.min(policy.maxDelayMs, min * 2 ** (attempt - 1));
    const delay = backoffDelay(attempt, policy, () => r);
    expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
    expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
    expect(Math.abs(delay - (ceiling * (1 + r)) / 2)).toBeLessThanOrEqual(0.5);
  },
);
