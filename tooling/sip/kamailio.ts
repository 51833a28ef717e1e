// Test support for suites that talk SIP to a real registrar: starts Kamailio (Debian packages
// kamailio and kamailio-websocket-modules, listed in scripts/system-packages.txt) with
// ./kamailio.cfg on free ports of 127.0.0.1. Shared by packages/softphone, examples/agent-desktop
// and examples/softphone-node.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../ports';
import { SetupError } from '../setupError';

/** A Kamailio registrar and proxy running for one suite on 127.0.0.1. */
export interface Kamailio {
  /** The SIP domain its users register in. */
  readonly domain: string;
  /** `ws://127.0.0.1:PORT` for softphones. */
  readonly wsUrl: string;
  /** The WebSocket listener's port. */
  readonly wsPort: number;
  /** The UDP port for sipp. */
  readonly sipPort: number;
  /** Contacts registered for `user` (from the location table, through JSON-RPC). */
  contacts(user: string): Promise<string[]>;
  /** Stops Kamailio and removes its files. */
  stop(): Promise<void>;
}

/** Options of {@link startKamailio}. */
export interface KamailioOptions {
  /** User name to password. */
  readonly users: Readonly<Record<string, string>>;
  /** Where calls to phone numbers go (sipp's UDP port). */
  readonly gatewayPort: number;
}

const template = new URL('./kamailio.cfg', import.meta.url);

/** Fails with a clear message when Kamailio (a Debian package the SIP suites need) is missing. */
export function requireKamailio(): void {
  if (spawnSync('which', ['kamailio']).status !== 0) {
    throw new SetupError(
      'kamailio is not installed: the SIP suites need the Debian packages kamailio kamailio-websocket-modules (npm test installs them from scripts/system-packages.txt).',
    );
  }
}

/** Starts Kamailio with its own config on free ports and waits until it answers JSON-RPC. */
export async function startKamailio(options: KamailioOptions): Promise<Kamailio> {
  requireKamailio();
  const domain = 'pbx.test';
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-kamailio-'));
  const sipPort = await freePort(true);
  const wsPort = await freePort();
  const users = Object.entries(options.users)
    .map(([user, password]) => `\t$sht(users=>${user}) = "${password}";`)
    .join('\n');
  const config = readFileSync(template, 'utf8')
    .replaceAll('@DOMAIN@', domain)
    .replaceAll('@SIP_PORT@', String(sipPort))
    .replaceAll('@WS_PORT@', String(wsPort))
    .replaceAll('@GATEWAY_PORT@', String(options.gatewayPort))
    .replace('@USERS@', users);
  const cfg = join(dir, 'kamailio.cfg');
  writeFileSync(cfg, config);
  const child: ChildProcess = spawn(
    'kamailio',
    ['-DD', '-E', '-f', cfg, '-Y', dir, '-P', join(dir, 'kamailio.pid'), '-m', '64', '-M', '8'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Never leave a registrar behind, even when the test run dies before stop().
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);

  const rpc = async (method: string, params: unknown[] = []): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${wsPort}/RPC`, {
      method: 'POST',
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { message: string } };
    if (body.error) throw new SetupError(`${method}: ${body.error.message}`);
    return body.result;
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new SetupError(`Kamailio exited at start:\n${log}`);
    try {
      await rpc('core.version');
      break;
    } catch {
      if (Date.now() > deadline) throw new SetupError(`Kamailio did not start in 10 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    domain,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    sipPort,
    async contacts(user) {
      try {
        const result = (await rpc('ul.lookup', ['location', `${user}@${domain}`])) as {
          Contacts?: { Contact: { Address: string } }[];
        };
        return (result.Contacts ?? []).map((entry) => entry.Contact.Address);
      } catch (error) {
        if (String(error).toLowerCase().includes('not found')) return [];
        throw error;
      }
    },
    async stop() {
      process.off('exit', reap);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
