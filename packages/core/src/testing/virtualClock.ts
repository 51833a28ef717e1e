import type { Clock, TimerHandle } from '../ports/clock';

/** A {@link Clock} that only moves when told to: hours of timers run in milliseconds. */
export interface VirtualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in time order (each sees its own due time). */
  advance(ms: number): void;
  /** Moves time to `time` (no-op when it is in the past). */
  advanceTo(time: number): void;
  /** Fires every pending timer, including ones they schedule, up to `limit` timers. */
  runAll(limit?: number): void;
  /** How many timers are pending. */
  pending(): number;
}

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/**
 * Creates a {@link VirtualClock} starting at `start` (ms since epoch; 2026-01-01T00:00Z by default).
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
  const timers = new Map<number, Timer>();

  const nextDue = (until: number): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers.values()) {
      if (
        timer.due <= until &&
        (!first || timer.due < first.due || (timer.due === first.due && timer.id < first.id))
      ) {
        first = timer;
      }
    }
    return first;
  };

  const clock: VirtualClock = {
    now: () => now,
    setTimeout(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { id, due: now + Math.max(0, delayMs), callback });
      return id;
    },
    clearTimeout(handle: TimerHandle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      clock.advanceTo(now + ms);
    },
    advanceTo(time) {
      for (let timer = nextDue(time); timer; timer = nextDue(time)) {
        timers.delete(timer.id);
        now = Math.max(now, timer.due);
        timer.callback();
      }
      now = Math.max(now, time);
    },
    runAll(limit = 100_000) {
      for (let fired = 0; fired < limit; fired += 1) {
        const timer = nextDue(Number.POSITIVE_INFINITY);
        if (!timer) return;
        clock.advanceTo(timer.due);
      }
    },
    pending: () => timers.size,
  };
  return clock;
}
