// Rate-limit check of a vendor adapter through our fault proxy in front of Prism: the proxy
// answers the first request 429 with `Retry-After: 1`, then lets every request through. The
// adapter's fetch records when (on the adapter's clock) each attempt left, so a test can check
// the retry waited out Retry-After. The clock runs 10x faster than the wall clock (real sockets).
import type { Clock } from '@switchboard/core';
import { expect } from 'vitest';
import { startFaultProxy } from './faultProxy';
import { createScaledClock } from './scaledClock';

/** One attempt as the adapter's fetch saw it. */
export interface Attempt {
  readonly at: number;
  readonly status: number;
  readonly retryAfter: string | null;
}

/** What an adapter factory gets: the proxy's URL, a recording fetch and the clock to use. */
export interface ProbeWiring {
  readonly proxyUrl: string;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly clock: Clock;
}

/**
 * Runs `call` once against `prismUrl` behind the fault proxy, the first request drawing 429
 * with `Retry-After: 1`, and returns every attempt with the proxy's spec violations.
 */
export async function probeRetryAfter(
  prismUrl: string,
  call: (wiring: ProbeWiring) => Promise<unknown>,
): Promise<{ attempts: Attempt[]; violations: string[]; result: unknown }> {
  const clock = createScaledClock(10);
  // The proxy's draws: fault yes, kind 0 (rateLimited), 1 second; then never a fault again.
  const script = [0, 0, 0];
  const proxy = await startFaultProxy({
    target: prismUrl,
    faultRate: 0.5,
    random: () => script.shift() ?? 0.99,
  });
  const attempts: Attempt[] = [];
  const recording = async (url: string, init: RequestInit) => {
    const at = clock.now();
    const response = await fetch(url, init);
    attempts.push({ at, status: response.status, retryAfter: response.headers.get('retry-after') });
    return response;
  };
  try {
    const result = await call({ proxyUrl: proxy.url, fetch: recording, clock });
    return { attempts, violations: [...proxy.violations], result };
  } finally {
    await proxy.stop();
  }
}

/**
 * Runs {@link probeRetryAfter} and checks what every vendor adapter owes a 429: one retry, not
 * before `Retry-After` (1 s on the adapter's clock), with no spec violation. Returns the result.
 */
export async function expectRetryAfterKept(
  prismUrl: string,
  call: (wiring: ProbeWiring) => Promise<unknown>,
): Promise<unknown> {
  const { attempts, violations, result } = await probeRetryAfter(prismUrl, call);
  expect(attempts.map((a) => a.status)).toEqual([429, 200]);
  expect(attempts[0]?.retryAfter).toBe('1');
  expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  expect(violations).toEqual([]);
  return result;
}
