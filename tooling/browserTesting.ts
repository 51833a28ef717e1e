// Test support for suites that run pages in headless Chromium: bundle a page's script, serve it
// on its own origin (a port of 127.0.0.1), launch Debian's chromium through playwright-core.
// Shared by the browser suites (bridge, storage, crm-embed, agent-desktop, simulator, softphone).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

/**
 * Bundles `entry` (a TypeScript file) into one script for the browser, from workspace sources:
 * an ES module, or with `format: 'iife'` a classic script.
 */
export async function bundleForBrowser(
  entry: URL,
  format: 'esm' | 'iife' = 'esm',
): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: 'es2022',
    conditions: ['@switchboard/source'],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** What a served origin answers for one request. */
export interface Served {
  /** The content type. */
  readonly type: string;
  /** The body. */
  readonly body: string;
}

/** One origin served on 127.0.0.1. */
export interface Origin {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves `handler` on a free port of 127.0.0.1: a page origin of its own. */
export async function serveOrigin(handler: (url: URL) => Served): Promise<Origin> {
  const server = createServer((request, response) => {
    const { type, body } = handler(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/**
 * Bundles `entry` (a page script) and serves it on its own origin from a blank page, e.g. a
 * softphone driven from the test through a global the script sets.
 */
export async function servePage(entry: URL): Promise<Origin> {
  const script = await bundleForBrowser(entry, 'iife');
  return serveOrigin((url) =>
    url.pathname === '/page.js'
      ? { type: 'text/javascript', body: script }
      : {
          type: 'text/html',
          body: '<!doctype html><title>test page</title><script src="/page.js"></script>',
        },
  );
}

/** Chromium flags for real WebRTC audio on loopback: fake devices, access granted without a prompt. */
export const fakeMediaFlags: readonly string[] = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/** Thrown by {@link launchChromium} when Debian's `chromium` is missing. */
export class ChromiumNotInstalled extends Error {
  override readonly name = 'ChromiumNotInstalled';
}

/** Where Debian's `chromium` is, or '' when it is not installed. */
function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/**
 * Launches Debian's `chromium` headless (no browser download), with `--no-sandbox` and any extra
 * command-line `flags` (e.g. Chromium's fake microphone). Rejects with a clear message when the
 * browser is not installed (it is listed in scripts/system-packages.txt).
 */
export async function launchChromium(flags: readonly string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === '')
    throw new ChromiumNotInstalled(
      'chromium is not installed (apt-get install chromium; `npm test` installs scripts/system-packages.txt)',
    );
  return chromium.launch({ executablePath, timeout: 30_000, args: ['--no-sandbox', ...flags] });
}
