// Three-way conference audio in headless Chromium (Debian's chromium, playwright-core, fake
// media) through a real Kamailio on 127.0.0.1: alice calls bob and carol and joins them; her
// softphone mixes with Web Audio, so bob hears carol and carol hears bob through alice even
// with alice's microphone muted. Asserted with getStats: bytes and audio energy received.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fakeMediaFlags } from '../../../tooling/browserTesting';
import { run } from '../../../tooling/sip/softphonePage';
import { until } from './support/browserHarness';
import { useSoftphoneSuite } from './support/softphoneSuite';

const suite = useSoftphoneSuite('browser/survivalPage.ts', [
  ...fakeMediaFlags,
  '--autoplay-policy=no-user-gesture-required',
]);
const { softphonePage } = suite;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const currentId = async (page: Page) => (await run<string | null>(page, 'callId')) ?? '';

/** Bytes and audio energy call `id` of `page` receives over `ms`. */
async function received(page: Page, id: string, ms = 2500) {
  const bytes = await run<number>(page, 'bytesReceivedOf', id);
  const energy = await run<number>(page, 'audioEnergyOf', id);
  await wait(ms);
  return {
    bytes: (await run<number>(page, 'bytesReceivedOf', id)) - bytes,
    energy: (await run<number>(page, 'audioEnergyOf', id)) - energy,
  };
}

describe('conference audio in Chromium', { timeout: 120_000 }, () => {
  it('each party hears the other two: alice mixes bob into carol and carol into bob', async () => {
    const alice = await softphonePage('alice');
    const bob = await softphonePage('bob');
    const carol = await softphonePage('carol');
    const toBob = await run<string>(alice, 'call', 'bob');
    await until(async () => (await run<string>(bob, 'status')) === 'connected', 'bob');
    const bobCall = await currentId(bob);
    const toCarol = await run<string>(alice, 'call', 'carol');
    await until(async () => (await run<string>(carol, 'status')) === 'connected', 'carol');
    const carolCall = await currentId(carol);
    await until(async () => (await run<string>(alice, 'statusOf', toCarol)) === 'connected', 'up');

    // Alice mutes her microphone on both calls: before the conference bob and carol hear silence.
    for (const id of [toBob, toCarol]) {
      await run(alice, 'use', id);
      await run(alice, 'setMuted', true);
    }
    // Frames already in flight when the mute lands still carry a beep's tail (on a loaded
    // machine for longer than 500 ms): wait, boundedly, until a whole window is silent.
    let silentAtBob = { bytes: 0, energy: Infinity };
    await until(
      async () => {
        const [atBob, atCarol] = await Promise.all([
          received(bob, bobCall, 1000),
          received(carol, carolCall, 1000),
        ]);
        silentAtBob = atBob;
        return atBob.energy < 1e-6 && atCarol.energy < 1e-6;
      },
      'silence while alice is muted',
      20_000,
    );
    expect(silentAtBob.bytes).toBeGreaterThan(0); // packets of silence still flow

    expect(await run<string>(alice, 'conference', [toBob, toCarol])).toMatch(/^conference-/);
    // The fake microphones beep: bob now hears carol's beeps through alice, and carol bob's.
    await until(async () => (await received(bob, bobCall, 1500)).energy > 1e-4, 'bob hears carol');
    await until(async () => (await received(carol, carolCall, 1500)).energy > 1e-4, 'carol');
    const atBob = await received(bob, bobCall);
    const atCarol = await received(carol, carolCall);
    const atAliceFromBob = await received(alice, toBob);
    const atAliceFromCarol = await received(alice, toCarol);
    console.log(
      `conference audio over 2.5 s (bytes / energy): at bob ${atBob.bytes} / ${atBob.energy.toExponential(2)}, ` +
        `at carol ${atCarol.bytes} / ${atCarol.energy.toExponential(2)}, ` +
        `at alice from bob ${atAliceFromBob.bytes}, from carol ${atAliceFromCarol.bytes}; ` +
        `before the conference (alice muted) at bob ${silentAtBob.energy.toExponential(2)}`,
    );
    for (const leg of [atBob, atCarol]) {
      expect(leg.bytes).toBeGreaterThan(0);
      expect(leg.energy).toBeGreaterThan(1e-4);
    }
    expect(atAliceFromBob.bytes).toBeGreaterThan(0);
    expect(atAliceFromCarol.bytes).toBeGreaterThan(0);

    for (const page of [alice, bob, carol]) await page.context().close();
  });
});
