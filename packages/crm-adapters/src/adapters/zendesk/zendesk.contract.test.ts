// Contract test: the Zendesk adapter against Prism serving our HAND-WRITTEN minimal Zendesk
// spec (test/fixtures/zendesk.openapi.yaml; Zendesk publishes no OpenAPI file reachable here).
// No request may draw an sl-violations header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../../test/contract';
import { startPrism, type PrismServer } from '../../../test/prism';
import { rejection } from '../../../test/settle';
import { isCrmError } from '../../errors';
import type { CrmAdapter } from '../../model/crmAdapter';
import { createZendeskCrm } from './zendesk';

const spec = new URL('../../../test/fixtures/zendesk.openapi.yaml', import.meta.url).pathname;
let prism: PrismServer;
let crm: CrmAdapter;
const recorder = recordingFetch();

beforeAll(async () => {
  prism = await startPrism(spec);
  crm = createZendeskCrm({
    baseUrl: prism.url,
    token: () => 'agent@example.com/token:abc',
    scheme: 'apiToken',
    defaultCountry: 'GB',
    fetch: recorder.fetch,
    rateLimit: false,
    mapping: {
      customFields: { order: 360001 },
      disposition: { field: 360002, values: { resolved: 'resolved_first_call' } },
    },
  });
}, 90_000);

afterAll(async () => {
  await prism.stop();
});

describe('Zendesk adapter against the hand-written Zendesk mock', () => {
  it('the mock validates requests: a ticket without a comment draws violations', async () => {
    const response = await fetch(`${prism.url}/api/v2/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { subject: 'x' } }),
    });
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('looks users up, upserts them, and pops a screen with history and open tickets', async () => {
    expect(await crm.findCustomer({ phone: '020 7946 0018' })).toMatchObject({ id: '35436' });
    expect(await crm.findCustomer({ id: '35436' })).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
    });
    expect(
      (
        await crm.upsertCustomer({
          name: 'Grace Hopper',
          email: 'grace@example.com',
          attributes: {},
        })
      ).id,
    ).toBe('35436');
    const pop = await crm.screenPop({ customer: { id: '35436', attributes: {} } } as never);
    expect(pop.customer?.id).toBe('35436');
    expect(pop.url).toBe(`${prism.url}/agent/users/35436`);
  });

  it('logs a call, creates and updates tickets with mapped fields, and adds a private note', async () => {
    const call = await crm.logInteraction(
      {
        contactId: 'c-1',
        channel: 'voice',
        customerId: '35436',
        startedAt: 0,
        endedAt: 60_000,
        disposition: 'resolved',
      },
      { idempotencyKey: 'call-1' },
    );
    expect(call.id).toBe('35436');
    const ticket = await crm.createTicket(
      { subject: 'Parcel lost', customerId: '35436', customFields: { order: 'A-1' } },
      { idempotencyKey: 'ticket-1' },
    );
    expect(ticket).toMatchObject({ id: '35436', subject: 'Parcel lost' });
    await crm.updateTicket('35436', { status: 'escalated', priority: 'urgent' });
    await crm.addNote(
      { target: { kind: 'ticket', id: '35436' }, body: 'Called the carrier' },
      { idempotencyKey: 'note-1' },
    );
  });

  it('rejects unmapped custom fields and dispositions before sending anything', async () => {
    const before = recorder.requests.length;
    const field = await rejection(crm.createTicket({ subject: 'x', customFields: { unknown: 1 } }));
    expect(isCrmError(field, 'VALIDATION_FAILED')).toBe(true);
    const disposition = await rejection(
      crm.logInteraction({
        contactId: 'c',
        channel: 'voice',
        customerId: '1',
        startedAt: 0,
        endedAt: 1,
        disposition: 'nope',
      }),
    );
    expect(isCrmError(disposition, 'VALIDATION_FAILED')).toBe(true);
    expect(recorder.requests.length).toBe(before);
  });

  it('drew no spec violation', () => {
    expect(recorder.requests.length).toBeGreaterThan(8);
    expect(recorder.violations).toEqual([]);
  });
});
