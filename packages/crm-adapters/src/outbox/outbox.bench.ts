import { createMemoryStorage, silentLogger } from '@switchboard/core';
import { bench, describe } from 'vitest';
import { cannedFetch } from '../../test/cannedFetch';
import { createDynamicsCrm } from '../adapters/dynamics/dynamics';
import { createFreshdeskCrm } from '../adapters/freshdesk/freshdesk';
import { createMemoryCrm } from '../adapters/memory';
import { createZendeskCrm } from '../adapters/zendesk/zendesk';
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

// Vendor adapters with an in-process canned fetch: the adapter's own cost per call (input and
// result validation, E.164, mapping, the HTTP client's policy, JSON), without the network.
describe('vendor adapter overhead per call (canned answers, no network)', () => {
  const grace = '7a2d3c1e-0b1f-4c2e-9a51-3f1e2d4c5b6a';
  const api = '/api/data/v9.2';
  const contact = { contactid: grace, fullname: 'Grace Hopper', telephone1: '+442079460018' };
  const incident = { incidentid: grace, title: 'Parcel lost', statecode: 0, statuscode: 1 };
  const dynamics = createDynamicsCrm({
    baseUrl: `https://acme.crm.dynamics.com${api}`,
    token: () => 'token',
    rateLimit: false,
    fetch: cannedFetch({
      [`GET ${api}/contacts`]: { status: 200, body: { value: [contact] } },
      [`POST ${api}/incidents`]: { status: 201, body: { ...incident, _customerid_value: grace } },
    }),
  });
  const freshdesk = createFreshdeskCrm({
    baseUrl: 'https://acme.freshdesk.com',
    token: () => 'key',
    rateLimit: false,
    fetch: cannedFetch({
      'GET /api/v2/contacts': {
        status: 200,
        body: [{ id: 80012, name: 'Grace', phone: '+442079460018' }],
      },
      'POST /api/v2/tickets': {
        status: 201,
        body: { id: 4411, subject: 'Parcel lost', status: 2, priority: 3, requester_id: 80012 },
      },
    }),
  });
  const zendesk = createZendeskCrm({
    baseUrl: 'https://acme.zendesk.com',
    token: () => 'token',
    rateLimit: false,
    fetch: cannedFetch({
      'GET /api/v2/users/search': { status: 200, body: { users: [{ id: 35436, name: 'Grace' }] } },
      'POST /api/v2/tickets': { status: 201, body: { ticket: { id: 1, status: 'new' } } },
    }),
  });
  for (const [name, crm, customerId] of [
    ['Dynamics 365', dynamics, grace],
    ['Freshdesk', freshdesk, '80012'],
    ['Zendesk', zendesk, '35436'],
  ] as const) {
    bench(`${name} findCustomer by phone`, async () => {
      await crm.findCustomer({ phone: '+44 20 7946 0018' });
    });
    bench(`${name} createTicket`, async () => {
      await crm.createTicket({ subject: 'Parcel lost', priority: 'high', customerId });
    });
  }
});
