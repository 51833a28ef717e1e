import { describe, expect, it } from 'vitest';
import { emptyCounts, sumCounts } from './kpiCounts';

describe('emptyCounts', () => {
  it('starts every count and duration at exactly zero, in a fresh object each time', () => {
    const counts = emptyCounts();
    expect(Object.values(counts).every((value) => Object.is(value, 0))).toBe(true);
    expect(Object.keys(counts)).toContain('talkMs');
    counts.talkMs += 1.25;
    expect(emptyCounts().talkMs).toBe(0);
    expect(sumCounts([counts, counts]).talkMs).toBe(2.5);
  });
});
