// A call answered in a follower tab is moved there (INVITE with Replaces on the tab's own
// unregistered WebSocket). Headless Chromium, a real Kamailio on 127.0.0.1, and our TCP proxy
// (support/cutProxy.ts) between alice's tabs and Kamailio, so one tab's WebSocket can be cut
// while the other's stays; bob (and carol) are far-end pages connected directly.
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../tooling/sip/softphonePage';
import { receiving, until } from './support/browserHarness';
import { startCutProxy, type CutProxy } from './support/cutProxy';
import { callAndAnswer, eventsNamed, openSharedTab, untilEvent } from './support/sharedTabs';
import { useSoftphoneSuite } from './support/softphoneSuite';

const suite = useSoftphoneSuite('browser/survivalPage.ts');
let proxy: CutProxy;
beforeEach(async () => {
  proxy = await startCutProxy(suite.kamailio.wsPort);
});
afterEach(async () => {
  await proxy.close();
});

/** Whether `page`'s audio energy (all its open peer connections) grows within 1 s. */
async function energyGrows(page: Page) {
  const before = await run<number>(page, 'audioEnergy');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return (await run<number>(page, 'audioEnergy')) > before;
}

/**
 * Alice's leader and follower tabs behind the proxy (the leader connects first), bob calls,
 * the follower answers and the call moves to it; audio flows both ways.
 */
async function movedCall(callSurvivalMs?: number) {
  const context = await suite.browser.newContext();
  const leader = await openSharedTab(suite, context, proxy.wsUrl, callSurvivalMs);
  const follower = await openSharedTab(suite, context, proxy.wsUrl, callSurvivalMs);
  expect(await run<string>(follower, 'role')).toBe('follower');
  expect(proxy.accepted).toBe(1); // only the leader connects
  const bob = await suite.softphonePage('bob');
  const ids = await callAndAnswer(bob, follower);
  await untilEvent(leader, 'call.audioPlaced', 'the audio moved', 15_000);
  expect(await eventsNamed(follower, 'call.audioPlaced')).toEqual([
    {
      name: 'call.audioPlaced',
      payload: { callId: ids.callId, tab: 'answering', reason: 'moved' },
    },
  ]);
  expect(proxy.accepted).toBe(2); // the follower's own WebSocket, the latest one
  await until(() => receiving(bob), 'bob hears alice');
  await until(() => energyGrows(follower), 'alice hears bob in the follower');
  const close = async () => {
    await context.close();
    await bob.context().close();
  };
  return { leader, follower, bob, ...ids, close };
}

/** Waits until each tab has exactly two `call.ended` events: `callIds`, both `transferred`. */
async function expectBothTransferred(tabs: readonly Page[], callIds: readonly string[]) {
  const ended = (callId: string) => ({
    name: 'call.ended',
    payload: { callId, endReason: 'transferred' },
  });
  for (const tab of tabs) {
    await until(
      async () => (await eventsNamed(tab, 'call.ended')).length >= 2,
      'both of alice calls ended',
    );
    expect(await eventsNamed(tab, 'call.ended')).toEqual(
      expect.arrayContaining(callIds.map(ended)),
    );
    expect(await eventsNamed(tab, 'call.ended')).toHaveLength(2);
  }
}

/** Waits until bob's call is connected and bob and carol each hear the other. */
async function untilTalking(bob: Page, carol: Page) {
  await until(async () => (await run<string>(bob, 'status')) === 'connected', 'bob-carol');
  await until(() => receiving(bob), 'bob hears carol');
  await until(() => receiving(carol), 'carol hears bob');
}

