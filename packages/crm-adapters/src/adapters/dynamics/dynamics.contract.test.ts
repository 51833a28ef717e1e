// Contract test: the Dynamics 365 adapter against Prism serving our HAND-WRITTEN minimal
// Dataverse Web API spec (test/fixtures/dynamics.openapi.yaml; Microsoft publishes CSDL
// metadata, not OpenAPI). No request may draw an sl-violations header. The rate-limit case goes
// through our fault proxy (test/faultProxy.ts) in front of the same Prism.
import type { CustomerId } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../../test/contract';
import { startPrism, type PrismServer } from '../../../test/prism';
import { expectRetryAfterKept } from '../../../test/retryAfterProbe';
import { rejection, thrownBy } from '../../../test/settle';
import { isCrmError } from '../../errors';
import type { CrmAdapter } from '../../model/crmAdapter';
import { createDynamicsCrm, type DynamicsOptions } from './dynamics';

const spec = new URL('../../../test/fixtures/dynamics.openapi.yaml', import.meta.url).pathname;
const grace = '7a2d3c1e-0b1f-4c2e-9a51-3f1e2d4c5b6a' as CustomerId;
const caseId = '5b6a7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const api = '/api/data/v9.2';
let prism: PrismServer;
let crm: CrmAdapter;
const recorder = recordingFetch();
const options = (baseUrl: string): DynamicsOptions => ({
  baseUrl: baseUrl + api,
  token: () => 'azure-ad-access-token',
  defaultCountry: 'GB',
  rateLimit: false,
  mapping: {
    customFields: { order: 'new_ordernumber' },
    disposition: { field: 'new_disposition', values: { resolved: '100000000' } },
  },
});

beforeAll(async () => {
  prism = await startPrism(spec);
  crm = createDynamicsCrm({ ...options(prism.url), fetch: recorder.fetch });
}, 90_000);

afterAll(async () => {
  await prism.stop();
});

describe('Dynamics 365 adapter against the hand-written Dataverse mock', () => {
  it('the mock validates requests: a case without a customer draws violations', async () => {
    const response = await fetch(`${prism.url}${api}/incidents`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('looks contacts up by phone, email and id, upserts them, and pops a screen', async () => {
    expect(await crm.findCustomer({ phone: '020 7946 0018' })).toMatchObject({ id: grace });
    expect(await crm.findCustomer({ email: 'grace@example.com' })).toMatchObject({ id: grace });
    expect(await crm.findCustomer({ id: grace })).toMatchObject({
      name: 'Grace Hopper',
      phone: '+442079460018',
    });
    const created = await crm.upsertCustomer({
      name: 'Grace Hopper',
      phone: '+442079460018',
      attributes: {},
    });
    expect(created.id).toBe(grace);
    const updated = await crm.upsertCustomer({ id: grace, name: 'Grace Hopper', attributes: {} });
    expect(updated.email).toBe('grace@example.com');
    const pop = await crm.screenPop({ customer: { id: grace, attributes: {} } } as never);
    expect(pop.customer?.id).toBe(grace);
    expect(pop.history[0]).toMatchObject({
      channel: 'voice',
      durationMs: 300_000,
      disposition: 'resolved',
    });
    expect(pop.openTickets[0]).toMatchObject({ id: caseId, status: 'open', priority: 'high' });
    expect(pop.url).toContain(`etn=contact&id=${grace}`);
  });

  it('logs a call as a phonecall with its disposition, and finds a retried one by its key', async () => {
    const record = {
      contactId: 'c-1',
      channel: 'voice' as const,
      customerId: grace,
      startedAt: Date.UTC(2026, 0, 1, 9),
      endedAt: Date.UTC(2026, 0, 1, 9, 5),
      disposition: 'resolved',
      summary: 'Refund issued.',
    };
    const posted = recorder.requests.length;
    await crm.logInteraction(record);
    expect(recorder.requests.slice(posted)).toEqual([`POST ${api}/phonecalls 201`]);
    const retried = recorder.requests.length;
    // The mock lists a phonecall for any key: a retry finds it instead of creating a second.
    expect((await crm.logInteraction(record, { idempotencyKey: 'call-1' })).disposition).toBe(
      'resolved',
    );
    expect(recorder.requests.slice(retried)).toEqual([`GET ${api}/phonecalls 200`]);
    const chat = await rejection(crm.logInteraction({ ...record, channel: 'chat' }));
    expect(isCrmError(chat, 'UNSUPPORTED')).toBe(true);
  });

  it('creates, updates, resolves and searches cases with mapped columns, and adds notes', async () => {
    const ticket = await crm.createTicket({
      subject: 'Parcel lost',
      customerId: grace,
      priority: 'high',
      customFields: { order: 'A-1' },
    });
    expect(ticket).toMatchObject({ id: caseId, customerId: grace });
    expect(
      (await crm.updateTicket(caseId, { status: 'escalated', priority: 'urgent' })).status,
    ).toBe('escalated');
    const before = recorder.requests.length;
    expect((await crm.updateTicket(caseId, { status: 'resolved' })).status).toBe('resolved');
    expect(recorder.requests.slice(before)).toEqual([
      `PATCH ${api}/incidents(${caseId}) 200`,
      `GET ${api}/incidents(${caseId}) 200`,
      `POST ${api}/CloseIncident 204`,
    ]);
    expect(await crm.searchTickets({ customerId: grace, status: ['open'] })).toHaveLength(1);
    const note = await crm.addNote(
      { target: { kind: 'ticket', id: caseId }, body: 'Called the carrier' },
      { idempotencyKey: 'note-1' },
    );
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    await crm.addNote({ target: { kind: 'customer', id: grace }, body: 'Prefers email' });
  });

  it('rejects unmapped fields, dispositions, bad ids and customerless cases before sending', async () => {
    const before = recorder.requests.length;
    const failures = await Promise.all([
      rejection(crm.createTicket({ subject: 'x', customerId: grace, customFields: { nope: 1 } })),
      rejection(crm.createTicket({ subject: 'x' })),
      rejection(crm.findCustomer({ id: '42' })),
      rejection(
        crm.logInteraction({
          contactId: 'c',
          channel: 'voice',
          customerId: grace,
          startedAt: 0,
          endedAt: 1,
          disposition: 'nope',
        }),
      ),
    ]);
    expect(failures.every((error) => isCrmError(error, 'VALIDATION_FAILED'))).toBe(true);
    expect(recorder.requests.length).toBe(before);
  });

  it('validates the field mapping when the adapter is created', () => {
    for (const mapping of [
      { customFields: { order: 'New Order' } },
      { disposition: { field: 'new_disposition', values: { resolved: 'Resolved' } } },
    ]) {
      const thrown = thrownBy(() => createDynamicsCrm({ ...options(prism.url), mapping }));
      expect(isCrmError(thrown, 'CONFIG_INVALID')).toBe(true);
    }
  });

  it('waits out a 429 Retry-After from the fault proxy, then succeeds', async () => {
    const result = await expectRetryAfterKept(prism.url, (wiring) =>
      createDynamicsCrm({
        ...options(wiring.proxyUrl),
        fetch: wiring.fetch,
        clock: wiring.clock,
      }).findCustomer({ email: 'grace@example.com' }),
    );
    expect(result).toMatchObject({ id: grace });
  }, 30_000);

  it('drew no spec violation', () => {
    expect(recorder.requests.length).toBeGreaterThan(15);
    expect(recorder.violations).toEqual([]);
  });
});
