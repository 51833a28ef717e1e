// Drives a softphone page in Chromium: the page script (bundled and served with servePage from
// ../browserTesting) sets `window.softphone` to an object of methods, and the test calls them.
// Shared by packages/softphone's browser suites and examples/agent-desktop's SIP call.
import type { Page } from 'playwright-core';

/** Calls `window.softphone[method](...args)` in `page` and returns its result. */
export function run<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, rest]) =>
      (
        globalThis as unknown as { softphone: Record<string, (...args: unknown[]) => unknown> }
      ).softphone[name]?.(...rest) as T,
    [method, args] as const,
  );
}
