// Connection drops between the softphone and a real Kamailio on 127.0.0.1: a TCP proxy of our
// own (test/support/cutProxy.ts) cuts, silences or refuses the WebSocket; the far end is a
// second Node softphone registered directly. Registration, calls and bindings are checked on
// the real registrar (its location table through JSON-RPC).
import { createVirtualClock } from '@switchboard/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Call, Softphone } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { startCutProxy, type CutProxy } from './support/cutProxy';
import { nodePhone, users } from './support/phones';

let kamailio: Kamailio;
let proxy: CutProxy;
const phones: Softphone[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
});

afterAll(async () => {
  await kamailio.stop();
});

afterEach(async () => {
  await Promise.allSettled(phones.splice(0).map((phone) => phone.dispose()));
  await proxy.close();
});

/** Alice behind the proxy, Bob directly on Kamailio; Bob answers; returns both calls. */
async function connectedCall(aliceOptions: Parameters<typeof nodePhone>[2] = {}) {
  proxy = await startCutProxy(kamailio.wsPort);
  const alice = nodePhone(kamailio, 'alice', {
    server: proxy.wsUrl,
    reconnect: { minDelayMs: 40, maxDelayMs: 1000 },
    keepAlive: { intervalMs: 0 },
    ...aliceOptions,
  });
  const bob = nodePhone(kamailio, 'bob');
  phones.push(alice, bob);
  await Promise.all([alice.register(), bob.register()]);
  const answered = new Promise<Call>((resolve) => {
    bob.on('call.incoming', ({ call }) => {
      void call.answer().then(() => {
        resolve(call);
      });
    });
  });
  const aliceCall = await alice.call('bob');
  const bobCall = await answered;
  await waitFor(() => aliceCall.getSnapshot().status === 'connected', 'alice connected');
  return { alice, bob, aliceCall, bobCall };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

describe('reconnection', { timeout: 60_000 }, () => {
  it('survives 50 cuts mid-call: registered again within 2 s, call kept, one binding', async () => {
    const { alice, aliceCall, bobCall } = await connectedCall();
    const restoredIn: number[] = [];
    const registeredIn: number[] = [];
    for (let cut = 0; cut < 50; cut += 1) {
      // Cut at a random moment of the call, not inside the few ms in which the last re-INVITE's
      // ACK is in flight (see docs/softphone.md#limits).
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
      const restored = new Promise<void>((resolve) => {
        const off = alice.on('call.restored', () => {
          off();
          resolve();
        });
      });
      const start = performance.now();
      proxy.cut();
      await waitFor(
        () => alice.getSnapshot().registration.status === 'reconnecting',
        'cut noticed',
        2000,
      );
      await waitFor(
        () => alice.getSnapshot().registration.status === 'registered',
        `registered again after cut ${cut + 1}`,
        2000,
      );
      registeredIn.push(performance.now() - start);
      await restored;
      restoredIn.push(performance.now() - start);
      expect(aliceCall.getSnapshot()).toMatchObject({ status: 'connected', reconnecting: false });
      expect(bobCall.getSnapshot().status).toBe('connected');
    }
    const sorted = [...registeredIn].sort((a, b) => a - b);
    const media = [...restoredIn].sort((a, b) => a - b);
    console.log(
      `50 cuts: registered again in ms: min ${sorted[0]?.toFixed(0)}, median ${quantile(sorted, 0.5).toFixed(0)}, ` +
        `p90 ${quantile(sorted, 0.9).toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}; ` +
        `media restored (re-INVITE answered): median ${quantile(media, 0.5).toFixed(0)}, max ${media.at(-1)?.toFixed(0)}`,
    );
    expect(sorted.at(-1)).toBeLessThan(2000);
    expect(await kamailio.contacts('alice')).toHaveLength(1);
    await aliceCall.hangUp();
    await waitFor(() => bobCall.getSnapshot().status === 'ended', 'bob saw the hang-up');
  });

  it('detects a half-open connection by keep-alive and re-registers', async () => {
    const { alice, aliceCall } = await connectedCall({
      keepAlive: { intervalMs: 100, timeoutMs: 200 },
    });
    await new Promise((resolve) => setTimeout(resolve, 400)); // pings are answered meanwhile
    expect(alice.getSnapshot().registration.status).toBe('registered');
    const before = proxy.accepted;
    const start = performance.now();
    proxy.silence();
    await waitFor(
      () => alice.getSnapshot().registration.status === 'reconnecting',
      'half-open detected',
    );
    const detectedMs = performance.now() - start;
    await waitFor(() => alice.getSnapshot().registration.status === 'registered', 'registered');
    console.log(`half-open connection detected after ${detectedMs.toFixed(0)} ms`);
    expect(detectedMs).toBeLessThan(1000);
    expect(proxy.accepted).toBe(before + 1);
    await waitFor(() => !aliceCall.getSnapshot().reconnecting, 'media restored');
    expect(await kamailio.contacts('alice')).toHaveLength(1);
  });

  it('keeps a call through a 29 s outage and ends it explicitly after 30 s (injected clock)', async () => {
    const clock = createVirtualClock(Date.now());
    const { alice, aliceCall, bobCall } = await connectedCall({
      clock,
      reconnect: { minDelayMs: 1000, maxDelayMs: 4000, callSurvivalMs: 30_000 },
      connectTimeoutMs: 2000,
    });
    proxy.refuse(true);
    proxy.cut();
    await waitFor(() => alice.getSnapshot().registration.status === 'reconnecting', 'cut');
    const advance = async (ms: number) => {
      for (let step = 0; step < ms; step += 500) {
        clock.advance(500);
        await new Promise((resolve) => setTimeout(resolve, 10)); // let refused connects fail
      }
    };
    await advance(29_000);
    expect(aliceCall.getSnapshot()).toMatchObject({ status: 'connected', reconnecting: true });
    const attempts = alice.getSnapshot().registration;
    expect(attempts).toMatchObject({ status: 'reconnecting' });
    expect(attempts.status === 'reconnecting' && attempts.attempt).toBeGreaterThan(3);

    await advance(1500);
    expect(aliceCall.getSnapshot()).toMatchObject({
      status: 'ended',
      endReason: 'connectionLost',
    });
    expect(alice.getSnapshot().calls).toEqual([]);
    expect(bobCall.getSnapshot().status).toBe('connected'); // the BYE waits for the connection

    proxy.refuse(false);
    await advance(5000);
    await waitFor(() => alice.getSnapshot().registration.status === 'registered', 'back');
    await waitFor(() => bobCall.getSnapshot().status === 'ended', 'BYE delivered');
    expect(bobCall.getSnapshot().endReason).toBe('remoteHangUp');
  });
});
