// Reload, tabs and devices in headless Chromium (Debian's chromium, playwright-core, fake media)
// through a real Kamailio on 127.0.0.1. Audio is asserted with getStats (bytes received grow).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fakeMediaFlags, launchChromium } from '../../../tooling/browserTesting';
import { run } from '../../../tooling/sip/softphonePage';
import { receiving, until } from './support/browserHarness';
import { callAndAnswer, openSharedTab, untilEvent, type PageEvent } from './support/sharedTabs';
import { useSoftphoneSuite, type User } from './support/softphoneSuite';

const suite = useSoftphoneSuite('browser/survivalPage.ts');
const { softphonePage, uriOf, start } = suite;

async function connect(caller: Page, callee: Page, target: User) {
  await run(caller, 'call', target);
  await until(
    async () =>
      (await run<string>(caller, 'status')) === 'connected' &&
      (await run<string>(callee, 'status')) === 'connected',
    'both connected',
  );
  await until(() => receiving(caller), 'audio at the caller');
  await until(() => receiving(callee), 'audio at the callee');
}

describe('reload', { timeout: 90_000 }, () => {
  /** Reloads `page` mid-call and checks the call goes on: rejoined with audio, no ghost. */
  async function reloadAndRejoin(reloading: Page, reloadingUser: User, other: Page) {
    const otherCallId = await run<string>(other, 'callId');
    expect(await run<string[]>(reloading, 'storedDialogs')).toHaveLength(1);
    await reloading.reload();
    await start(reloading, reloadingUser);
    await until(
      async () => (await run<PageEvent[]>(reloading, 'events')).length > 0,
      'the reloaded page settles the orphaned call',
      15_000,
    );
    const settled = await run<PageEvent[]>(reloading, 'events');
    expect(settled.map((event) => event.name)).toEqual(['call.rejoined']);
    expect(settled[0]?.payload.replacedCallId).toMatch(/\S/);
    expect(await run<string>(reloading, 'status')).toBe('connected');
    await until(() => receiving(reloading), 'audio at the reloaded page', 10_000);
    await until(() => receiving(other), 'audio again at the other page', 10_000);
    // The other side kept its call: same id, still connected, told it was rejoined; no ghost.
    expect(await run<string>(other, 'callId')).toBe(otherCallId);
    expect(await run<string>(other, 'status')).toBe('connected');
    expect(await run<PageEvent[]>(other, 'events')).toContainEqual({
      name: 'call.remoteRejoined',
      payload: { callId: otherCallId },
    });
    expect(await run<number>(other, 'calls')).toBe(1);
    expect(await run<number>(reloading, 'calls')).toBe(1);
    expect(await run<string[]>(reloading, 'storedDialogs')).toHaveLength(1); // the new dialog
  }

  it('reloading either side mid-call rejoins the call (INVITE with Replaces): audio flows again, no ghost', async () => {
    const alice = await softphonePage('alice');
    const bob = await softphonePage('bob');

    // The callee reloads, then the caller.
    await connect(alice, bob, 'bob');
    await reloadAndRejoin(bob, 'bob', alice);
    await reloadAndRejoin(alice, 'alice', bob);

    await run(alice, 'hangUp');
    await until(async () => (await run<string>(bob, 'status')) === 'ended', 'bob ended');
    expect(await run<string>(bob, 'endReason')).toBe('remoteHangUp');
    await until(async () => (await run<number>(bob, 'calls')) === 0, 'no call left at bob');
    expect(await run<number>(alice, 'calls')).toBe(0);
    expect(await run<string[]>(alice, 'storedDialogs')).toEqual([]);
    expect(await run<string[]>(bob, 'storedDialogs')).toEqual([]);
    await alice.context().close();
    await bob.context().close();
  });
});

