// Reload recovery and wake-up re-registration against a real Kamailio on 127.0.0.1, with Node
// softphones (the browser versions are in browserSurvival.test.ts). A "reload" is a second
// softphone made with the first one's dialog storage while the first one can no longer reach the
// server (the cut proxy refuses it), just like a page that is gone. Wake-up signals are dispatched
// on an EventTarget, and a sleep is a clock whose time jumps ahead while its timers do not fire.
import { systemClock, type Clock } from '@switchboard/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Call, DialogStorage, Softphone, SoftphoneEvents } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { startCutProxy, type CutProxy } from './support/cutProxy';
import { nodePhone, users } from './support/phones';
import { runSipp } from './support/sipp';

let kamailio: Kamailio;
let gatewayPort: number;
let proxy: CutProxy;
const phones: Softphone[] = [];

beforeAll(async () => {
  gatewayPort = await freePort(true);
  kamailio = await startKamailio({ users, gatewayPort });
  proxy = await startCutProxy(kamailio.wsPort);
});

afterAll(async () => {
  await proxy.close();
  await kamailio.stop();
});

afterEach(async () => {
  proxy.refuse(false);
  await Promise.allSettled(phones.splice(0).map((phone) => phone.dispose()));
});

/** A Web Storage over a Map: what sessionStorage is to a page, kept across the "reload". */
function memoryStorage(): DialogStorage & { readonly size: number; text(): string } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    get size() {
      return items.size;
    },
    text: () => [...items.values()].join('\n'),
  };
}

function answerNext(phone: Softphone): Promise<Call> {
  return new Promise((resolve) => {
    const off = phone.on('call.incoming', ({ call }) => {
      off();
      void call.answer().then(() => {
        resolve(call);
      });
    });
  });
}

