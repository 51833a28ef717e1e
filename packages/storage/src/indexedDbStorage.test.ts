import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tooling/browserTesting';
import { storageContract } from '../test/storageContract';

// The IndexedDB adapter in real headless Chromium (Debian's `chromium`; no browser download):
// the shared contract bundled into a page served from 127.0.0.1, plus a real page reload.
let server: Server;
let browser: Browser;
let page: Page;
let origin: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../test/browserContract.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@switchboard/source'],
  });
  const script = bundle.outputFiles[0]!.text;
  server = createServer((request, response) => {
    if (request.url === '/contract.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>storage</title><script src="/contract.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${origin}/`);
}, 60_000);

afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('createIndexedDbStorage in headless Chromium', () => {
  it('meets every check of the shared contract', async () => {
    const results = await page.evaluate(() =>
      (
        globalThis as unknown as {
          runContract(): Promise<{ name: string; error: string | null }[]>;
        }
      ).runContract(),
    );
    expect(results.map((result) => result.name)).toEqual(Object.keys(storageContract));
    expect(results.filter((result) => result.error !== null)).toEqual([]);
  });

  it('restores a ticket book after a real page reload', async () => {
    type Page = { seed(): Promise<string>; restore(id: string): Promise<unknown> };
    const id = await page.evaluate(() => (globalThis as unknown as Page).seed());
    await page.reload();
    const restored = await page.evaluate(
      (ticketId) => (globalThis as unknown as Page).restore(ticketId),
      id,
    );
    expect(restored).toEqual({ subject: 'Survives a reload', notes: 1 });
  });

  it('refuses a value that is not JSON with STORAGE_INVALID', async () => {
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { refuseNonJson(): Promise<boolean> }).refuseNonJson(),
    );
    expect(refused).toBe(true);
  });
});
