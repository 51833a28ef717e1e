// Contract test: the HubSpot adapter against Prism serving HubSpot's own OpenAPI documents
// (from @opensdks/sdk-hubspot, patched in memory). No request may draw an sl-violations header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../../test/contract';
import { startPrism, type PrismServer } from '../../../test/prism';
import { hubspotSpec } from '../../../test/vendorSpecs';
import type { CrmAdapter } from '../../model/crmAdapter';
import { createHubspotCrm } from './hubspot';

let prism: PrismServer;
let crm: CrmAdapter;
const recorder = recordingFetch();

beforeAll(async () => {
  prism = await startPrism(hubspotSpec());
  crm = createHubspotCrm({
    baseUrl: prism.url,
    token: () => 'pat-test',
    fetch: recorder.fetch,
    rateLimit: false,
    mapping: {
      disposition: {
        field: 'hs_call_disposition',
        values: { resolved: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' },
      },
    },
  });
}, 90_000);

afterAll(async () => {
  await prism.stop();
});

describe('HubSpot adapter against the HubSpot OpenAPI mock', () => {
  it('the mock validates requests: a malformed search draws violations', async () => {
    const response = await fetch(`${prism.url}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer pat-test' },
      body: JSON.stringify({ filterGroups: 'nope' }),
    });
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('looks customers up by phone (E.164), email and id', async () => {
    expect(await crm.findCustomer({ phone: '+44 20 7946 0018' })).toMatchObject({ id: '512' });
    expect(await crm.findCustomer({ email: 'grace@example.com' })).toMatchObject({ id: '512' });
    expect(await crm.findCustomer({ id: '512' })).toMatchObject({ name: 'Bryan Cooper' });
  });

  it('upserts a contact, logs a call with its disposition, and lists the history', async () => {
    const customer = await crm.upsertCustomer({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      attributes: {},
    });
    expect(customer.id).toBe('512');
    const logged = await crm.logInteraction(
      {
        contactId: 'c-1',
        channel: 'voice',
        customerId: '512',
        startedAt: Date.UTC(2026, 0, 1, 9),
        endedAt: Date.UTC(2026, 0, 1, 9, 5),
        disposition: 'resolved',
        summary: 'Refund issued',
      },
      { idempotencyKey: 'call-key-1' },
    );
    expect(logged.id).toBe('512');
    expect(Array.isArray(await crm.getHistory('512'))).toBe(true);
  });

  it('creates, updates and searches tickets, and adds notes', async () => {
    const ticket = await crm.createTicket(
      { subject: 'Parcel lost', priority: 'high', customerId: '512' },
      { idempotencyKey: 'ticket-key-1' },
    );
    expect(ticket.id).toBe('512');
    expect((await crm.updateTicket(ticket.id, { status: 'resolved' })).id).toBe('512');
    expect(await crm.searchTickets({ customerId: '512' })).toHaveLength(1);
    const note = await crm.addNote(
      { target: { kind: 'ticket', id: '512' }, body: 'Called the carrier' },
      { idempotencyKey: 'n1' },
    );
    expect(note.id).toBe('512');
    const pop = await crm.screenPop({
      customer: { phone: '+442079460018', attributes: {} },
    } as never);
    expect(pop.customer?.id).toBe('512');
  });

  it('drew no spec violation', () => {
    expect(recorder.requests.length).toBeGreaterThan(10);
    expect(recorder.violations).toEqual([]);
  });
});
