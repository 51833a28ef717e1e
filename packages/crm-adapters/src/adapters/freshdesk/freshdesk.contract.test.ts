// Contract test: the Freshdesk adapter against Prism serving our HAND-WRITTEN minimal Freshdesk
// API v2 spec (test/fixtures/freshdesk.openapi.yaml; Freshdesk publishes no OpenAPI file
// reachable here). No request may draw an sl-violations header. The rate-limit case goes
// through our fault proxy (test/faultProxy.ts) in front of the same Prism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../../test/contract';
import { startPrism, type PrismServer } from '../../../test/prism';
import { expectRetryAfterKept } from '../../../test/retryAfterProbe';
import { rejection, thrownBy } from '../../../test/settle';
import { isCrmError } from '../../errors';
import type { CrmAdapter } from '../../model/crmAdapter';
import { createFreshdeskCrm, type FreshdeskOptions } from './freshdesk';

const spec = new URL('../../../test/fixtures/freshdesk.openapi.yaml', import.meta.url).pathname;
let prism: PrismServer;
let crm: CrmAdapter;
const recorder = recordingFetch();
const authorizations: string[] = [];
const options = (baseUrl: string): FreshdeskOptions => ({
  baseUrl,
  token: () => 'freshdesk-api-key',
  defaultCountry: 'GB',
  rateLimit: false,
  mapping: {
    customFields: { order: 'cf_order_number' },
    disposition: { field: 'cf_disposition', values: { resolved: 'Resolved' } },
  },
});

beforeAll(async () => {
  prism = await startPrism(spec);
  crm = createFreshdeskCrm({
    ...options(prism.url),
    fetch: (url, init) => {
      authorizations.push(new Headers(init.headers).get('authorization') ?? '');
      return recorder.fetch(url, init);
    },
  });
}, 90_000);

afterAll(async () => {
  await prism.stop();
});

const call = {
  contactId: 'c-1',
  channel: 'voice' as const,
  customerId: '80012',
  startedAt: Date.UTC(2026, 0, 1, 9),
  endedAt: Date.UTC(2026, 0, 1, 9, 5),
  disposition: 'resolved',
  summary: 'Refund issued.',
};

describe('Freshdesk adapter against the hand-written Freshdesk mock', () => {
  it('the mock validates requests: a ticket without a requester draws violations', async () => {
    const response = await fetch(`${prism.url}/api/v2/tickets`, {
      method: 'POST',
      headers: { authorization: 'Basic eDpY', 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'x', description: 'x', status: 2, priority: 1 }),
    });
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('looks contacts up, upserts them, and pops a screen with history and open tickets', async () => {
    expect(await crm.findCustomer({ phone: '020 7946 0018' })).toMatchObject({ id: '80012' });
    expect(await crm.findCustomer({ email: 'grace@example.com' })).toMatchObject({ id: '80012' });
    expect(await crm.findCustomer({ id: '80012' })).toMatchObject({ name: 'Grace Hopper' });
    const saved = await crm.upsertCustomer({ name: 'Ada', phone: '+442079460019', attributes: {} });
    expect(saved.id).toBe('80012');
    await crm.upsertCustomer({ name: 'Grace Hopper', email: 'grace@example.com', attributes: {} });
    const pop = await crm.screenPop({ customer: { id: '80012', attributes: {} } } as never);
    expect(pop.history).toEqual([
      expect.objectContaining({
        id: '4410',
        channel: 'voice',
        durationMs: 300_000,
        disposition: 'resolved',
      }),
    ]);
    expect(pop.openTickets).toEqual([expect.objectContaining({ id: '4411', status: 'open' })]);
    expect(pop.url).toBe(`${prism.url}/a/contacts/80012`);
    expect(authorizations[0]).toBe(`Basic ${btoa('freshdesk-api-key:X')}`);
  });

  it('logs a call as a phone ticket with a private note, once per key', async () => {
    const fresh = recorder.requests.length;
    await crm.logInteraction(call, { idempotencyKey: 'call-2' });
    expect(recorder.requests.slice(fresh)).toEqual([
      'GET /api/v2/tickets 200',
      'POST /api/v2/tickets 201',
      'GET /api/v2/tickets/4411/conversations 200',
      'POST /api/v2/tickets/4411/notes 201',
    ]);
    // The mock already holds the ticket and note of key call-1: a retry creates nothing.
    const retried = recorder.requests.length;
    expect((await crm.logInteraction(call, { idempotencyKey: 'call-1' })).disposition).toBe(
      'resolved',
    );
    expect(recorder.requests.slice(retried)).toEqual([
      'GET /api/v2/tickets 200',
      'GET /api/v2/tickets/4410/conversations 200',
    ]);
  });

  it('creates, updates and searches tickets with mapped fields, and adds notes', async () => {
    const ticket = await crm.createTicket(
      {
        subject: 'Parcel lost',
        customerId: '80012',
        priority: 'high',
        customFields: { order: 'A-1' },
      },
      { idempotencyKey: 'ticket-9' },
    );
    expect(ticket).toMatchObject({ id: '4411', customerId: '80012' });
    expect(
      (await crm.updateTicket('4411', { status: 'pending', customFields: { order: 'A-2' } })).id,
    ).toBe('4411');
    expect(await crm.searchTickets({ customerId: '80012', status: ['open'] })).toHaveLength(1);
    const note = await crm.addNote({
      target: { kind: 'ticket', id: '4411' },
      body: 'Called <the> carrier',
    });
    expect(note.id).toBe('99051');
    const customerNote = await rejection(
      crm.addNote({ target: { kind: 'customer', id: '80012' }, body: 'x' }),
    );
    expect(isCrmError(customerNote, 'UNSUPPORTED')).toBe(true);
  });

  it('rejects unmapped fields, dispositions, bad ids and requesterless tickets before sending', async () => {
    const before = recorder.requests.length;
    const failures = await Promise.all([
      rejection(crm.createTicket({ subject: 'x', customerId: '80012', customFields: { nope: 1 } })),
      rejection(crm.createTicket({ subject: 'x' })),
      rejection(crm.findCustomer({ id: 'abc' })),
      rejection(crm.logInteraction({ ...call, disposition: 'nope' })),
    ]);
    expect(failures.every((error) => isCrmError(error, 'VALIDATION_FAILED'))).toBe(true);
    expect(recorder.requests.length).toBe(before);
    const mapping = { customFields: { order: 'Order' } };
    const thrown = thrownBy(() => createFreshdeskCrm({ ...options(prism.url), mapping }));
    expect(isCrmError(thrown, 'CONFIG_INVALID')).toBe(true);
  });

  it('waits out a 429 Retry-After from the fault proxy, then succeeds', async () => {
    const result = await expectRetryAfterKept(prism.url, (wiring) =>
      createFreshdeskCrm({
        ...options(wiring.proxyUrl),
        fetch: wiring.fetch,
        clock: wiring.clock,
      }).findCustomer({
        id: '80012',
      }),
    );
    expect(result).toMatchObject({ id: '80012' });
  }, 30_000);

  it('drew no spec violation', () => {
    expect(recorder.requests.length).toBeGreaterThan(15);
    expect(recorder.violations).toEqual([]);
  });
});
