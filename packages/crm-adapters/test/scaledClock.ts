import type { Clock } from '@switchboard/core';

/**
 * A clock that runs `speed` times faster than the wall clock, on real timers: for tests over
 * real sockets, where a virtual clock cannot drive the network. A 2 s Retry-After takes 2 s on
 * this clock (so the proxy can check it) and 2 / speed seconds of the test's time.
 */
export function createScaledClock(speed: number): Clock {
  const origin = Date.now();
  const start = performance.now();
  return {
    now: () => origin + (performance.now() - start) * speed,
    // Node may run a timer up to a millisecond before its due time; one spare millisecond
    // keeps this clock's timers from firing before their due time on its own `now()`.
    setTimeout: (callback, delayMs) => setTimeout(callback, Math.ceil(delayMs / speed) + 1),
    clearTimeout: (handle) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