describe('devices', { timeout: 60_000 }, () => {
  interface Snapshot {
    microphones: { id: string; label: string }[];
    speakers: { id: string; label: string }[];
    microphoneId: string | null;
    speakerId: string | null;
    permission: string;
  }
  const fake = (list: { id: string; label: string }[], label: string) =>
    list.find((device) => device.label === label)?.id ?? `no ${label}`;

  it('picks microphone and speaker before and during a call, and falls back when one is unplugged', async () => {
    const alice = await softphonePage('alice', true);
    const bob = await softphonePage('bob');
    expect(await run<string>(alice, 'requestPermission')).toBe('granted');
    const listed = await run<Snapshot>(alice, 'devices');
    expect(listed.permission).toBe('granted');
    expect(listed.microphones.map((device) => device.label)).toContain('Fake Audio Input 1');
    expect(listed.speakers.map((device) => device.label)).toContain('Fake Audio Output 1');
    const input1 = fake(listed.microphones, 'Fake Audio Input 1');
    const input2 = fake(listed.microphones, 'Fake Audio Input 2');
    const output1 = fake(listed.speakers, 'Fake Audio Output 1');
    const output2 = fake(listed.speakers, 'Fake Audio Output 2');
    expect(await run<string>(alice, 'select', 'microphone', 'no-such-device')).toBe('NOT_FOUND');

    // Before the call.
    expect(await run<string>(alice, 'select', 'microphone', input1)).toBe('ok');
    expect(await run<string>(alice, 'select', 'speaker', output1)).toBe('ok');
    await connect(alice, bob, 'bob');
    expect(await run(alice, 'sendingDevice')).toEqual({ deviceId: input1, enabled: true });
    expect(await run<string>(alice, 'playingSink')).toBe(output1);

    // During the call: the track is replaced (mute carries over), audio keeps flowing.
    await run(alice, 'setMuted', true);
    expect(await run<string>(alice, 'select', 'microphone', input2)).toBe('ok');
    expect(await run<string>(alice, 'select', 'speaker', output2)).toBe('ok');
    await until(
      async () => (await run<{ deviceId: string }>(alice, 'sendingDevice')).deviceId === input2,
      'microphone switched',
    );
    expect(await run(alice, 'sendingDevice')).toEqual({ deviceId: input2, enabled: false });
    await run(alice, 'setMuted', false);
    await until(() => receiving(bob), 'bob hears the new microphone');
    await until(async () => (await run<string>(alice, 'playingSink')) === output2, 'speaker');

    // Unplugged: back to the default microphone, with an event.
    await run(alice, 'unplug', input2);
    await untilEvent(alice, 'devices.fallback', 'fallback event');
    expect(await run<PageEvent[]>(alice, 'events')).toContainEqual({
      name: 'devices.fallback',
      payload: { kind: 'microphone', lostId: input2, label: 'Fake Audio Input 2' },
    });
    expect((await run<Snapshot>(alice, 'devices')).microphoneId).toBeNull();
    await until(
      async () => (await run<{ deviceId: string }>(alice, 'sendingDevice')).deviceId === 'default',
      'default microphone',
    );
    await until(() => receiving(bob), 'bob still hears alice');
    await run(alice, 'hangUp');
    await alice.context().close();
    await bob.context().close();
  });

  it('a refused microphone is a PERMISSION_DENIED error', async () => {
    const denying = await launchChromium([
      ...fakeMediaFlags.filter((flag) => !flag.startsWith('--use-fake-ui')),
      '--use-fake-ui-for-media-stream=deny',
    ]);
    try {
      const page = await denying.newPage();
      await page.goto(suite.origin);
      expect(await run<string>(page, 'requestPermission')).toBe('PERMISSION_DENIED');
    } finally {
      await denying.close();
    }
  });
});

