import { isSwitchboardError, type Disposition } from '@switchboard/core';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { createTicketBook } from '@switchboard/core/tickets';
import { bindCrm, createMemoryCrm } from '@switchboard/crm-adapters';
import { afterEach, describe, expect, it } from 'vitest';
import { dispositionNoteTemplate, dispositions, type DispositionsConfig } from '../src';

const billingCodes: Disposition[] = [
  { code: 'refundIssued', label: 'Refund issued', resolved: true },
  { code: 'paymentPlan', label: 'Payment plan agreed', resolved: true },
  { code: 'followUp', label: 'Follow-up needed', resolved: false },
];
const centreCodes: Disposition[] = [
  { code: 'resolved', label: 'Resolved', resolved: true },
  { code: 'followUp', label: 'Follow-up needed', resolved: false },
  ...billingCodes.filter((code) => code.code !== 'followUp'),
];

const hosts: TestHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.dispose()));
});

async function host(config: Omit<DispositionsConfig, 'centre'> = {}) {
  // The plugin reads the centre's codes from `centre` (a host passes its ContactCenter).
  const centre = { dispositions: centreCodes };
  const created: TestHost = await createTestHost({
    plugins: [
      { plugin: dispositions, config: { queues: { billing: billingCodes }, centre, ...config } },
    ],
    center: {
      queues: [
        { id: 'default', name: 'Default' },
        { id: 'billing', name: 'Billing' },
      ],
      dispositions: centreCodes,
    },
  });
  hosts.push(created);
  return created;
}

/** Takes a contact, talks and ends the conversation: it waits in wrap-up. */
async function inWrapUp(test: TestHost, queueId: string, customer = {}) {
  const contact = await test.take({ channel: 'chat', queueId, customer });
  // Chats connect on accept; a call would need `connect` first.
  await test.desk.wrapUp(contact.id);
  return contact;
}

const reasonOf = (error: unknown) =>
  isSwitchboardError(error) ? `${error.code}: ${error.message}` : String(error);

describe('dispositions', () => {
  it("offers a queue's own codes, else the centre's", async () => {
    const test = await host();
    const api = test.plugin('dispositions');
    const bill = await test.take({ queueId: 'billing' });
    const other = await test.take({ queueId: 'default' });
    expect(api.codesFor(bill.id).map((code) => code.code)).toEqual([
      'refundIssued',
      'paymentPlan',
      'followUp',
    ]);
    expect(api.codesFor(other.id).map((code) => code.code)).toEqual(
      centreCodes.map((code) => code.code),
    );
    expect(api.codesOfQueue(null)).toEqual(test.center.dispositions);
    expect(api.getSnapshot().contacts.get(bill.id)?.codes).toBe(api.codesFor(bill.id));
    expect(() => api.codesFor('nobody')).toThrow(/not with this agent/);
  });

  it('refuses contact.complete without a code valid for the queue', async () => {
    const test = await host();
    const bill = await inWrapUp(test, 'billing');
    const none = await test.desk.complete(bill.id).catch(reasonOf);
    expect(none).toBe(
      'ACTION_CANCELLED: Action "contact.complete" was cancelled: Choose a disposition for queue "billing": refundIssued, paymentPlan, followUp.',
    );
    // Known to the centre, not valid for billing.
    const wrong = await test.desk.complete(bill.id, { disposition: 'resolved' }).catch(reasonOf);
    expect(wrong).toContain('Disposition "resolved" is not valid for queue "billing"');
    expect(test.center.getSnapshot().contacts.get(bill.id)?.status).toBe('wrapUp');

    const done = await test.desk.complete(bill.id, { disposition: 'paymentPlan' });
    expect(done.status === 'completed' && done.disposition).toBe('paymentPlan');
    expect(test.events.of('contact.completed')[0]?.disposition).toBe('paymentPlan');
    expect(test.events.of('dispositions.recorded')[0]).toMatchObject({
      code: 'paymentPlan',
      queueId: 'billing',
      resolved: true,
      comment: null,
    });
  });

  it('select then complete: the code and the comment go to the note', async () => {
    const book = createTicketBook({ noteTemplates: [dispositionNoteTemplate] });
    const test = await host({ notes: book });
    const api = test.plugin('dispositions');
    const bill = await inWrapUp(test, 'billing');
    expect(() => api.select(bill.id, 'resolved')).toThrow(/not valid here/);
    api.select(bill.id, 'refundIssued', '  Refunded 20 EUR  ');
    expect(api.getSnapshot().contacts.get(bill.id)?.selected).toMatchObject({
      code: 'refundIssued',
      comment: 'Refunded 20 EUR',
    });
    await api.complete(bill.id);
    const [note] = book.notesOf({ kind: 'contact', id: bill.id });
    expect(note?.template).toBe('disposition');
    expect(note?.fields).toEqual({
      code: 'refundIssued',
      label: 'Refund issued',
      resolved: true,
      queueId: 'billing',
      comment: 'Refunded 20 EUR',
    });
    expect(api.choice(bill.id)).toBeNull();
    expect(api.getSnapshot().contacts.has(bill.id)).toBe(false);
    expect(test.events.names().filter((name) => name.startsWith('dispositions.'))).toEqual([
      'dispositions.selected',
      'dispositions.recorded',
    ]);
  });

  it('hands the code (and the comment as summary) to the CRM binding', async () => {
    const test = await host();
    const api = test.plugin('dispositions');
    const crm = createMemoryCrm({ customers: [{ id: 'cus-1', name: 'Grace' }] });
    const binding = bindCrm(test.desk, crm, {
      summaryOf: (contact) => api.choice(contact.id)?.comment ?? '',
    });
    const bill = await inWrapUp(test, 'billing', { id: 'cus-1', name: 'Grace' });
    api.select(bill.id, 'followUp', 'Call back on Monday');
    await api.complete(bill.id);
    await test.flush();
    const [logged] = crm.getSnapshot().interactions;
    expect(logged).toMatchObject({
      contactId: bill.id,
      customerId: 'cus-1',
      disposition: 'followUp',
      summary: 'Call back on Monday',
    });
    binding.dispose();
  });

  it('with required: false, a contact completes without a code but never with a wrong one', async () => {
    const test = await host({ required: false });
    const first = await inWrapUp(test, 'billing');
    await test.desk.complete(first.id);
    const second = await inWrapUp(test, 'billing');
    const wrong = await test.desk.complete(second.id, { disposition: 'resolved' }).catch(reasonOf);
    expect(wrong).toContain('ACTION_CANCELLED');
  });

  it('a note port that throws is contained: the contact completes and the desk keeps serving', async () => {
    const notes = {
      addNote(): never {
        throw new RangeError('book offline');
      },
    };
    const test = await host({ notes });
    const bill = await inWrapUp(test, 'billing');
    test.plugin('dispositions').select(bill.id, 'refundIssued');
    await test.plugin('dispositions').complete(bill.id);
    expect(test.failures()).toMatchObject([
      { plugin: 'dispositions', phase: 'hook', disabled: false },
    ]);
    expect(test.center.getSnapshot().contacts.get(bill.id)?.status).toBe('completed');
    const next = await inWrapUp(test, 'default');
    await test.desk.complete(next.id, { disposition: 'resolved' });
  });
});
