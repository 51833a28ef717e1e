// Starts a Prism mock server (@stoplight/prism-cli, a devDependency) from an OpenAPI document,
// on 127.0.0.1 and a free port, and stops it. One per suite: it takes 1-2 s and ~150 MB.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert } from 'vitest';
import { freePort } from '../../../tooling/ports';

const require = createRequire(import.meta.url);

export interface PrismServer {
  readonly url: string;
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/** The path of a file inside an installed package (vendor specs are read from node_modules). */
export function packageFile(name: string, file: string): string {
  return require.resolve(`${name}/${file}`);
}

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** How long start-up may take, in ms. */
  readonly timeoutMs?: number;
  /**
   * Runs Prism in proxy mode in front of this URL instead of mocking: it forwards each request
   * and validates the request and the upstream's answer against the spec (`sl-violations`).
   */
  readonly upstream?: string;
}

/**
 * Starts Prism on `spec`: a file path, or a document object (a vendor spec patched in memory),
 * written to a temporary file that is removed on stop.
 */
export async function startPrism(
  spec: string | object,
  { timeoutMs = 60_000, upstream }: PrismOptions = {},
): Promise<PrismServer> {
  const scratch =
    typeof spec === 'string' ? null : mkdtempSync(join(tmpdir(), 'switchboard-prism-'));
  const file = scratch ? join(scratch, 'spec.json') : (spec as string);
  if (scratch) writeFileSync(file, JSON.stringify(spec));
  const port = await freePort();
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      upstream === undefined ? 'mock' : 'proxy',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      file,
      // In proxy mode violations come back in `sl-violations`; its per-request log only costs.
      ...(upstream === undefined ? [] : [upstream, '--verboseLevel', 'silent']),
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      assert.fail(`Prism did not start on ${file}: ${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${String(port)}`, stop };
}
