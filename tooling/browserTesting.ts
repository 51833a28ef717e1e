// Test support for suites that run pages in headless Chromium: bundle a page's script, serve it
// on its own origin (a port of 127.0.0.1), launch Debian's chromium through playwright-core.
// Shared by examples/crm-embed and packages/bridge's browser test.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

/** Bundles `entry` (a TypeScript file) into one ES module for the browser, from workspace sources. */
export async function bundleForBrowser(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
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

/** Launches Debian's `chromium` headless (no browser download). */
export function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}