describe('a moved call loses its WebSocket', { timeout: 120_000 }, () => {
  it('the answering tab reconnects (back-off), restores the media with an ICE restart, and the call goes on; still one binding', async () => {
    const { leader, follower, bob, callId, callerCallId, close } = await movedCall();
    const restoredMs: number[] = [];
    const rounds = 5;
    for (let round = 1; round <= rounds; round += 1) {
      const start = performance.now();
      proxy.cutLatest();
      await until(
        async () => (await eventsNamed(follower, 'call.restored')).length === round,
        `the leg restored its media (cut ${round})`,
        20_000,
      );
      restoredMs.push(performance.now() - start);
      expect(await eventsNamed(leader, 'call.restored')).toHaveLength(round);
      expect(proxy.accepted).toBe(2 + round); // the follower reconnected; the leader's socket kept
      for (const tab of [leader, follower]) {
        expect(await run<string>(tab, 'status')).toBe('connected');
        expect(await run<string>(tab, 'callId')).toBe(callId);
      }
      await until(() => energyGrows(follower), 'audio energy again in the follower', 10_000);
      await until(() => receiving(bob), 'bob hears alice again', 10_000);
      expect(await run<string>(bob, 'callId')).toBe(callerCallId);
      expect(await run<number>(bob, 'calls')).toBe(1);
      expect(await run<number>(leader, 'openConnections')).toBe(0); // the audio stays in the follower
      expect(await suite.kamailio.contacts('alice')).toHaveLength(1); // the leg never registers
      for (const tab of [leader, follower]) {
        expect(await eventsNamed(tab, 'call.ended')).toEqual([]);
      }
    }
    expect(await eventsNamed(leader, 'call.restored')).toEqual(
      Array.from({ length: rounds }, () => ({ name: 'call.restored', payload: { callId } })),
    );
    const sorted = [...restoredMs].sort((a, b) => a - b);
    console.log(
      `${rounds} cuts of the answering tab's WebSocket -> call.restored seen in that tab (100 ms polling), ms: ` +
        `min ${sorted[0]?.toFixed(0)}, median ${sorted[2]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`,
    );

    // Controls still reach the leg over its new connection.
    await run(follower, 'hold');
    await until(async () => !(await receiving(follower, 300)), 'held: alice no longer hears bob');
    await run(follower, 'switchToCurrent');
    await until(() => receiving(follower), 'resumed');
    await run(follower, 'hangUp');
    await until(async () => (await run<string>(bob, 'status')) === 'ended', 'bob ended');
    expect(await run<string>(bob, 'endReason')).toBe('remoteHangUp');
    await close();
  });

  it('an outage longer than callSurvivalMs ends the call once (connectionLost) and the far end gets a BYE', async () => {
    const survivalMs = 3000;
    const { leader, follower, bob, callId, close } = await movedCall(survivalMs);
    proxy.refuse(true); // the follower cannot reconnect
    proxy.cutLatest();
    await until(
      async () => (await run<string>(bob, 'status')) === 'ended',
      'bob got a BYE',
      survivalMs + 10_000,
    );
    expect(await run<string>(bob, 'endReason')).toBe('remoteHangUp');
    const ended = { name: 'call.ended', payload: { callId, endReason: 'connectionLost' } };
    for (const tab of [leader, follower]) {
      await until(async () => (await run<string>(tab, 'status')) === 'ended', 'ended in the tab');
      expect(await eventsNamed(tab, 'call.ended')).toEqual([ended]);
    }
    // The connection comes back: the leg sends the BYE it owed; still one call.ended.
    proxy.refuse(false);
    await until(() => Promise.resolve(proxy.open === 2), 'the follower reconnects', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const tab of [leader, follower]) {
      expect(await eventsNamed(tab, 'call.ended')).toEqual([ended]);
      expect(await run<number>(tab, 'calls')).toBe(0);
    }
    expect(await suite.kamailio.contacts('alice')).toHaveLength(1);
    expect(await run<number>(bob, 'calls')).toBe(0);
    await close();
  });
});