describe('tabs', { timeout: 120_000 }, () => {
  it('a follower tab transfers a call (blind) through the leading tab', async () => {
    const context = await suite.browser.newContext();
    const openTab = () => openSharedTab(suite, context);
    const leader = await openTab();
    const follower = await openTab();
    expect(await run<string>(follower, 'role')).toBe('follower');
    const carol = await softphonePage('carol'); // answers every call
    const bob = await softphonePage('bob');
    const { callId } = await callAndAnswer(bob, follower);
    await until(async () => (await run<string>(bob, 'status')) === 'connected', 'connected');
    // Answered in the follower: the call moved there, so the REFER goes out on its leg.
    await untilEvent(leader, 'call.audioPlaced', 'the audio moved', 15_000);
    expect(await run<PageEvent[]>(follower, 'events')).toContainEqual({
      name: 'call.audioPlaced',
      payload: { callId, tab: 'answering', reason: 'moved' },
    });

    expect(await run(follower, 'transfer', 'carol')).toMatchObject({
      mode: 'blind',
      target: uriOf('carol'),
      statusCode: 200,
    });
    await until(async () => (await run<string>(follower, 'status')) === 'ended', 'ended');
    expect(await run<string>(follower, 'endReason')).toBe('transferred');
    expect(await run<string>(leader, 'endReason')).toBe('transferred');
    await until(async () => (await run<string>(carol, 'status')) === 'connected', 'carol');
    expect(await run<string>(follower, 'transfer', 'carol')).toBe('NOT_FOUND'); // call is over
    await context.close();
    await bob.context().close();
    await carol.context().close();
  });

  it('a follower answers a far end without Replaces: the audio stays in the leader, which says so; the call ends once', async () => {
    const context = await suite.browser.newContext();
    const openTab = () => openSharedTab(suite, context);
    const leader = await openTab();
    const follower = await openTab();
    expect(await run<string>(follower, 'role')).toBe('follower');
    const bob = await softphonePage('bob', false, true); // no Replaces in its Supported headers
    const { callId } = await callAndAnswer(bob, follower);
    const placed = {
      name: 'call.audioPlaced',
      payload: { callId, tab: 'leading', reason: 'replacesUnsupported' },
    };
    await untilEvent(follower, placed.name, 'told where the audio plays');
    expect(await run<PageEvent[]>(follower, 'events')).toContainEqual(placed);
    expect(await run<PageEvent[]>(leader, 'events')).toContainEqual(placed);
    await until(() => receiving(bob), 'bob hears alice');
    expect(await run<number>(follower, 'openConnections')).toBe(0);
    const before = await run<number>(leader, 'audioEnergy');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await run<number>(leader, 'audioEnergy')).toBeGreaterThan(before);
    expect(await suite.kamailio.contacts('alice')).toHaveLength(1);
    await run(bob, 'hangUp');
    for (const tab of [leader, follower]) {
      await until(async () => (await run<string>(tab, 'status')) === 'ended', 'ended');
      expect(
        (await run<PageEvent[]>(tab, 'events')).filter((e) => e.name === 'call.ended'),
      ).toEqual([{ name: 'call.ended', payload: { callId, endReason: 'remoteHangUp' } }]);
    }
    await context.close();
    await bob.context().close();
  });

  it('the tab that carries a moved call closes: the leader ends the call (connectionLost) and the far end gets a BYE', async () => {
    const context = await suite.browser.newContext();
    const openTab = () => openSharedTab(suite, context);
    const leader = await openTab();
    const follower = await openTab();
    const bob = await softphonePage('bob');
    const { callId } = await callAndAnswer(bob, follower);
    await untilEvent(leader, 'call.audioPlaced', 'the audio moved', 15_000);
    await until(() => receiving(bob), 'bob hears alice');
    await follower.close();
    await until(
      async () => (await run<string>(bob, 'status')) === 'ended',
      'bob got a BYE',
      10_000,
    );
    expect(await run<string>(bob, 'endReason')).toBe('remoteHangUp');
    await until(
      async () => (await run<string>(leader, 'status')) === 'ended',
      'ended in the leader',
    );
    expect(
      (await run<PageEvent[]>(leader, 'events')).filter((e) => e.name === 'call.ended'),
    ).toEqual([{ name: 'call.ended', payload: { callId, endReason: 'connectionLost' } }]);
    expect(await run<number>(leader, 'calls')).toBe(0);
    await context.close();
    await bob.context().close();
  });

  const quantile = (sorted: readonly number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

  it('two tabs share one registration; a follower answers and the audio moves to it (INVITE with Replaces, no second registration); when the leader closes another tab takes over within 2 s and rejoins the call', async () => {
    const context = await suite.browser.newContext();
    const openTab = () => openSharedTab(suite, context);
    const registered = async (page: Page) =>
      (await run<string>(page, 'registration')) === 'registered';
    const oneBinding = () =>
      until(async () => (await suite.kamailio.contacts('alice')).length === 1, 'one binding', 4000);
    let leader = await openTab();
    let follower = await openTab();
    expect(await run<string>(leader, 'role')).toBe('leader');
    expect(await run<string>(follower, 'role')).toBe('follower');
    await until(() => registered(follower), 'the follower sees the registration');
    expect(await suite.kamailio.contacts('alice')).toHaveLength(1);

    // Bob calls; the follower tab answers: the leader answers, then the follower takes the
    // dialog over (INVITE with Replaces on its own unregistered connection): audio plays there.
    const bob = await softphonePage('bob');
    const { callId, callerCallId: bobCallId } = await callAndAnswer(bob, follower);
    const placed = {
      name: 'call.audioPlaced',
      payload: { callId, tab: 'answering', reason: 'moved' },
    };
    await untilEvent(leader, placed.name, 'the audio moved', 15_000);
    expect(await run<PageEvent[]>(leader, 'events')).toContainEqual(placed);
    expect(await run<PageEvent[]>(follower, 'events')).toContainEqual(placed);
    await until(
      async () =>
        (await run<string>(bob, 'status')) === 'connected' &&
        (await run<string>(leader, 'status')) === 'connected' &&
        (await run<string>(follower, 'status')) === 'connected',
      'connected in both tabs',
    );
    // Same call everywhere: the tabs keep the id, bob keeps his call (swapped in place).
    expect(await run<string>(leader, 'callId')).toBe(callId);
    expect(await run<string>(bob, 'callId')).toBe(bobCallId);
    expect(await run<number>(bob, 'calls')).toBe(1);
    expect(await run<PageEvent[]>(bob, 'events')).toContainEqual({
      name: 'call.remoteRejoined',
      payload: { callId: bobCallId },
    });
    // Audio energy grows in the follower's own peer connection; the leader has none left.
    await until(() => receiving(bob), 'bob hears alice');
    await until(async () => (await run<number>(follower, 'openConnections')) === 1, 'leg media');
    await until(
      async () => (await run<number>(leader, 'openConnections')) === 0,
      'leader media closed',
    );
    const energy = async (page: Page) => run<number>(page, 'audioEnergy');
    const [followerBefore, leaderBefore] = [await energy(follower), await energy(leader)];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await energy(follower)).toBeGreaterThan(followerBefore);
    expect(leaderBefore).toBe(0);
    expect(await energy(leader)).toBe(0);
    expect(await receiving(follower)).toBe(true); // getStats of the leg, through the leader
    expect(await suite.kamailio.contacts('alice')).toHaveLength(1); // the leg never registers
    // No call.ended for the leader's replaced leg, in any tab.
    for (const tab of [leader, follower]) {
      expect(
        (await run<PageEvent[]>(tab, 'events')).filter((e) => e.name === 'call.ended'),
      ).toEqual([]);
    }

    // Hold, switchTo and the PCI recording pause, asked in the follower: the leader hands them
    // to the follower's leg, which carries the dialog now.
    const flags = (page: Page) => run<{ held: boolean; recordingPaused: boolean }>(page, 'flags');
    await run(follower, 'hold');
    expect(await flags(follower)).toEqual({ held: true, recordingPaused: false });
    await until(async () => (await flags(leader)).held, 'held in the leader');
    // Bob answered recvonly: the follower's leg receives nothing from him.
    await until(async () => !(await receiving(follower, 300)), 'alice no longer hears bob');
    await run(follower, 'switchToCurrent'); // the only call: resumed
    expect((await flags(follower)).held).toBe(false);
    await until(() => receiving(follower), 'alice hears bob again');
    await run(follower, 'pauseRecording');
    expect(await flags(follower)).toEqual({ held: false, recordingPaused: true });
    await until(async () => (await flags(leader)).recordingPaused, 'paused in the leader');
    await run(follower, 'resumeRecording');
    expect((await flags(follower)).recordingPaused).toBe(false);
    expect(
      (await run<PageEvent[]>(follower, 'events')).filter((e) => e.name.startsWith('call.')),
    ).toEqual([
      placed,
      { name: 'call.recordingPaused', payload: { autoResumeMs: 0 } },
      { name: 'call.recordingResumed', payload: { reason: 'request' } },
    ]);

    // The leader closes mid-call: the follower takes over and rejoins the call its own leg
    // carried (its record is in localStorage; bob's softphone supports Replaces): the call goes
    // on with its audio in the new leader.
    const takeovers: number[] = [];
    let start = performance.now();
    await leader.close();
    await until(
      async () =>
        (await run<string>(follower, 'role')) === 'leader' && (await registered(follower)),
      'takeover',
      5000,
    );
    takeovers.push(performance.now() - start);
    await untilEvent(follower, 'call.rejoined', 'the new leader rejoins the call', 15_000);
    expect(await run<string>(follower, 'status')).toBe('connected');
    await until(() => receiving(follower), 'audio in the new leader', 10_000);
    await until(() => receiving(bob), 'bob hears alice again', 10_000);
    expect(await run<string>(bob, 'callId')).toBe(bobCallId);
    expect(await run<string>(bob, 'status')).toBe('connected');
    expect(await run<number>(bob, 'calls')).toBe(1);
    expect(await run<number>(follower, 'calls')).toBe(1); // no ghost of the closed tab's call
    await oneBinding();
    await run(follower, 'hangUp');
    await until(async () => (await run<string>(bob, 'status')) === 'ended', 'bob ended');
    expect(await run<string>(bob, 'endReason')).toBe('remoteHangUp');

    // Ten more take-overs, each by a newly opened tab.
    leader = follower;
    for (let round = 0; round < 10; round += 1) {
      follower = await openTab();
      await until(() => registered(follower), 'the new tab sees the registration');
      expect(await run<string>(follower, 'role')).toBe('follower');
      start = performance.now();
      await leader.close();
      await until(
        async () =>
          (await run<string>(follower, 'role')) === 'leader' && (await registered(follower)),
        `takeover ${round + 2}`,
        5000,
      );
      takeovers.push(performance.now() - start);
      await oneBinding();
      leader = follower;
    }
    const sorted = [...takeovers].sort((a, b) => a - b);
    console.log(
      `${sorted.length} take-overs (leader tab closed -> other tab registered), ms: min ${sorted[0]?.toFixed(0)}, ` +
        `median ${quantile(sorted, 0.5).toFixed(0)}, p90 ${quantile(sorted, 0.9).toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`,
    );
    expect(sorted.at(-1)).toBeLessThan(2000);
    await context.close();
    await bob.context().close();
  });
});
