import type { VirtualClock } from '@switchboard/core/testing';
import { assert } from 'vitest';

/** Lets pending promise callbacks and I/O run. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drives `clock` until `promise` settles: runs pending callbacks, then jumps to the next timer.
 * Bounded, so a promise that never settles fails the test instead of hanging it.
 */
export async function settle<T>(
  promise: Promise<T>,
  clock: VirtualClock,
  steps = 1_000,
): Promise<T> {
  const state = { done: false };
  const watched = promise.finally(() => {
    state.done = true;
  });
  watched.catch(() => undefined);
  const isDone = () => state.done;
  for (let step = 0; step < steps && !state.done; step += 1) {
    await tick();
    if (isDone()) break;
    const due = clock.nextDue();
    if (due !== undefined) clock.advanceTo(due);
  }
  if (!state.done) assert.fail(`Promise still pending after ${String(steps)} steps`);
  return watched;
}

/** The rejection reason of `promise` (or `undefined` when it fulfils). */
export function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** What `run` throws synchronously (or `undefined` when it returns). */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}
