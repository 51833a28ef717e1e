// Shared by the Chromium suites: Debian's chromium driven by playwright-core with fake media,
// and a page script bundled with esbuild and served from 127.0.0.1 (WebRTC, Web Locks and
// storage need a secure context, which loopback http is).
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium as launchDebianChromium,
  serveOrigin,
} from '../../../../tooling/browserTesting';
import { SetupError } from './setupError';

/** Chromium flags for real WebRTC audio on loopback with fake devices and auto-granted access. */
export const fakeMediaFlags = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/** Launches Debian's headless Chromium with `flags` (a clear error when it is not installed). */
export function launchChromium(flags: readonly string[] = fakeMediaFlags): Promise<Browser> {
  return launchDebianChromium(flags);
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
  const served = await serveOrigin((url) =>
    url.pathname === '/page.js'
      ? { type: 'text/javascript', body: script }
      : {
          type: 'text/html',
          body: '<!doctype html><title>softphone</title><script src="/page.js"></script>',
        },
  );
  return { origin: `${served.origin}/`, close: () => served.close() };
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
