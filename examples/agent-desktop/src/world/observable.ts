import type { Clock, Unsubscribe } from '@switchboard/core';

/** Anything with a snapshot to read and changes to listen to, like the core's desk and centre. */
export interface Observable<T> {
  /** The current value; the same object until it changes. */
  getSnapshot: () => T;
  /** Calls `listener` after each change; returns the unsubscribe. */
  subscribe: (listener: () => void) => Unsubscribe;
}

/** An {@link Observable} value that its owner sets. */
export interface Value<T> extends Observable<T> {
  /** Replaces the value and tells the listeners. */
  set: (next: T) => void;
}

/** Creates a {@link Value}. */
export function createValue<T>(initial: T): Value<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next) => {
      value = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * The clock's time, moving on every `everyMs` while someone listens: what timers on screen
 * (time in status, waiting for) render from. On a virtual clock it moves when the clock does.
 */
export function createTicker(clock: Clock, everyMs = 1000): Observable<number> {
  const now = createValue(clock.now());
  let listeners = 0;
  let timer: unknown;
  const tick = () => {
    now.set(clock.now());
    timer = clock.setTimeout(tick, everyMs);
  };
  return {
    getSnapshot: now.getSnapshot,
    subscribe: (listener) => {
      const off = now.subscribe(listener);
      if ((listeners += 1) === 1) timer = clock.setTimeout(tick, everyMs);
      return () => {
        off();
        if ((listeners -= 1) === 0) clock.clearTimeout(timer);
      };
    },
  };
}
