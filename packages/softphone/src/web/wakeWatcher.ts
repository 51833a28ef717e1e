import type { Clock, TimerHandle } from '@switchboard/core';

/** Why the softphone re-registered on its own: the page came back, the network did, or a sleep. */
export type WakeReason = 'visible' | 'online' | 'timerGap';

/** Where wake-up signals come from: `document` and `window` in browsers, any EventTarget in tests. */
export interface WakeEventTarget {
  /** Listens to `visibilitychange` and `online`. */
  addEventListener(type: string, listener: () => void): void;
  /** Stops listening. */
  removeEventListener(type: string, listener: () => void): void;
  /** `visible` or `hidden` (a `document`'s); read when `visibilitychange` fires. */
  readonly visibilityState?: string;
}

/** Options of the wake-up detection (`wake` in the softphone's options). */
export interface WakeOptions {
  /** Where `visibilitychange` and `online` fire; `document` and `window` by default. */
  readonly target?: WakeEventTarget;
  /** How often the sleep detector's timer ticks, in ms; 5 000 by default. */
  readonly tickMs?: number;
  /** A tick this much later than due means the machine slept, in ms; 10 000 by default. */
  readonly gapMs?: number;
}

/** Wake-ups closer together than this are one wake-up (a resume fires several signals). */
const coalesceMs = 1000;

/**
 * Calls `onWake` when the page becomes visible, the network comes back, or a timer fires much
 * later than due (timers stop while a laptop sleeps). Returns a function that stops watching.
 */
export function watchWake(
  onWake: (reason: WakeReason, gapMs: number) => void,
  clock: Clock,
  options: WakeOptions = {},
): () => void {
  const tickMs = options.tickMs ?? 5000;
  const gapMs = options.gapMs ?? 10_000;
  const scope = globalThis as { document?: WakeEventTarget } & Partial<WakeEventTarget>;
  const visibility = options.target ?? scope.document;
  const network = options.target ?? (scope.addEventListener ? (scope as WakeEventTarget) : null);
  let last = Number.NEGATIVE_INFINITY;
  const wake = (reason: WakeReason, gap: number) => {
    const now = clock.now();
    if (now - last < coalesceMs) return;
    last = now;
    onWake(reason, gap);
  };
  const onVisibility = () => {
    if (visibility?.visibilityState !== 'hidden') wake('visible', 0);
  };
  const onOnline = () => {
    wake('online', 0);
  };
  visibility?.addEventListener('visibilitychange', onVisibility);
  network?.addEventListener('online', onOnline);

  let timer: TimerHandle;
  let due = clock.now() + tickMs;
  const tick = () => {
    const late = clock.now() - due;
    if (late > gapMs) wake('timerGap', late);
    due = clock.now() + tickMs;
    timer = clock.setTimeout(tick, tickMs);
  };
  timer = clock.setTimeout(tick, tickMs);

  return () => {
    clock.clearTimeout(timer);
    visibility?.removeEventListener('visibilitychange', onVisibility);
    network?.removeEventListener('online', onOnline);
  };
}
