import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tooling/browserTesting';
import { startEmbedServers, type EmbedServers } from '../src/servers';

// The CRM page, the desk iframe and a hostile page on three origins (three ports of 127.0.0.1),
// in real headless Chromium (Debian's `chromium`; no browser download).
let servers: EmbedServers;
let browser: Browser;
const artifacts = new URL('../.artifacts/', import.meta.url);

beforeAll(async () => {
  servers = await startEmbedServers();
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await servers.close();
});

async function deskFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#desk');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the desk frame did not load');
  await frame.waitForSelector('#status');
  return frame;
}

describe('the desk embedded in a CRM page', () => {
  it('pops the screen, dials from the CRM and logs the disposition in the CRM', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.crm}/`);
    const desk = await deskFrame(page);
    await page
      .getByRole('status')
      .filter({ hasText: `Desk connected from ${servers.desk}` })
      .waitFor();

    await desk.getByRole('button', { name: 'Agent status' }).click();
    await desk
      .getByRole('button', { name: 'Agent status' })
      .filter({ hasText: 'available' })
      .waitFor();
    await desk.evaluate(() => window.ringDesk({ name: 'Grace Hopper', phone: '+15550102000' }));
    await page.locator('#screen-pop h2').filter({ hasText: 'Grace Hopper' }).waitFor();
    expect(await page.locator('#screen-pop p').textContent()).toBe('+15550102000');
    await page.screenshot({ path: new URL('crm-screen-pop.png', artifacts).pathname });

    await desk.getByRole('button', { name: 'Answer' }).click();
    await desk.getByRole('button', { name: 'Hang up' }).click();
    await desk.getByRole('combobox', { name: 'Disposition' }).selectOption('resolved');
    await desk.getByRole('button', { name: 'Complete' }).click();
    await page
      .locator('#activity li')
      .filter({ hasText: 'inbound call with Grace Hopper: resolved' })
      .waitFor();

    await page
      .getByRole('row', { name: /Alan Turing/ })
      .getByRole('button', { name: 'Call' })
      .click();
    await desk.locator('#contacts li').filter({ hasText: 'outbound voice: Alan Turing' }).waitFor();
    await page.screenshot({ path: new URL('crm-click-to-dial.png', artifacts).pathname });
    await page.close();
  }, 60_000);

  it('refuses a handshake forged by a frame of another origin', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.crm}/?hostile&nodesk`);
    await page.waitForFunction(() => window.refusals.length >= 2, undefined, { timeout: 10_000 });
    const refusals = await page.evaluate(() => window.refusals);
    expect(new Set(refusals)).toEqual(new Set([`origin ${servers.hostile}`]));
    expect(await page.getByRole('status').textContent()).toBe('Waiting for the desk…');
    await page.close();
  }, 30_000);

  it('tells a hostile page that frames the desk nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.hostile}/embed`);
    const desk = await deskFrame(page);
    await desk.getByRole('button', { name: 'Agent status' }).click();
    await desk.evaluate(() => window.ringDesk({ name: 'Grace Hopper', phone: '+15550102000' }));
    await page.waitForTimeout(1_500);
    // The desk offers its handshake to the CRM's exact origin only: the browser drops it here.
    expect(await page.evaluate(() => window.received)).toEqual([]);
    await page.close();
  }, 30_000);
});
