import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { backoffDelay } from './backoff';

test.prop([
  fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.double({ min: 0, max: 0.999, noNaN: true }),
])('stays between half and all of the capped exponential ceiling', (attempt, min, extra, r) => {
  const policy = { minDelayMs: min, maxDelayMs: min + extra };
  const ceiling = Math.min(policy.maxDelayMs, min * 2 ** (attempt - 1));
  const delay = backoffDelay(attempt, policy, () => r);
  expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
  expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
  expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
});
