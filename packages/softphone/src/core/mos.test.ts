import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { estimateMos } from './mos';

it('scores a clean loopback call near the top and a lossy, late one low', () => {
  expect(estimateMos(1, 0, 0)).toBeGreaterThan(4.3);
  expect(estimateMos(600, 60, 10)).toBeLessThan(2.5);
});

// fc.double spreads over float exponents, so nearly every draw was ~0 or the maximum; tenths
// drawn uniformly cover the ranges where the score moves.
const upTo = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((tenths) => tenths / 10);

test.prop([upTo(600), upTo(100), upTo(40), upTo(10), upTo(400)])(
  'stays in [1, 4.5] and never improves with more loss or delay',
  (rtt, jitter, loss, more, later) => {
    const score = estimateMos(rtt, jitter, loss);
    expect(score).toBeGreaterThanOrEqual(1);
    expect(score).toBeLessThanOrEqual(4.5);
    expect(estimateMos(rtt, jitter, loss + more)).toBeLessThanOrEqual(score);
    // Also across the E-model's bend at 160 ms one way, where the two delay formulas meet.
    expect(estimateMos(rtt + later, jitter, loss)).toBeLessThanOrEqual(score);
  },
);
