// Prints softphone figures measured through a real Kamailio on 127.0.0.1 (started here, stopped
// after): registration, call set-up, reconnection after a cut, memory per call.
// Run: npx -y pnpm@10 --filter @switchboard/softphone run bench:loopback
import { cpus, loadavg } from 'node:os';
import type { Call, Softphone } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { startCutProxy } from '../test/support/cutProxy';
import { nodePhone, users } from '../test/support/phones';

const rounds = 30;
const concurrentCalls = 100;

function summary(name: string, samples: number[], unit = 'ms') {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const fmt = (value: number) => value.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(44)} n=${String(sorted.length).padStart(3)} min${fmt(at(0))} median${fmt(at(0.5))} p90${fmt(at(0.9))} max${fmt(at(1))} ${unit}`,
  );
}

const kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
const phones: Softphone[] = [];
const phone = (...args: Parameters<typeof nodePhone> extends [unknown, ...infer R] ? R : never) => {
  const created = nodePhone(kamailio, ...args);
  phones.push(created);
  return created;
};
console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}, Node ${process.version}`,
);

try {
  // Registration: a fresh softphone each round (WebSocket + 401 challenge + REGISTER).
  const fresh: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const alice = phone('alice');
    const start = performance.now();
    await alice.register();
    fresh.push(performance.now() - start);
    await alice.dispose();
  }
  summary('register, new connection (connect + 401 + 200)', fresh);

  const alice = phone('alice');
  const bob = phone('bob');
  await Promise.all([alice.register(), bob.register()]);
  const again: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await alice.refresh();
    again.push(performance.now() - start);
  }
  summary('re-register on an open connection', again);

  // Call set-up: INVITE (407 challenge, retry) to 200 OK answered by a second softphone. Bob
  // answers many calls at once below: without holding the others (no call waiting).
  bob.on('call.incoming', ({ call }) => {
    void call.answer({ holdOthers: false });
  });
  const setup: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    const call = await alice.call('bob');
    await waitFor(() => call.getSnapshot().status === 'connected', 'connected');
    setup.push(performance.now() - start);
    await call.hangUp();
    await waitFor(() => bob.getSnapshot().calls.length === 0, 'bob hung up');
  }
  summary('call set-up, dial to connected', setup);

  // Memory: heap growth with many calls up at once (both ends in this process).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const calls: Call[] = [];
  for (let round = 0; round < concurrentCalls; round += 1) calls.push(await alice.call('bob'));
  await waitFor(
    () => calls.every((call) => call.getSnapshot().status === 'connected'),
    'calls up',
    20_000,
  );
  gc?.();
  const perCall = (process.memoryUsage().heapUsed - heapBefore) / concurrentCalls / 1024;
  console.log(
    `${'heap per call (both ends, static media)'.padEnd(44)} ${perCall.toFixed(1)} KB over ${concurrentCalls} calls${gc ? '' : ' (run node with --expose-gc for a steadier figure)'}`,
  );
  await Promise.all(calls.map((call) => call.hangUp()));
  await alice.dispose();

  // Reconnection: cut the WebSocket through a proxy; time until registered again.
  const proxy = await startCutProxy(kamailio.wsPort);
  const cut = phone('alice', {
    server: proxy.wsUrl,
    reconnect: { minDelayMs: 500 },
    keepAlive: { intervalMs: 0 },
  });
  await cut.register();
  const reconnect: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    proxy.cut();
    await waitFor(() => cut.getSnapshot().registration.status === 'reconnecting', 'cut', 2000);
    await waitFor(() => cut.getSnapshot().registration.status === 'registered', 'back', 5000);
    reconnect.push(performance.now() - start);
  }
  summary('reconnect after a cut (default back-off)', reconnect);
  await proxy.close();
} finally {
  await Promise.allSettled(phones.map((created) => created.dispose()));
  await kamailio.stop();
}
