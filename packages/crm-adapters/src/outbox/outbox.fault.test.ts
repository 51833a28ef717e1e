// Fault test, one per vendor adapter (Zendesk, HubSpot, Salesforce, Dynamics 365, Freshdesk):
// 1,000 ticket creates through the outbox and the adapter, to our fault-injecting proxy, then
// Prism in proxy mode (validating every request and answer against the vendor's OpenAPI
// document), then the proxy's record store, which keeps what was created so each vendor's
// look-before-create sees it, and counts commits per key. 30% of requests draw a fault: 429
// with Retry-After, 503, a time-out, or an answer lost after the vendor committed. Midway the
// first outbox is dropped mid-drain and a second one takes over the same storage.
// Real sockets need real timers: the clock runs 10x faster than the wall clock (test/scaledClock).
import { createMemoryStorage } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, startFaultProxy, type FaultProxy } from '../../test/faultProxy';
import { faultClientOptions, faultVendors } from '../../test/faultVendors';
import { startPrism, type PrismServer } from '../../test/prism';
import { startRecordStore, type RecordStore } from '../../test/recordStore';
import { createRetryAfterWatch } from '../../test/retryAfterWatch';
import { createScaledClock } from '../../test/scaledClock';
import { createOutbox } from './createOutbox';

const writes = 1_000;
const figures: string[] = [];

async function until(condition: () => boolean, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (!condition() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

afterAll(() => {
  console.info(
    ['fault test figures (wall time on this machine, an upper bound under load):', ...figures].join(
      '\n',
    ),
  );
});

describe.each(faultVendors)('outbox under faults: $name', (vendor) => {
  let store: RecordStore;
  let prism: PrismServer;
  let proxy: FaultProxy;
  const clock = createScaledClock(10);

  beforeAll(async () => {
    store = await startRecordStore(vendor.model);
    prism = await startPrism(vendor.spec(), { timeoutMs: 90_000, upstream: store.url });
    proxy = await startFaultProxy({ target: prism.url, faultRate: 0.3, random: seeded(42) });
  }, 120_000);

  afterAll(async () => {
    await proxy.stop();
    await prism.stop();
    await store.stop();
  });

  it('delivers 1,000 writes through 30% faults and a restart: 0 lost, 0 duplicated, no retry before Retry-After', async () => {
    const started = performance.now();
    const storage = createMemoryStorage();
    const watch = createRetryAfterWatch(clock);
    // Each outbox instance is its own client, with its own token and its own recording fetch.
    const adapterFor = (client: string) =>
      watch.traced(
        vendor.adapter(faultClientOptions(proxy.url, client, clock, watch.fetchFor(client))),
      );
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
        ticket: {
          subject: `Order ${String(i)}`,
          description: 'Parcel lost',
          priority: 'high',
          customerId: vendor.customerId(i),
        },
      });
    }
    await until(() => deliveredByFirst >= writes * 0.4, 240_000);
    const inFlightAtRestart = first.getSnapshot().inFlight;
    await first.dispose(); // dropped mid-drain: its writes in flight stay queued

    const second = createOutbox({ ...outboxOptions, adapter: adapterFor('second-process') });
    const keys = Array.from({ length: writes }, (_, i) => `write-${String(i + 1)}`);
    await until(
      () => second.getSnapshot().pending === 0 && keys.every((key) => store.commits.has(key)),
      300_000,
    );
    await second.dispose();
    const seconds = (performance.now() - started) / 1000;

    const lost = keys.filter((key) => !store.commits.has(key)).length;
    const duplicated = [...store.commits.values()].filter((count) => count > 1).length;
    const faults = Object.values(proxy.injected).reduce((sum, count) => sum + count, 0);
    figures.push(
      `${vendor.name}: ${String(writes)} writes, ${String(proxy.requests)} requests, ` +
        `${String(faults)} faults injected ${JSON.stringify(proxy.injected)}, ` +
        `${String(lost)} lost, ${String(duplicated)} duplicated, ${seconds.toFixed(1)} s wall; ` +
        `${String(watch.limited())} 429s received, ${String(watch.retries())} requests after one, ` +
        `${String(watch.early.length)} before Retry-After; ${String(store.replays())} idempotent replays, ` +
        `${String(inFlightAtRestart)} in flight at restart`,
    );
    console.info(figures.at(-1));
    expect(inFlightAtRestart).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(store.commits.size).toBe(writes); // no record under any other key
    expect(await storage.keys()).toEqual([]);
    expect(second.getSnapshot().deadLetters).toBe(0);
    // No client sent a write again before the Retry-After it had received for it was over.
    expect(watch.early).toEqual([]);
    expect(watch.retries()).toBeGreaterThan(0);
    expect(proxy.violations).toEqual([]);
    expect(store.unexpected).toEqual([]);
    expect(faults / proxy.requests).toBeGreaterThan(0.2);
    expect(proxy.injected.lostAfterCommit).toBeGreaterThan(0);
  }, 600_000);
});
