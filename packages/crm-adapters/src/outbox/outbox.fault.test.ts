// Fault test: 1,000 ticket creates through the outbox and the Zendesk adapter, to Prism (serving
// the hand-written Zendesk spec) behind our fault-injecting proxy. 30% of requests draw a fault:
// 429 with Retry-After, 503, a time-out, or an answer lost after the vendor committed. Midway
// the first outbox is dropped mid-drain and a second one takes over the same storage.
// Real sockets need real timers: the clock runs 10x faster than the wall clock (test/scaledClock).
import { createMemoryStorage } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, startFaultProxy, type FaultProxy } from '../../test/faultProxy';
import { startPrism, type PrismServer } from '../../test/prism';
import { createScaledClock } from '../../test/scaledClock';
import { createZendeskCrm } from '../adapters/zendesk/zendesk';
import { createOutbox } from './createOutbox';

const spec = new URL('../../test/fixtures/zendesk.openapi.yaml', import.meta.url).pathname;
const writes = 1_000;

let prism: PrismServer;
let proxy: FaultProxy;
const clock = createScaledClock(10);

beforeAll(async () => {
  prism = await startPrism(spec);
  proxy = await startFaultProxy({ target: prism.url, clock, faultRate: 0.3, random: seeded(42) });
}, 90_000);

afterAll(async () => {
  await proxy.stop();
  await prism.stop();
});

async function until(condition: () => boolean, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (!condition() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

describe('outbox under faults', () => {
  it('delivers 1,000 writes through 30% faults and a restart: 0 lost, 0 duplicated, no early retry', async () => {
    const storage = createMemoryStorage();
    // Each outbox instance talks as its own client (its own token), so the proxy can tell a
    // Retry-After ignored by the client it was given to from one the restarted outbox never saw.
    const adapterFor = (token: string) =>
      createZendeskCrm({
        baseUrl: proxy.url,
        token: () => token,
        rateLimit: false,
        timeoutMs: 3_000,
        retry: { attempts: 3, baseMs: 100, maxMs: 2_000 },
        clock,
      });
    let n = 0;
    const outboxOptions = {
      storage,
      clock,
      locks: null,
      concurrency: 8,
      maxAttempts: 20,
      pollMs: 1_000,
      retry: { baseMs: 200, maxMs: 4_000 },
      newKey: () => `write-${String(++n)}`,
    };
    const first = createOutbox({ ...outboxOptions, adapter: adapterFor('first-process') });
    let deliveredByFirst = 0;
    first.on('outbox.delivered', () => (deliveredByFirst += 1));
    for (let i = 0; i < writes; i += 1) {
      await first.enqueue({
        op: 'createTicket',
        ticket: { subject: `Order ${String(i)}`, description: 'Parcel lost', priority: 'high' },
      });
    }
    await until(() => deliveredByFirst >= writes * 0.4, 120_000);
    const inFlightAtRestart = first.getSnapshot().inFlight;
    await first.dispose(); // dropped mid-drain: its writes in flight stay queued

    const second = createOutbox({ ...outboxOptions, adapter: adapterFor('second-process') });
    await until(() => second.getSnapshot().pending === 0 && proxy.commits.size === writes, 150_000);
    await second.dispose();

    const duplicated = [...proxy.commits.values()].filter((count) => count > 1).length;
    const faults = Object.values(proxy.injected).reduce((sum, count) => sum + count, 0);
    console.info(
      `fault test: ${String(proxy.requests)} requests, ${String(faults)} faults ${JSON.stringify(proxy.injected)}, ` +
        `${String(proxy.replays)} idempotent replays, ${String(inFlightAtRestart)} in flight at restart, ` +
        `${String(proxy.earlyRetries.length)} early retries (${String(proxy.retriesByAnotherClient.length)} by the restarted outbox), ${String(duplicated)} duplicated`,
    );
    expect(inFlightAtRestart).toBeGreaterThan(0);
    expect(proxy.commits.size).toBe(writes); // 0 lost
    expect(duplicated).toBe(0); // 0 duplicated
    expect(await storage.keys()).toEqual([]);
    expect(second.getSnapshot().deadLetters).toBe(0);
    // No client retries before the Retry-After it was given. The restarted outbox may send a key
    // whose 429 went to the dropped one (as after a crash): counted apart, and only for keys that
    // were in flight at the restart.
    expect(proxy.earlyRetries).toEqual([]);
    expect(proxy.retriesByAnotherClient.length).toBeLessThanOrEqual(inFlightAtRestart);
    expect(proxy.violations).toEqual([]);
    expect(faults / proxy.requests).toBeGreaterThan(0.2);
    expect(proxy.injected.lostAfterCommit).toBeGreaterThan(0);
  }, 300_000);
});
