import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './virtualClock';

describe('createVirtualClock', () => {
  it('fires due timers in time order, each at its own due time, and keeps later ones', () => {
    const clock = createVirtualClock(1_000);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    clock.setTimeout(() => fired.push(['c', clock.now()]), 500);
    clock.advance(300);
    expect(fired).toEqual([
      ['a', 1_100],
      ['b', 1_200],
    ]);
    expect(clock.now()).toBe(1_300);
    expect(clock.pending()).toBe(1);
  });

  it('fires timers set while advancing when they fall due in the same advance', () => {
    const clock = createVirtualClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 10);
    }, 10);
    clock.advance(25);
    expect(fired).toEqual([10, 20]);
  });

  it('fires a timer set with a negative or NaN delay at once, as a real timer does', () => {
    const clock = createVirtualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('negative'), -5);
    clock.setTimeout(() => fired.push('NaN'), Number.NaN);
    clock.advance(0);
    expect(fired).toEqual(['negative', 'NaN']);
    expect(clock.pending()).toBe(0);
  });

  it('cancels timers and never moves backwards', () => {
    const clock = createVirtualClock(0);
    let fired = 0;
    const handle = clock.setTimeout(() => (fired += 1), 5);
    clock.clearTimeout(handle);
    clock.clearTimeout('unknown');
    clock.advance(10);
    clock.advanceTo(3);
    expect(fired).toBe(0);
    expect(clock.now()).toBe(10);
    expect(clock.pending()).toBe(0);
  });

  it("counts a timer once whether it fires or is cancelled, and ignores another clock's handle", () => {
    const clock = createVirtualClock(0);
    const other = createVirtualClock(0);
    let fired = 0;
    const handle = clock.setTimeout(() => (fired += 1), 5);
    const foreign = other.setTimeout(() => (fired += 10), 5);
    clock.clearTimeout(foreign);
    expect(clock.pending()).toBe(1);
    clock.advance(5);
    clock.clearTimeout(handle);
    clock.clearTimeout(handle);
    expect([fired, clock.pending()]).toEqual([1, 0]);
    other.clearTimeout(foreign);
    other.clearTimeout(foreign);
    other.advance(10);
    expect([fired, other.pending()]).toEqual([1, 0]);
  });

  it('tells when the next live timer is due', () => {
    const clock = createVirtualClock(0);
    expect(clock.nextDue()).toBeUndefined();
    const first = clock.setTimeout(() => undefined, 30);
    clock.setTimeout(() => undefined, 50);
    expect(clock.nextDue()).toBe(30);
    clock.clearTimeout(first);
    expect(clock.nextDue()).toBe(50);
  });

  it('runAll fires chained timers up to its limit', () => {
    const clock = createVirtualClock(0);
    let count = 0;
    const tick = () => {
      count += 1;
      clock.setTimeout(tick, 1_000);
    };
    clock.setTimeout(tick, 1_000);
    clock.runAll(50);
    expect(count).toBe(50);
    expect(clock.now()).toBe(50_000);
  });

  // Delays from a narrow range, so that timers often share a due time.
  test.prop([
    fc.array(fc.tuple(fc.nat(20), fc.boolean()), { maxLength: 60, size: 'max' }),
    fc.nat(24),
  ])(
    'fires exactly the uncancelled timers due by the target, sorted by due time then order set',
    (timers, target) => {
      const clock = createVirtualClock(0);
      const fired: number[] = [];
      const expected: { index: number; due: number }[] = [];
      timers.forEach(([delay, cancel], index) => {
        const handle = clock.setTimeout(() => fired.push(index), delay);
        if (cancel) clock.clearTimeout(handle);
        else if (delay <= target) expected.push({ index, due: delay });
      });
      clock.advanceTo(target);
      expected.sort((a, b) => a.due - b.due || a.index - b.index);
      expect(fired).toEqual(expected.map((timer) => timer.index));
    },
  );
});
