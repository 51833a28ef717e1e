import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleForBrowser,
  launchChromium,
  serveOrigin,
  type Origin,
} from '../../../tooling/browserTesting';

// A desk page hosting a plugin iframe from the allowed origin and one from a hostile origin,
// three ports of 127.0.0.1, in real headless Chromium (Debian's `chromium`, no download). The
// pages are ./chromium/*.ts, bundled from this package's sources.

let browser: Browser;
const origins: Origin[] = [];
let desk = '';
let plugin = '';
let hostile = '';

const html = (globals: Record<string, string>, body = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bridge test</title>
<script>${Object.entries(globals)
  .map(([name, value]) => `window.${name} = ${JSON.stringify(value)};`)
  .join('\n')}</script></head>
<body>${body}<script type="module" src="/app.js"></script></body></html>`;

async function serve(entry: string, page: () => string) {
  const script = await bundleForBrowser(new URL(`./chromium/${entry}`, import.meta.url));
  const served = await serveOrigin((url) =>
    url.pathname === '/app.js'
      ? { type: 'text/javascript', body: script }
      : { type: 'text/html', body: page() },
  );
  origins.push(served);
  return served.origin;
}

beforeAll(async () => {
  // Both frames are sandboxed on their own origins (scripts only, no top navigation, no popups).
  const sandbox = 'sandbox="allow-scripts allow-same-origin"';
  desk = await serve('deskPage.ts', () =>
    html(
      { pluginOrigin: plugin },
      `<iframe id="plugin" title="Notes plugin" ${sandbox} src="${plugin}/"></iframe>
<iframe id="hostile" title="Advertisement" ${sandbox} src="${hostile}/"></iframe>`,
    ),
  );
  plugin = await serve('pluginPage.ts', () => html({ deskOrigin: desk }));
  hostile = await serve('hostilePage.ts', () => html({}));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await Promise.all(origins.map((origin) => origin.close()));
});

async function frameAt(page: Page, origin: string): Promise<Frame> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(origin));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new TypeError(`no frame from ${origin}`);
}

describe('an iframe plugin on the desk, in Chromium', () => {
  it('serves the allowed plugin within its permissions and shrugs off the hostile origin', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${desk}/`);
    const notes = await frameAt(page, plugin);
    const ad = await frameAt(page, hostile);
    await page.waitForFunction(() => typeof window.deskPage === 'object');
    await notes.waitForFunction(() => typeof window.pluginPage === 'object');

    // The hostile frame forges handshakes to the plugin first: refused for its origin.
    await notes.waitForFunction(() => window.pluginPage.refusals.length >= 2, undefined, {
      timeout: 10_000,
    });
    await page.evaluate(() => window.deskPage.start());
    const connected = await notes.evaluate(async () => {
      const peer = await window.pluginPage.peer;
      return { origin: peer.origin, permissions: peer.permissions };
    });
    expect(connected).toEqual({ origin: desk, permissions: ['contact:read', 'contact:write'] });
    expect(new Set(await notes.evaluate(() => window.pluginPage.refusals))).toEqual(
      new Set([`origin ${hostile}`]),
    );

    // Permitted: contact events in, contact actions out.
    await notes.evaluate(async () => {
      const peer = await window.pluginPage.peer;
      await peer.on('contact.offered', (payload) => window.pluginPage.events.push(payload));
    });
    const contactId = await page.evaluate(() => window.deskPage.ring());
    await notes.waitForFunction(
      (id) =>
        window.pluginPage.events.some(
          (event) => (event as { contactId?: string }).contactId === id,
        ),
      contactId,
    );
    await notes.evaluate(async (id) => {
      const peer = await window.pluginPage.peer;
      await peer.invoke('contact.accept', { contactId: id });
    }, contactId);
    expect(await page.evaluate((id) => window.deskPage.contactStatus(id), contactId)).toBe(
      'connected',
    );

    // Not permitted: the agent's status, read or written.
    const refused = await notes.evaluate(async () => {
      const peer = await window.pluginPage.peer;
      const codes: unknown[] = [];
      for (const run of [
        () => peer.invoke('agent.logout', {}),
        () => peer.on('agent.statusChanged', () => undefined),
      ]) {
        await run().then(
          () => codes.push('ok'),
          (error: unknown) => codes.push((error as { code?: unknown }).code),
        );
      }
      return codes;
    });
    expect(refused).toEqual(['PERMISSION_DENIED', 'PERMISSION_DENIED']);
    expect(await page.evaluate(() => window.deskPage.agentStatus())).toBe('available');

    // A compromised script on the plugin's port: unsigned, tampered and replayed frames.
    await notes.evaluate((id) => {
      const { port, sent } = window.pluginPage;
      const frames = sent as { seq: number; body: unknown; sig: string }[];
      const [first] = frames;
      const last = frames.at(-1);
      if (!port || !first || !last) throw new TypeError('no port or frames recorded');
      const wrapUp = {
        type: 'invoke',
        id: 'forged',
        action: 'contact.wrapUp',
        payload: { contactId: id },
      };
      port.postMessage(wrapUp);
      port.postMessage({ seq: last.seq + 50, body: wrapUp, sig: last.sig });
      port.postMessage(first);
    }, contactId);
    await page.waitForFunction(() => {
      const { malformed, badSignature, replayed } = window.deskPage.bridge('notes');
      return malformed + badSignature + replayed === 3;
    });
    expect(await page.evaluate(() => window.deskPage.bridge('notes'))).toEqual({
      status: 'connected',
      malformed: 1,
      badSignature: 1,
      replayed: 1,
      invalid: 0,
    });
    expect(await page.evaluate((id) => window.deskPage.contactStatus(id), contactId)).toBe(
      'connected',
    );

    // A bridge whose peer() points at the hostile frame: the browser drops the handshake (its
    // target origin is the plugin's), so it fails and the hostile frame never sees a key.
    await page.waitForFunction(
      () => window.deskPage.bridge('misdirected').status === 'failed',
      undefined,
      {
        timeout: 10_000,
      },
    );
    const seen = await ad.evaluate(() => window.hostilePage);
    expect(seen.forged).toBeGreaterThanOrEqual(2);
    expect(seen.received).toEqual([]);
    expect(seen.answers).toEqual([]);

    // The desk is still up: the plugin's permitted calls work, the agent's controls too.
    await notes.evaluate(async (id) => {
      const peer = await window.pluginPage.peer;
      await peer.invoke('contact.wrapUp', { contactId: id });
    }, contactId);
    expect(await page.evaluate((id) => window.deskPage.contactStatus(id), contactId)).toBe(
      'wrapUp',
    );
    expect(await page.evaluate(() => window.deskPage.setStatus(false))).toBe('notReady');
    expect(await notes.evaluate(() => window.pluginPage.refusals.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
