// Contract test: the Salesforce adapter against Prism serving Salesforce's OpenAPI document
// (from @opensdks/sdk-salesforce, cut and patched in memory; see test/vendorSpecs.ts).
// No request may draw an sl-violations header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../../../test/contract';
import { startPrism, type PrismServer } from '../../../test/prism';
import { salesforceSpec } from '../../../test/vendorSpecs';
import type { CrmAdapter } from '../../model/crmAdapter';
import { createSalesforceCrm } from './salesforce';

let prism: PrismServer;
let crm: CrmAdapter;
const recorder = recordingFetch();
const contactId = '003R0000005hDFYIA2';
const caseId = '500R0000005hDFYIA2';

beforeAll(async () => {
  prism = await startPrism(salesforceSpec());
  crm = createSalesforceCrm({
    baseUrl: prism.url,
    token: () => '00Dxx!session',
    fetch: recorder.fetch,
    rateLimit: false,
    mapping: {
      customFields: { sla: 'SLAViolation__c' },
      disposition: { field: 'CallDisposition', values: { resolved: 'Resolved' } },
    },
  });
}, 120_000);

afterAll(async () => {
  await prism.stop();
});

describe('Salesforce adapter against the Salesforce OpenAPI mock', () => {
  it('the mock validates requests: a malformed body draws violations', async () => {
    const response = await fetch(`${prism.url}/sobjects/Case`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify([{ Subject: 42 }]),
    });
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('looks contacts up by id, phone and email (SOQL)', async () => {
    expect(await crm.findCustomer({ id: contactId })).not.toBeNull();
    expect(await crm.findCustomer({ phone: '+1 415 555 0100' })).toBeNull();
    expect(await crm.findCustomer({ email: "o'brien@example.com" })).toBeNull();
  });

  it('creates a contact, logs a call as a Task and lists the call history', async () => {
    const customer = await crm.upsertCustomer({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      attributes: {},
    });
    expect(customer.name).toBe('Grace Hopper');
    const call = await crm.logInteraction(
      {
        contactId: 'c-1',
        channel: 'voice',
        customerId: contactId,
        startedAt: 0,
        endedAt: 300_000,
        disposition: 'resolved',
      },
      { idempotencyKey: 'call-key-1' },
    );
    expect(call).toMatchObject({ durationMs: 300_000, disposition: 'resolved' });
    expect(await crm.getHistory(contactId)).toEqual([]);
  });

  it('creates, updates and searches cases, and adds case comments', async () => {
    const created = await crm.createTicket(
      {
        subject: 'Parcel lost',
        priority: 'high',
        customerId: contactId,
        customFields: { sla: 'No' },
      },
      { idempotencyKey: 'case-key-1' },
    );
    expect(created.subject).toBe('Parcel lost');
    await crm.updateTicket(caseId, { status: 'escalated' });
    expect(await crm.searchTickets({ customerId: contactId })).toEqual([]);
    await crm.addNote(
      { target: { kind: 'ticket', id: caseId }, body: 'Called the carrier' },
      { idempotencyKey: 'n1' },
    );
  });

  it('drew no spec violation', () => {
    expect(recorder.requests.length).toBeGreaterThan(10);
    expect(recorder.violations).toEqual([]);
  });
});
