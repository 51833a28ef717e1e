// Real WebRTC audio between two headless Chromium pages (Debian's chromium, driven by
// playwright-core, fake microphone) through a real Kamailio on 127.0.0.1. The page code is
// bundled with esbuild and served from 127.0.0.1 (see tooling/browserTesting.ts).
import { describe, expect, it } from 'vitest';
import { run } from '../../../tooling/sip/softphonePage';
import { receiving, until } from './support/browserHarness';
import { useSoftphoneSuite } from './support/softphoneSuite';

const suite = useSoftphoneSuite('browser/page.ts');
const { softphonePage } = suite;

describe('in Chromium', { timeout: 60_000 }, () => {
  it('two pages call each other with real audio and quality events; hold stops it one way, resume brings it back', async () => {
    const alice = await softphonePage('alice');
    const bob = await softphonePage('bob');
    await run(alice, 'call', 'bob');
    await until(
      async () =>
        (await run<string>(alice, 'status')) === 'connected' &&
        (await run<string>(bob, 'status')) === 'connected',
      'both connected',
    );
    await until(async () => (await run<number>(alice, 'bytesReceived')) > 0, 'audio at alice');
    expect(await receiving(alice)).toBe(true);
    expect(await receiving(bob)).toBe(true);
    const quality = await run<{ mos: number; bytesReceived: number }[]>(alice, 'quality');
    expect(quality.length).toBeGreaterThan(0); // call.quality every 500 ms
    expect(quality.at(-1)!.mos).toBeGreaterThan(4); // loopback: no loss, no delay
    expect(quality.at(-1)!.bytesReceived).toBeGreaterThan(0);

    await run(alice, 'hold');
    expect(await run<boolean>(alice, 'held')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await receiving(alice)).toBe(false); // bob answered recvonly: he sends nothing
    expect(await receiving(bob)).toBe(true); // alice still sends (sendonly)

    await run(alice, 'resume');
    await until(() => receiving(alice), 'audio back at alice');

    await run(alice, 'hangUp');
    await until(async () => (await run<string>(bob, 'status')) === 'ended', 'bob ended');
  });
});
