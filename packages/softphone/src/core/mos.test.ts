import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { estimateMos } from './mos';

it('scores a clean loopback call near the top and a lossy, late one low', () => {
  expect(estimateMos(1, 0, 0)).toBeGreaterThan(4.3);
  expect(estimateMos(600, 60, 10)).toBeLessThan(2.5);
});

test.prop([
  fc.double({ min: 0, max: 2000, noNaN: true }),
  fc.double({ min: 0, max: 300, noNaN: true }),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.double({ min: 0, max: 50, noNaN: true }),
])('stays in [1, 4.5] and never improves with more loss', (rtt, jitter, loss, more) => {
  const score = estimateMos(rtt, jitter, loss);
  expect(score).toBeGreaterThanOrEqual(1);
  expect(score).toBeLessThanOrEqual(4.5);
  expect(estimateMos(rtt, jitter, loss + more)).toBeLessThanOrEqual(score);
});
