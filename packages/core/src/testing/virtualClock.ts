import type { Clock, TimerHandle } from '../ports/clock';

/** A {@link Clock} that only moves when told to: hours of timers run in milliseconds. */
export interface VirtualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in time order (each sees its own due time). */
  advance: (ms: number) => void;
  /** Moves time to `time` (no-op when it is in the past). */
  advanceTo: (time: number) => void;
  /** Fires every pending timer, including ones they schedule, up to `limit` timers. */
  runAll: (limit?: number) => void;
  /** How many timers are pending. */
  pending: () => number;
  /** When the next pending timer is due, or `undefined` when none is: for step-by-step loops. */
  nextDue: () => number | undefined;
}

/**
 * A pending timer; the handle `setTimeout` returns is the timer itself, so cancelling it marks it
 * rather than looking its id up in a set (a busy simulation sets and clears timers by the
 * hundred thousand). A cancelled timer leaves the heap when it reaches the top.
 */
interface Timer {
  /** The heap of the clock it was set on: a handle of another clock cancels nothing here. */
  readonly owner: readonly Timer[];
  /** Its order among timers sharing a due time. */
  readonly id: number;
  /** When it fires. */
  readonly due: number;
  /** What it runs. */
  readonly callback: () => void;
  /** Whether it is still due to fire (neither fired nor cancelled). */
  live: boolean;
}

/**
 * Creates a {@link VirtualClock} starting at `start` (ms since epoch; 2026-01-01T00:00Z by default).
 * Timers sharing a due time fire in the order they were set.
 *
 * @example
 * ```ts
 * const clock = createVirtualClock();
 * const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
 * clock.advance(15_000); // an offer times out without waiting 15 s
 * ```
 */
export function createVirtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  let now = start;
  let nextId = 1;
  const heap: Timer[] = [];
  let live = 0; // timers neither fired nor cancelled

  const before = (a: Timer, b: Timer) => a.due < b.due || (a.due === b.due && a.id < b.id);
  const swap = (i: number, j: number) => {
    const item = heap[i] as Timer;
    heap[i] = heap[j] as Timer;
    heap[j] = item;
  };
  const push = (timer: Timer) => {
    heap.push(timer);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left] as Timer, heap[smallest] as Timer))
          smallest = left;
        if (right < heap.length && before(heap[right] as Timer, heap[smallest] as Timer))
          smallest = right;
        if (smallest === i) break;
        swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  };
  /** The earliest live timer due at or before `until`, taken off the heap. */
  const takeDue = (until: number): Timer | undefined => {
    for (let top = heap[0]; top && top.due <= until; top = heap[0]) {
      pop();
      if (top.live) {
        top.live = false;
        live -= 1;
        return top;
      }
    }
    return undefined;
  };

  const clock: VirtualClock = {
    now: () => now,
    setTimeout(callback, delayMs) {
      const timer: Timer = {
        owner: heap,
        id: nextId++,
        // As with a real timer, a negative or NaN delay fires as soon as time moves.
        due: delayMs > 0 ? now + delayMs : now,
        callback,
        live: true,
      };
      live += 1;
      push(timer);
      return timer;
    },
    clearTimeout(handle: TimerHandle) {
      const timer = handle as Partial<Timer> | null | undefined;
      if (timer?.owner !== heap || !timer.live) return;
      timer.live = false;
      live -= 1;
    },
    advance(ms) {
      clock.advanceTo(now + ms);
    },
    advanceTo(time) {
      for (let timer = takeDue(time); timer; timer = takeDue(time)) {
        now = Math.max(now, timer.due);
        timer.callback();
      }
      now = Math.max(now, time);
    },
    runAll(limit = 100_000) {
      for (let fired = 0; fired < limit; fired += 1) {
        const timer = takeDue(Number.POSITIVE_INFINITY);
        if (!timer) return;
        now = Math.max(now, timer.due);
        timer.callback();
      }
    },
    pending: () => live,
    nextDue() {
      while (heap[0] && !heap[0].live) pop();
      return heap[0]?.due;
    },
  };
  return clock;
}
