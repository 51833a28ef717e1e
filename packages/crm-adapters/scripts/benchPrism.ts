// Outbox throughput through Prism: N ticket creates via a vendor adapter (zendesk by default,
// dynamics or freshdesk) to Prism serving our hand-written spec of that vendor, no faults.
// Prints entries per second and the mean time per call.
// Run: pnpm --filter @switchboard/crm-adapters run bench:prism [N] [zendesk|dynamics|freshdesk]
import { createMemoryStorage } from '@switchboard/core';
import { createDynamicsCrm } from '../src/adapters/dynamics/dynamics';
import { createFreshdeskCrm } from '../src/adapters/freshdesk/freshdesk';
import { createZendeskCrm } from '../src/adapters/zendesk/zendesk';
import type { CrmAdapter } from '../src/model/crmAdapter';
import { createOutbox } from '../src/outbox/createOutbox';
import { startPrism } from '../test/prism';

const vendors: Record<string, { make: (url: string) => CrmAdapter; customerId: string | null }> = {
  zendesk: {
    make: (url) => createZendeskCrm({ baseUrl: url, token: () => 'bench', rateLimit: false }),
    customerId: null,
  },
  dynamics: {
    make: (url) =>
      createDynamicsCrm({
        baseUrl: `${url}/api/data/v9.2`,
        token: () => 'bench',
        rateLimit: false,
      }),
    customerId: '7a2d3c1e-0b1f-4c2e-9a51-3f1e2d4c5b6a',
  },
  freshdesk: {
    make: (url) => createFreshdeskCrm({ baseUrl: url, token: () => 'bench', rateLimit: false }),
    customerId: '80012',
  },
};
const total = Number(process.argv[2] ?? 300);
const name = process.argv[3] ?? 'zendesk';
const vendor = vendors[name];
if (!vendor) throw new TypeError(`Unknown vendor ${name}: ${Object.keys(vendors).join(', ')}`);
const spec = new URL(`../test/fixtures/${name}.openapi.yaml`, import.meta.url).pathname;
const prism = await startPrism(spec);
try {
  const adapter = vendor.make(prism.url);
  const { customerId } = vendor;
  const direct = performance.now();
  for (let i = 0; i < 50; i += 1)
    await adapter.createTicket(
      { subject: `Direct ${String(i)}`, customerId },
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
      await outbox.enqueue({
        op: 'createTicket',
        ticket: { subject: `T${String(i)}`, customerId },
      });
    await outbox.drain();
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `outbox -> ${name} adapter -> Prism, concurrency ${String(concurrency)}: ${String(total)} entries in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} entries/s`,
    );
    await outbox.dispose();
  }
  console.log(
    `one ${name} createTicket (with its key lookup, where the adapter looks first) through the HTTP client to Prism: ${perCall.toFixed(1)} ms mean`,
  );
} finally {
  await prism.stop();
}
