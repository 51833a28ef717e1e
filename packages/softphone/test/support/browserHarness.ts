// Shared by the Chromium suites: Debian's chromium driven by playwright-core with fake media,
// and a page script bundled with esbuild and served from 127.0.0.1 (WebRTC, Web Locks and
// storage need a secure context, which loopback http is).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from './ports';
import { SetupError } from './setupError';

/** Chromium flags for real WebRTC audio on loopback with fake devices and auto-granted access. */
export const fakeMediaFlags = [
  '--no-sandbox',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/** Where Debian's chromium is; a clear setup error when it is missing. */
export function chromiumPath(): string {
  const found = spawnSync('which', ['chromium']).stdout.toString().trim();
  if (!found) {
    throw new SetupError(
      'chromium is not installed: the softphone browser suites need the Debian package chromium (npm test installs it from scripts/system-packages.txt).',
    );
  }
  return found;
}

/** Launches headless Chromium with `flags`. */
export function launchChromium(flags: readonly string[] = fakeMediaFlags): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...flags] });
}

/** A page server on 127.0.0.1 serving one bundled script. */
export interface PageServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly origin: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Bundles `entry` (a page script) and serves it from a blank page on 127.0.0.1. */
export async function servePage(entry: string): Promise<PageServer> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@switchboard/source'],
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
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
  return {
    origin: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Calls `window.softphone[method](...args)` in `page` and returns its result. */
export function run<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, rest]) =>
      (
        globalThis as unknown as { softphone: Record<string, (...args: unknown[]) => unknown> }
      ).softphone[name]?.(...rest) as T,
    [method, args] as const,
  );
}

/** Polls `check` every 100 ms until it holds; a setup error after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new SetupError(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether `page` receives audio: its `bytesReceived()` count grows within `ms`. */
export async function receiving(page: Page, ms = 600): Promise<boolean> {
  const before = await run<number>(page, 'bytesReceived');
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await run<number>(page, 'bytesReceived')) > before;
}
