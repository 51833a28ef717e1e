import { createMemoryStorage, silentLogger } from '@switchboard/core';
import { bench, describe } from 'vitest';
import { createMemoryCrm } from '../adapters/memory';
import { createOutbox } from './createOutbox';

// Outbox throughput to the memory CRM (storage in memory): enqueue 500 writes, drain them all.
// Through Prism: `pnpm --filter @switchboard/crm-adapters run bench:prism`.
describe('outbox', () => {
  bench(
    '500 ticket creates enqueued and drained to the memory CRM',
    async () => {
      const crm = createMemoryCrm();
      let n = 0;
      const outbox = createOutbox({
        adapter: crm,
        storage: createMemoryStorage(),
        locks: null,
        concurrency: 8,
        logger: silentLogger,
        newKey: () => `k${String(++n)}`,
      });
      for (let i = 0; i < 500; i += 1)
        await outbox.enqueue({ op: 'createTicket', ticket: { subject: `T${String(i)}` } });
      await outbox.drain();
      await outbox.dispose();
    },
    { iterations: 10 },
  );
});

describe('adapter overhead per call', () => {
  const crm = createMemoryCrm({ customers: [{ name: 'Grace', phone: '+442079460018' }] });
  bench('memory findCustomer by phone (validation + E.164 + result check)', async () => {
    await crm.findCustomer({ phone: '+44 20 7946 0018' });
  });
  bench('memory createTicket (input and result validation)', async () => {
    await crm.createTicket({ subject: 'Parcel lost', priority: 'high' });
  });
});
