// Real WebRTC audio between two headless Chromium pages (Debian's chromium, driven by
// playwright-core, fake microphone) through a real Kamailio on 127.0.0.1. The page code is
// bundled here with esbuild and served from 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, type Kamailio } from './support/kamailio';
import { users } from './support/phones';
import { freePort } from './support/ports';
import { SetupError } from './support/setupError';

let kamailio: Kamailio;
let server: Server;
let origin: string;
let browser: Browser;

function chromiumPath(): string {
  const found = spawnSync('which', ['chromium']).stdout.toString().trim();
  if (!found) {
    throw new SetupError(
      'chromium is not installed: the softphone browser suite needs the Debian package chromium (npm test installs it from scripts/system-packages.txt).',
    );
  }
  return found;
}

beforeAll(async () => {
  const executablePath = chromiumPath();
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser/page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@switchboard/source'],
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>softphone</title><script src="/page.js"></script>');
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser.close();
  server.close();
  await kamailio.stop();
});

async function softphonePage(user: keyof typeof users): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(origin);
  await page.evaluate(
    ([wsUrl, uri, password]) =>
      (
        globalThis as unknown as {
          softphone: { start(a: string, b: string, c: string): Promise<void> };
        }
      ).softphone.start(wsUrl, uri, password),
    [kamailio.wsUrl, `sip:${user}@${kamailio.domain}`, users[user]] as const,
  );
  return page;
}

type Api = Record<string, (...args: string[]) => unknown>;
const run = <T>(page: Page, method: string, ...args: string[]) =>
  page.evaluate(
    ([name, rest]) => (globalThis as unknown as { softphone: Api }).softphone[name]!(...rest) as T,
    [method, args] as const,
  );

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new SetupError(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether `page` receives audio: its received byte count grows within `ms`. */
async function receiving(page: Page, ms = 600): Promise<boolean> {
  const before = await run<number>(page, 'bytesReceived');
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await run<number>(page, 'bytesReceived')) > before;
}

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
