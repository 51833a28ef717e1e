import type { ChatTimers } from './session';

/** How long a typing indicator lasts without being renewed, by default: 10 s. */
export const defaultTypingTimeoutMs = 10_000;

/** Typing indicators that switch themselves off when not renewed in time. */
export interface TypingExpiry<K> {
  /** Someone typing (restarts the expiry) or stopped (cancels it). */
  set(key: K, typing: boolean): void;
  /** Cancels every expiry. */
  clear(): void;
}

/**
 * Expires typing indicators on the injected timers: `expire(key)` runs `timeoutMs` after the last
 * `set(key, true)` unless `set(key, false)` came first. `null` never expires.
 *
 * @internal
 */
export function createTypingExpiry<K>(
  timers: ChatTimers,
  timeoutMs: number | null,
  expire: (key: K) => void,
): TypingExpiry<K> {
  const handles = new Map<K, unknown>();
  const cancel = (key: K) => {
    if (!handles.has(key)) return;
    timers.clearTimeout(handles.get(key));
    handles.delete(key);
  };
  return {
    set(key, typing) {
      cancel(key);
      if (!typing || timeoutMs === null) return;
      handles.set(
        key,
        timers.setTimeout(() => {
          handles.delete(key);
          expire(key);
        }, timeoutMs),
      );
    },
    clear() {
      for (const key of [...handles.keys()]) cancel(key);
    },
  };
}
