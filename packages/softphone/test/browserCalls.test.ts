// Transfers and call waiting between three headless Chromium pages (Debian's chromium,
// playwright-core, fake media), each its own user, through a real Kamailio on 127.0.0.1. Audio
// is asserted with getStats: bytes received grow on the calls that should carry it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { run } from '../../../tooling/sip/softphonePage';
import { until } from './support/browserHarness';
import { useSoftphoneSuite, type User } from './support/softphoneSuite';

const suite = useSoftphoneSuite('browser/survivalPage.ts');
const { softphonePage } = suite;

/** Whether call `id` of `page` receives audio: its bytes received grow within `ms`. */
async function hears(page: Page, id: string, ms = 600): Promise<boolean> {
  const before = await run<number>(page, 'bytesReceivedOf', id);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await run<number>(page, 'bytesReceivedOf', id)) > before;
}

const status = (page: Page, id: string) => run<string>(page, 'statusOf', id);
const currentId = async (page: Page) => (await run<string | null>(page, 'callId')) ?? '';

/** `caller` calls `target`; resolves with the caller's and the callee's call ids, audio flowing. */
async function connect(caller: Page, callee: Page, target: User): Promise<[string, string]> {
  const callerId = await run<string>(caller, 'call', target);
  await until(async () => (await status(caller, callerId)) === 'connected', 'caller connected');
  await until(async () => (await run<string>(callee, 'status')) === 'connected', 'callee');
  const calleeId = await currentId(callee);
  await until(() => hears(caller, callerId), 'audio at the caller');
  await until(() => hears(callee, calleeId), 'audio at the callee');
  return [callerId, calleeId];
}

async function threePages(): Promise<[Page, Page, Page]> {
  return [await softphonePage('alice'), await softphonePage('bob'), await softphonePage('carol')];
}
async function closeAll(list: readonly Page[]) {
  for (const page of list) await page.context().close();
}

describe('transfers and call waiting in Chromium', { timeout: 120_000 }, () => {
  it('blind transfer: alice sends bob to carol; bob and carol talk, alice is out', async () => {
    const [alice, bob, carol] = await threePages();
    const [aliceToBob, bobFromAlice] = await connect(alice, bob, 'bob');

    expect(await run(alice, 'transfer', 'carol')).toMatchObject({
      mode: 'blind',
      statusCode: 200,
    });
    await until(async () => (await status(alice, aliceToBob)) === 'ended', 'alice out');
    expect(await run<string>(alice, 'endReasonOf', aliceToBob)).toBe('transferred');
    // Bob followed the REFER: a new call to carol, and his call with alice is over.
    await until(async () => (await currentId(bob)) !== bobFromAlice, 'bob placed the call');
    const bobToCarol = await currentId(bob);
    await until(async () => (await status(bob, bobToCarol)) === 'connected', 'bob-carol');
    await until(async () => (await status(bob, bobFromAlice)) === 'ended', 'bob-alice ended');
    const carolFromBob = await currentId(carol);
    await until(() => hears(bob, bobToCarol), 'bob hears carol');
    await until(() => hears(carol, carolFromBob), 'carol hears bob');
    expect(await run<number>(alice, 'calls')).toBe(0);
    expect(await run<number>(bob, 'calls')).toBe(1);
    expect(await run<number>(carol, 'calls')).toBe(1);
    await run(bob, 'hangUp');
    await until(async () => (await status(carol, carolFromBob)) === 'ended', 'carol ended');
    await closeAll([alice, bob, carol]);
  });

  it('attended transfer: alice consults carol, then joins bob and carol (Replaces); they talk', async () => {
    const [alice, bob, carol] = await threePages();
    const [aliceToBob] = await connect(alice, bob, 'bob');
    await run(alice, 'hold');
    const [aliceToCarol, carolFromAlice] = await connect(alice, carol, 'carol');

    await run(alice, 'use', aliceToBob);
    expect(await run(alice, 'transferToCall', aliceToCarol)).toMatchObject({
      mode: 'attended',
      statusCode: 200,
    });
    await until(
      async () =>
        (await status(alice, aliceToBob)) === 'ended' &&
        (await status(alice, aliceToCarol)) === 'ended',
      'both of alice calls ended',
    );
    expect(await run<string>(alice, 'endReasonOf', aliceToBob)).toBe('transferred');
    expect(await run<string>(alice, 'endReasonOf', aliceToCarol)).toBe('transferred');
    // Carol's call with alice was replaced by one with bob (call.replaced).
    await until(async () => (await currentId(carol)) !== carolFromAlice, 'carol replaced');
    const carolFromBob = await currentId(carol);
    await until(async () => (await status(carol, carolFromAlice)) === 'ended', 'old call gone');
    expect(await run<string>(carol, 'endReasonOf', carolFromAlice)).toBe('replaced');
    const bobToCarol = await currentId(bob);
    await until(async () => (await status(bob, bobToCarol)) === 'connected', 'bob-carol');
    await until(() => hears(bob, bobToCarol), 'bob hears carol');
    await until(() => hears(carol, carolFromBob), 'carol hears bob');
    expect(await run<number>(alice, 'calls')).toBe(0);
    await until(async () => (await run<number>(bob, 'calls')) === 1, 'bob has one call');
    expect(await run<number>(carol, 'calls')).toBe(1);
    await run(carol, 'hangUp');
    await until(async () => (await status(bob, bobToCarol)) === 'ended', 'bob ended');
    await closeAll([alice, bob, carol]);
  });

  it('call waiting: carol calls alice during a call with bob; answering holds bob, switching back holds carol', async () => {
    const [alice, bob, carol] = await threePages();
    const [aliceToBob] = await connect(alice, bob, 'bob');
    const carolToAlice = await run<string>(carol, 'call', 'alice');
    await until(async () => (await status(carol, carolToAlice)) === 'connected', 'carol in');
    const aliceFromCarol = await currentId(alice);
    expect(aliceFromCarol).not.toBe(aliceToBob);
    expect(await run<boolean>(alice, 'heldOf', aliceToBob)).toBe(true); // held on answer
    expect(await run<number>(alice, 'calls')).toBe(2);
    await until(() => hears(alice, aliceFromCarol), 'alice hears carol');
    await until(() => hears(carol, carolToAlice), 'carol hears alice');
    await until(async () => !(await hears(alice, aliceToBob, 400)), 'bob silent while held');

    await run(alice, 'switchTo', aliceToBob);
    expect(await run<boolean>(alice, 'heldOf', aliceFromCarol)).toBe(true);
    expect(await run<boolean>(alice, 'heldOf', aliceToBob)).toBe(false);
    await until(() => hears(alice, aliceToBob), 'alice hears bob again');
    await until(async () => !(await hears(alice, aliceFromCarol, 400)), 'carol silent');
    await run(alice, 'use', aliceToBob);
    await run(alice, 'hangUp');
    await run(alice, 'use', aliceFromCarol);
    await run(alice, 'hangUp');
    await until(
      async () =>
        (await run<string>(bob, 'status')) === 'ended' &&
        (await status(carol, carolToAlice)) === 'ended',
      'all ended',
    );
    await closeAll([alice, bob, carol]);
  });
});
