import type { Clock, TimerHandle } from './clock';

/** One-shot timers on a clock, at most one per key: starting a key's timer replaces its last. */
export interface KeyedTimers<K> {
  /** Calls `fire` once, `delayMs` from now, unless the key is started again or cancelled first. */
  start: (key: K, delayMs: number, fire: () => void) => void;
  /** Cancels the key's timer; an idle key is ignored. */
  cancel: (key: K) => void;
  /** Cancels every timer. */
  clear: () => void;
}

/**
 * Creates {@link KeyedTimers} on `clock`.
 *
 * @internal
 */
export function createKeyedTimers<K>(clock: Clock): KeyedTimers<K> {
  const handles = new Map<K, TimerHandle>();
  const cancel = (key: K) => {
    const handle = handles.get(key);
    if (handle === undefined) return;
    clock.clearTimeout(handle);
    handles.delete(key);
  };
  return {
    start(key, delayMs, fire) {
      cancel(key);
      handles.set(
        key,
        clock.setTimeout(() => {
          handles.delete(key);
          fire();
        }, delayMs),
      );
    },
    cancel,
    clear() {
      for (const key of [...handles.keys()]) cancel(key);
    },
  };
}
