// Outbox throughput through Prism: N ticket creates via the Zendesk adapter to Prism serving the
// hand-written Zendesk spec, no faults. Prints entries per second and the mean time per call.
// Run: pnpm --filter @switchboard/crm-adapters run bench:prism [N]
import { createMemoryStorage } from '@switchboard/core';
import { createZendeskCrm } from '../src/adapters/zendesk/zendesk';
import { createOutbox } from '../src/outbox/createOutbox';
import { startPrism } from '../test/prism';

const total = Number(process.argv[2] ?? 300);
const spec = new URL('../test/fixtures/zendesk.openapi.yaml', import.meta.url).pathname;
const prism = await startPrism(spec);
try {
  const adapter = createZendeskCrm({ baseUrl: prism.url, token: () => 'bench', rateLimit: false });
  const direct = performance.now();
  for (let i = 0; i < 50; i += 1)
    await adapter.createTicket(
      { subject: `Direct ${String(i)}` },
      { idempotencyKey: `d${String(i)}` },
    );
  const perCall = (performance.now() - direct) / 50;
  for (const concurrency of [1, 8]) {
    let n = 0;
    const outbox = createOutbox({
      adapter,
      storage: createMemoryStorage(),
      locks: null,
      concurrency,
      newKey: () => `c${String(concurrency)}-${String(++n)}`,
    });
    const start = performance.now();
    for (let i = 0; i < total; i += 1)
      await outbox.enqueue({ op: 'createTicket', ticket: { subject: `T${String(i)}` } });
    await outbox.drain();
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `outbox -> Zendesk adapter -> Prism, concurrency ${String(concurrency)}: ${String(total)} entries in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} entries/s`,
    );
    await outbox.dispose();
  }
  console.log(
    `one createTicket call through the HTTP client to Prism: ${perCall.toFixed(1)} ms mean`,
  );
} finally {
  await prism.stop();
}
