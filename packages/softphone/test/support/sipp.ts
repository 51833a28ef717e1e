import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError } from '../../../../tooling/setupError';

/** One sipp run: a scenario playing the far end of one call. */
export interface SippRun {
  /** Resolves when sipp exits: code 0 when the scenario ran to its end. */
  readonly done: Promise<{ code: number | null; errors: string }>;
  /** Kills sipp if still running. */
  stop(): void;
}

/** Options of {@link runSipp}. */
export interface SippOptions {
  /** File name under test/scenarios. */
  readonly scenario: string;
  /** UDP port sipp listens on (127.0.0.1). */
  readonly port: number;
  /** `host:port` to send to, for client scenarios. */
  readonly remote?: string;
  /** The user part of the request URI, for client scenarios (`-s`). */
  readonly service?: string;
  /** Quits with an error after this many seconds; 20 by default. */
  readonly timeoutSeconds?: number;
  /** Extra sipp arguments. */
  readonly args?: readonly string[];
}

/** Fails with a clear message when sipp (Debian's sip-tester) is missing. */
export function requireSipp(): void {
  if (spawnSync('which', ['sipp']).status !== 0) {
    throw new SetupError(
      'sipp is not installed: the softphone suite needs the Debian package sip-tester (npm test installs it from scripts/system-packages.txt).',
    );
  }
}

/** Runs sipp for one call on 127.0.0.1 (the test's far end). */
export function runSipp(options: SippOptions): SippRun {
  requireSipp();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-sipp-'));
  const scenario = fileURLToPath(new URL(`../scenarios/${options.scenario}`, import.meta.url));
  const errorFile = join(dir, 'errors.log');
  const args = [
    ...(options.remote ? [options.remote] : []),
    ...(options.service ? ['-s', options.service] : []),
    '-sf',
    scenario,
    '-i',
    '127.0.0.1',
    '-p',
    String(options.port),
    '-m',
    '1',
    '-nostdin',
    '-timeout',
    `${options.timeoutSeconds ?? 20}s`,
    '-timeout_error',
    '-trace_err',
    '-error_file',
    errorFile,
    ...(options.args ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<{ code: number | null; errors: string }>((resolve) => {
    child.once('exit', (code) => {
      let errors = stderr;
      try {
        errors += readFileSync(errorFile, 'utf8');
      } catch {
        // no error file: no unexpected message
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, errors });
    });
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