describe('transfers of a moved call', { timeout: 120_000 }, () => {
  it('attended: the consultation is placed by the leading tab, the answering tab sends the REFER with Replaces; bob and carol end up talking to each other', async () => {
    const { leader, follower, bob, callId, close } = await movedCall();
    const carol = await suite.softphonePage('carol'); // answers every call
    await run(follower, 'hold');
    const consultId = await run<string>(follower, 'call', 'carol');
    await until(async () => (await run<string>(follower, 'status')) === 'connected', 'consulting');
    await until(() => receiving(carol), 'carol hears alice');
    // The consultation lives in the leading tab (one more peer connection there).
    expect(await run<number>(leader, 'openConnections')).toBe(1);
    const carolFromAlice = await run<string>(carol, 'callId');
    const bobFromAlice = await run<string>(bob, 'callId');

    await run(follower, 'use', callId);
    expect(await run(follower, 'transferToCall', consultId)).toMatchObject({
      mode: 'attended',
      target: suite.uriOf('carol'),
      statusCode: 200,
    });
    await expectBothTransferred([leader, follower], [callId, consultId]);
    for (const tab of [leader, follower]) expect(await run<number>(tab, 'calls')).toBe(0);
    // Bob followed the REFER; carol's call with alice was replaced by one with bob.
    await until(async () => (await run<string>(bob, 'callId')) !== bobFromAlice, 'bob referred');
    await until(async () => (await run<string>(carol, 'callId')) !== carolFromAlice, 'replaced');
    expect(await run<string>(carol, 'endReasonOf', carolFromAlice)).toBe('replaced');
    await untilTalking(bob, carol);
    await until(async () => (await run<number>(bob, 'calls')) === 1, 'bob has one call');
    expect(await run<number>(carol, 'calls')).toBe(1);
    expect(await suite.kamailio.contacts('alice')).toHaveLength(1);
    await run(carol, 'hangUp');
    await until(async () => (await run<string>(bob, 'status')) === 'ended', 'bob ended');
    await carol.context().close();
    await close();
  });

  it('attended, both calls moved: carol calls during the call with bob and the same follower answers her too; bob and carol end up connected', async () => {
    const { leader, follower, bob, callId, close } = await movedCall();
    const carol = await suite.softphonePage('carol');
    const carolToAlice = await run<string>(carol, 'call', 'alice');
    await until(async () => (await run<string>(follower, 'callId')) !== callId, 'carol rings');
    const carolCallId = await run<string>(follower, 'callId');
    await run(follower, 'answer'); // holds bob (through his leg), then moves carol's call here
    await until(async () => (await eventsNamed(leader, 'call.audioPlaced')).length === 2, 'moved');
    expect((await eventsNamed(leader, 'call.audioPlaced'))[1]?.payload).toEqual({
      callId: carolCallId,
      tab: 'answering',
      reason: 'moved',
    });
    await until(async () => (await run<string>(carol, 'status')) === 'connected', 'carol in');
    await until(() => receiving(carol), 'carol hears alice');
    expect(await run<boolean>(follower, 'heldOf', callId)).toBe(true);
    expect(await run<number>(follower, 'openConnections')).toBe(2); // both legs play here
    expect(await run<number>(leader, 'openConnections')).toBe(0);

    await run(follower, 'use', callId);
    expect(await run(follower, 'transferToCall', carolCallId)).toMatchObject({
      mode: 'attended',
      statusCode: 200,
    });
    await expectBothTransferred([leader, follower], [callId, carolCallId]);
    await until(async () => (await run<string>(carol, 'callId')) !== carolToAlice, 'replaced');
    expect(await run<string>(carol, 'endReasonOf', carolToAlice)).toBe('replaced');
    await untilTalking(bob, carol);
    await until(async () => (await run<number>(bob, 'calls')) === 1, 'bob has one call');
    expect(await run<number>(carol, 'calls')).toBe(1);
    await run(bob, 'hangUp');
    await until(async () => (await run<string>(carol, 'status')) === 'ended', 'carol ended');
    await carol.context().close();
    await close();
  });

  it('attended, the reverse: the call to transfer plays in the leading tab, the consultation moved to the follower; the leader sends the REFER naming the moved dialog', async () => {
    const context = await suite.browser.newContext();
    const leader = await openSharedTab(suite, context, proxy.wsUrl);
    const follower = await openSharedTab(suite, context, proxy.wsUrl);
    const bob = await suite.softphonePage('bob');
    const carol = await suite.softphonePage('carol');
    const { callId } = await callAndAnswer(bob, leader); // answered in the leader: plays there
    await until(() => receiving(bob), 'bob hears alice');
    const carolToAlice = await run<string>(carol, 'call', 'alice');
    await until(async () => (await run<string>(follower, 'status')) === 'ringing', 'carol rings');
    const carolCallId = await run<string>(follower, 'callId');
    await run(follower, 'answer'); // holds bob in the leader, moves carol's call to the follower
    await untilEvent(leader, 'call.audioPlaced', 'carol moved', 15_000);
    expect(await eventsNamed(leader, 'call.audioPlaced')).toEqual([
      {
        name: 'call.audioPlaced',
        payload: { callId: carolCallId, tab: 'answering', reason: 'moved' },
      },
    ]);
    await until(() => receiving(carol), 'carol hears alice');

    await run(follower, 'use', callId);
    expect(await run(follower, 'transferToCall', carolCallId)).toMatchObject({
      mode: 'attended',
      statusCode: 200,
    });
    await expectBothTransferred([leader, follower], [callId, carolCallId]);
    await until(async () => (await run<string>(carol, 'callId')) !== carolToAlice, 'replaced');
    await untilTalking(bob, carol);
    expect(await run<number>(carol, 'calls')).toBe(1);
    await run(bob, 'hangUp');
    await carol.context().close();
    await bob.context().close();
    await context.close();
  });
});

describe('conference with a moved call', { timeout: 120_000 }, () => {
  it('is refused with INVALID_STATE (reason audioMoved), and both calls go on untouched', async () => {
    const { leader, follower, bob, callId, close } = await movedCall();
    const carol = await suite.softphonePage('carol');
    await run(follower, 'hold');
    const consultId = await run<string>(follower, 'call', 'carol');
    await until(async () => (await run<string>(follower, 'status')) === 'connected', 'consulting');
    for (const tab of [follower, leader]) {
      expect(await run(tab, 'conferenceRefusal', [callId, consultId])).toEqual({
        code: 'INVALID_STATE',
        reason: 'audioMoved',
      });
    }
    expect(await run<boolean>(follower, 'heldOf', callId)).toBe(true); // nothing was resumed
    expect(await run<number>(follower, 'calls')).toBe(2);
    await until(() => receiving(carol), 'carol still hears alice');
    expect(await run<string>(bob, 'status')).toBe('connected');
    await run(carol, 'hangUp');
    await run(bob, 'hangUp');
    await carol.context().close();
    await close();
  });
});
