/**
 * The part of the Web Locks API (`navigator.locks`) the outbox uses to keep one drainer across
 * tabs: the tab holding the lock drains, the others only enqueue.
 */
export interface DrainLocks {
  /** Runs `callback` while holding the lock `name`; waits while another holder has it. */
  request(
    name: string,
    options: { readonly signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>;
}

/** `navigator.locks` when the runtime has it (browsers, Deno), else `undefined`. */
export function webLocks(): DrainLocks | undefined {
  const navigator = (globalThis as { navigator?: { locks?: DrainLocks } }).navigator;
  return navigator?.locks;
}