describe('reload recovery', { timeout: 30_000 }, () => {
  /** Alice on the cut proxy with `storage`, so her "page" can be made to disappear. */
  const oldPage = (storage: DialogStorage) =>
    nodePhone(kamailio, 'alice', {
      server: proxy.wsUrl,
      dialogStorage: storage,
      reconnect: { minDelayMs: 5000, maxDelayMs: 5000 },
      keepAlive: { intervalMs: 0 },
    });
  /** Alice's old page (storing its dialog in a fresh storage) in a connected call with bob. */
  const oldPageCallingBob = async () => {
    const storage = memoryStorage();
    const alice = oldPage(storage);
    const bob = nodePhone(kamailio, 'bob', { dialogStorage: null });
    phones.push(alice, bob);
    await Promise.all([alice.register(), bob.register()]);
    const answered = answerNext(bob);
    const aliceCall = await alice.call('bob');
    const bobCall = await answered;
    await waitFor(() => aliceCall.getSnapshot().status === 'connected', 'connected');
    return { storage, alice, bob, aliceCall, bobCall };
  };
  /** The old page is gone: its socket dies and never comes back; a new page loads. */
  const reload = async (old: Softphone, storage: DialogStorage) => {
    proxy.refuse(true);
    proxy.cut();
    // In a browser the old page is gone; here it lives on, so let it see the cut (its last
    // write to the storage) before the new page starts.
    await waitFor(() => old.getSnapshot().registration.status === 'reconnecting', 'old page cut');
    const reloaded = nodePhone(kamailio, 'alice', { dialogStorage: storage });
    phones.push(reloaded);
    return reloaded;
  };

  it('a far end that supports Replaces: the page loaded after a reload rejoins the call, which keeps its id there', async () => {
    const { storage, alice, bob, aliceCall, bobCall } = await oldPageCallingBob();
    await aliceCall.hold(); // a re-INVITE: the stored CSeq must stay ahead of it
    expect(storage.size).toBe(1);
    const oldRecord = storage.text();
    expect(oldRecord).toMatch(/"replaces":true/); // bob's 200 OK said `Supported: replaces`
    expect(oldRecord).not.toMatch(new RegExp(users.alice)); // never a secret

    const remoteRejoined = new Promise<SoftphoneEvents['call.remoteRejoined']>((resolve) => {
      bob.on('call.remoteRejoined', resolve);
    });
    const bobEvents: string[] = [];
    bob.on('call.ended', () => bobEvents.push('call.ended'));
    bob.on('call.incoming', () => bobEvents.push('call.incoming'));
    const reloaded = await reload(alice, storage);
    const rejoined = new Promise<SoftphoneEvents['call.rejoined']>((resolve) => {
      reloaded.on('call.rejoined', resolve);
    });
    const orphans: unknown[] = [];
    reloaded.on('call.orphanEnded', (outcome) => orphans.push(outcome));
    await reloaded.register();
    const { call: newCall, replacedCallId } = await rejoined;
    expect((await remoteRejoined).call).toMatchObject({ id: bobCall.id, status: 'connected' });
    expect(newCall.getSnapshot().status).toBe('connected');
    expect(newCall.getSnapshot().remote.uri).toBe(`sip:bob@${kamailio.domain}`);
    expect(replacedCallId).not.toBe('');
    expect(bobCall.getSnapshot()).toMatchObject({ status: 'connected', reconnecting: false });
    expect(bob.getSnapshot().calls).toHaveLength(1); // no ghost: the same call, not a second one
    expect(bobEvents).toEqual([]); // neither rang nor ended
    expect(orphans).toEqual([]);
    expect(storage.size).toBe(1); // the new dialog, under the same key

    await newCall.hangUp();
    await waitFor(() => bobCall.getSnapshot().status === 'ended', 'bob saw the BYE');
    expect(bobCall.getSnapshot().endReason).toBe('remoteHangUp');
    expect(storage.size).toBe(0);
  });

  it('a rejoin the far end refuses emits no call.ended for its attempt: the orphan ends once, by BYE', async () => {
    const { storage, alice, aliceCall, bobCall } = await oldPageCallingBob();
    const key = `switchboard-softphone:dialogs:sip:alice@${kamailio.domain}`;
    const record = storage.getItem(key) ?? '';
    expect(record).toMatch(/"replaces":true/); // stored as soon as bob's 200 OK came
    // The call ends, but the page dies before its record is dropped: bob no longer has the
    // dialog the next page tries to rejoin, and answers 481.
    await aliceCall.hangUp();
    await waitFor(() => bobCall.getSnapshot().status === 'ended', 'bob saw the BYE');
    storage.setItem(key, record);
    const reloaded = await reload(alice, storage);
    const seen: string[] = [];
    for (const event of ['call.connected', 'call.ended', 'call.rejoined'] as const) {
      reloaded.on(event, () => seen.push(event));
    }
    const orphan = new Promise<SoftphoneEvents['call.orphanEnded']>((resolve) => {
      reloaded.on('call.orphanEnded', resolve);
    });
    await reloaded.register();
    expect((await orphan).statusCode).toBe(481); // no such dialog at bob
    expect(seen).toEqual([]); // the refused attempt was never a call of its own
    expect(reloaded.getSnapshot().calls).toEqual([]);
    expect(storage.size).toBe(0);
  });

  it('a far end without Replaces support: the page loaded after a reload ends the call (BYE, no ghost)', async () => {
    const sipp = runSipp({ scenario: 'answer-await-bye.xml', port: gatewayPort });
    const storage = memoryStorage();
    const alice = oldPage(storage);
    phones.push(alice);
    await alice.register();
    const aliceCall = await alice.call('+14155552671');
    await waitFor(() => aliceCall.getSnapshot().status === 'connected', 'connected');
    expect(storage.size).toBe(1);

    const reloaded = await reload(alice, storage);
    const orphan = new Promise<SoftphoneEvents['call.orphanEnded']>((resolve) => {
      reloaded.on('call.orphanEnded', resolve);
    });
    const rejoins: unknown[] = [];
    reloaded.on('call.rejoined', (event) => rejoins.push(event));
    await reloaded.register();
    expect(await orphan).toMatchObject({ statusCode: 200 });
    const sippResult = await sipp.done;
    expect(sippResult.errors).toBe('');
    expect(sippResult.code).toBe(0); // sipp got its BYE
    expect(rejoins).toEqual([]);
    expect(reloaded.getSnapshot().calls).toEqual([]);
    expect(storage.size).toBe(0);
  });

  it('a call that ended normally leaves nothing to recover', async () => {
    const storage = memoryStorage();
    const alice = nodePhone(kamailio, 'alice', { dialogStorage: storage });
    const bob = nodePhone(kamailio, 'bob', { dialogStorage: null });
    phones.push(alice, bob);
    await Promise.all([alice.register(), bob.register()]);
    const answered = answerNext(bob);
    const call = await alice.call('bob');
    await answered;
    await waitFor(() => call.getSnapshot().status === 'connected', 'connected');
    expect(storage.size).toBe(1);
    await call.hangUp();
    await waitFor(() => call.getSnapshot().status === 'ended', 'ended');
    expect(storage.size).toBe(0);
  });
});

