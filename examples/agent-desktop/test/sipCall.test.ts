// A call through a real SIP registrar: Kamailio (Debian package), started for this suite by the
// workspace's SIP test support (tooling/sip), with the desktop built for it through
// `VITE_SIP_SERVER` / `VITE_SIP_URI` / `VITE_SIP_PASSWORD`. A second Chromium page runs the
// customer's softphone (support/callerPage.ts, on @switchboard/softphone); both pages use
// Chromium's fake microphone, so real WebRTC audio flows on loopback and `getStats` counts its
// bytes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeMediaFlags,
  launchChromium,
  servePage,
  type Origin,
} from '../../../tooling/browserTesting';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { run } from '../../../tooling/sip/softphonePage';
import { serveDesktop, type ServedDesktop } from './support/serveDesktop';

const users = { grace: 'grace-secret', caller: 'caller-secret' };
const artifacts = join(import.meta.dirname, '..', '.artifacts');

let kamailio: Kamailio | undefined;
let desktop: ServedDesktop | undefined;
let callerPage: Origin | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // No call goes to the phone network here: the gateway port only fills Kamailio's config.
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
  desktop = await serveDesktop({
    VITE_SIP_SERVER: kamailio.wsUrl,
    VITE_SIP_URI: `sip:{agent}@${kamailio.domain}`,
    VITE_SIP_PASSWORD: users.grace,
  });
  callerPage = await servePage(new URL('./support/callerPage.ts', import.meta.url));
  browser = await launchChromium(fakeMediaFlags);
  mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await callerPage?.close();
  await desktop?.close();
  await kamailio?.stop();
});

/** The bytes received figure the desktop shows for the call (from the call's `getStats`). */
async function desktopBytes(page: Page): Promise<number> {
  const text = await page.getByRole('status', { name: 'Call audio' }).textContent();
  return Number(/([\d.]+) KB/.exec(text ?? '')?.[1] ?? -1);
}

describe('the desktop on a SIP registrar', { timeout: 180_000 }, () => {
  it('registers the agent with Kamailio, gets a call from another softphone, answers it, and audio flows both ways', async () => {
    if (!browser || !kamailio || !desktop || !callerPage) throw new TypeError('set-up failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    // Grace signs in: the desk registers her softphone as sip:grace@pbx.test.
    await page.goto(desktop.url);
    await page.getByRole('radio', { name: /Grace Hopper/ }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('SIP phone').waitFor({ timeout: 30_000 });
    await expect.poll(() => kamailio?.contacts('grace'), { timeout: 15_000 }).toHaveLength(1);
    const status = page.getByLabel('Status', { exact: true });
    await status.selectOption('available');

    // The customer's softphone calls Grace; the call becomes an offer on her desk.
    const caller = await (await browser.newContext()).newPage();
    await caller.goto(callerPage.origin);
    await run(caller, 'start', kamailio.wsUrl, `sip:caller@${kamailio.domain}`, users.caller);
    await run(caller, 'call', 'grace');
    const accept = page.getByRole('button', { name: /^Accept call from/ });
    await accept.waitFor({ timeout: 30_000 });
    await accept.click();
    await expect.poll(() => run<string>(caller, 'status'), { timeout: 30_000 }).toBe('connected');

    // Audio both ways: the desktop's received bytes grow, and so do the caller's.
    const call = page.getByRole('region', { name: /call/i }).first();
    await page.getByRole('status', { name: 'Call audio' }).waitFor({ timeout: 30_000 });
    const first = await desktopBytes(page);
    await expect.poll(() => desktopBytes(page), { timeout: 20_000 }).toBeGreaterThan(first);
    const heard = await run<number>(caller, 'bytesReceived');
    await expect
      .poll(() => run<number>(caller, 'bytesReceived'), { timeout: 20_000 })
      .toBeGreaterThan(heard);
    await page.screenshot({ path: join(artifacts, 'sip-call.png'), fullPage: true });

    // The caller hangs up: the contact goes to wrap-up on the desk.
    await run(caller, 'hangUp');
    await call.getByRole('group', { name: 'Keypad' }).waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await page.close();
    await caller.close();
  });
});