describe('wake-up', { timeout: 30_000 }, () => {
  /** An EventTarget standing in for `document` + `window`, with a settable visibility. */
  function pageSignals() {
    const target = new EventTarget() as EventTarget & { visibilityState: string };
    target.visibilityState = 'visible';
    return target;
  }

  it('becoming visible after a silent drop finds the dead socket and re-registers', async () => {
    const signals = pageSignals();
    const alice = nodePhone(kamailio, 'alice', {
      server: proxy.wsUrl,
      reconnect: { minDelayMs: 40, maxDelayMs: 1000 },
      keepAlive: { intervalMs: 0, timeoutMs: 300 }, // no periodic pings: only the wake-up probes
      wake: { target: signals },
      dialogStorage: null,
    });
    phones.push(alice);
    await alice.register();
    const woke: string[] = [];
    alice.on('softphone.woke', ({ reason }) => woke.push(reason));
    proxy.silence(); // half-open: no close event, nothing gets through
    signals.visibilityState = 'hidden';
    signals.dispatchEvent(new Event('visibilitychange'));
    expect(woke).toEqual([]); // hiding is no wake-up
    signals.visibilityState = 'visible';
    const start = performance.now();
    signals.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => alice.getSnapshot().registration.status === 'reconnecting', 'dropped');
    await waitFor(() => alice.getSnapshot().registration.status === 'registered', 'back', 3000);
    console.log(
      `visible after a silent drop: registered again in ${(performance.now() - start).toFixed(0)} ms`,
    );
    expect(woke).toEqual(['visible']);
    await waitFor(async () => (await kamailio.contacts('alice')).length === 1, 'one binding');
  });

  it('the network coming back skips the back-off and re-registers at once', async () => {
    const signals = pageSignals();
    const alice = nodePhone(kamailio, 'alice', {
      server: proxy.wsUrl,
      reconnect: { minDelayMs: 20_000, maxDelayMs: 20_000 }, // the next retry is 10-20 s away
      keepAlive: { intervalMs: 0 },
      wake: { target: signals },
      dialogStorage: null,
    });
    phones.push(alice);
    await alice.register();
    proxy.refuse(true);
    proxy.cut();
    await waitFor(() => alice.getSnapshot().registration.status === 'reconnecting', 'cut');
    proxy.refuse(false);
    signals.dispatchEvent(new Event('online'));
    await waitFor(() => alice.getSnapshot().registration.status === 'registered', 'online', 3000);
  });

  it('a timer firing far later than due (a sleep) re-registers', async () => {
    let skew = 0; // how far the machine "slept": now() jumps, the timers simply fire late
    const sleepy: Clock = { ...systemClock, now: () => systemClock.now() + skew };
    const alice = nodePhone(kamailio, 'alice', {
      clock: sleepy,
      wake: { target: new EventTarget(), tickMs: 100, gapMs: 5000 },
      dialogStorage: null,
    });
    phones.push(alice);
    await alice.register();
    const registered = alice.getSnapshot().registration;
    const woke = new Promise<SoftphoneEvents['softphone.woke']>((resolve) => {
      alice.on('softphone.woke', resolve);
    });
    skew = 60_000;
    expect(await woke).toMatchObject({ reason: 'timerGap' });
    expect((await woke).gapMs).toBeGreaterThan(50_000);
    await waitFor(() => alice.getSnapshot().registration !== registered, 'a fresh REGISTER');
    expect(alice.getSnapshot().registration).toMatchObject({ status: 'registered' });
  });
});
