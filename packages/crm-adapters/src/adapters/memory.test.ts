import type { Contact } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { isCrmError } from '../errors';
import { defineCrmAdapter } from '../model/defineCrmAdapter';
import { createMemoryCrm } from './memory';

const grace = { name: 'Grace', phone: '020 7946 0018', email: 'Grace@Example.com' };
const contactOf = (customer: Contact['customer']) => ({ customer }) as unknown as Contact;

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('createMemoryCrm', () => {
  it('finds a customer by phone in any format, by email without regard to case, and by id', async () => {
    const crm = createMemoryCrm({ customers: [grace], defaultCountry: 'GB' });
    const stored = crm.getSnapshot().customers[0];
    expect(stored?.phone).toBe('+442079460018');
    expect((await crm.findCustomer({ phone: '+44 20 7946 0018' }))?.name).toBe('Grace');
    expect((await crm.findCustomer({ phone: '(020) 7946-0018' }))?.name).toBe('Grace');
    expect((await crm.findCustomer({ email: 'grace@example.COM' }))?.id).toBe(stored?.id);
    expect(await crm.findCustomer({ id: stored?.id ?? '' })).toEqual(stored);
    expect(await crm.findCustomer({ phone: '+33 6 12 34 56 78' })).toBeNull();
  });

  it('rejects a lookup that is not a phone, email or id with VALIDATION_FAILED', async () => {
    const crm = createMemoryCrm();
    const error = await rejection(crm.findCustomer({ phone: 'call me maybe' }));
    expect(isCrmError(error, 'VALIDATION_FAILED')).toBe(true);
    const missing = await rejection(crm.findCustomer({} as never));
    expect(isCrmError(missing, 'VALIDATION_FAILED')).toBe(true);
  });

  it('makes a write with the same idempotency key effective once', async () => {
    const crm = createMemoryCrm();
    const input = { subject: 'Parcel lost', priority: 'high' } as const;
    const first = await crm.createTicket(input, { idempotencyKey: 'k1' });
    const again = await crm.createTicket(input, { idempotencyKey: 'k1' });
    const other = await crm.createTicket(input, { idempotencyKey: 'k2' });
    expect(again).toEqual(first);
    expect(other.id).not.toBe(first.id);
    expect(crm.getSnapshot().tickets).toHaveLength(2);
  });

  it('logs interactions with their disposition and lists them newest first', async () => {
    const crm = createMemoryCrm({ customers: [grace], defaultCountry: 'GB' });
    const customerId = crm.getSnapshot().customers[0]!.id!;
    const base = { channel: 'voice', customerId, agentId: 'ada' } as const;
    await crm.logInteraction({ ...base, contactId: 'c1', startedAt: 1_000, endedAt: 61_000 });
    await crm.logInteraction({
      ...base,
      contactId: 'c2',
      startedAt: 100_000,
      endedAt: 130_000,
      disposition: 'resolved',
    });
    const history = await crm.getHistory(customerId);
    expect(history.map((h) => [h.durationMs, h.disposition])).toEqual([
      [30_000, 'resolved'],
      [60_000, null],
    ]);
    const backwards = await rejection(
      crm.logInteraction({ ...base, contactId: 'c3', startedAt: 5, endedAt: 4 }),
    );
    expect(isCrmError(backwards, 'VALIDATION_FAILED')).toBe(true);
  });

  it('updates tickets, adds notes, searches, and reports unknown tickets as NOT_FOUND', async () => {
    const crm = createMemoryCrm();
    const customer = await crm.upsertCustomer({ name: 'Ada', attributes: {} });
    const ticket = await crm.createTicket({ subject: 'Broken', customerId: customer.id });
    await crm.createTicket({ subject: 'Other' });
    const updated = await crm.updateTicket(ticket.id, { status: 'resolved' });
    expect(updated.status).toBe('resolved');
    await crm.addNote({ target: { kind: 'ticket', id: ticket.id }, body: 'Replaced it' });
    expect(crm.getSnapshot().notes[0]).toMatchObject({
      body: 'Replaced it',
      visibility: 'private',
    });
    expect(await crm.searchTickets({ customerId: customer.id! })).toEqual([updated]);
    expect(await crm.searchTickets({ status: ['new'] })).toHaveLength(1);
    const missing = await rejection(crm.updateTicket('nope', { status: 'open' }));
    expect(isCrmError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('upserts by id, then email, then phone, merging attributes', async () => {
    const crm = createMemoryCrm({ defaultCountry: 'GB' });
    const first = await crm.upsertCustomer({ ...grace, attributes: { tier: 'gold' } });
    const second = await crm.upsertCustomer({
      email: 'Grace@Example.com',
      name: 'Grace H.',
      attributes: { language: 'en' },
    });
    expect(second.id).toBe(first.id);
    expect(second.attributes).toEqual({ tier: 'gold', language: 'en' });
    expect(crm.getSnapshot().customers).toHaveLength(1);
  });

  it('pops the customer with history, open tickets only, on offer', async () => {
    const crm = createMemoryCrm({ customers: [grace], defaultCountry: 'GB' });
    const id = crm.getSnapshot().customers[0]!.id!;
    await crm.createTicket({ subject: 'Open one', customerId: id });
    const closed = await crm.createTicket({ subject: 'Closed one', customerId: id });
    await crm.updateTicket(closed.id, { status: 'closed' });
    const pop = await crm.screenPop(contactOf({ phone: '02079460018', attributes: {} }));
    expect(pop.customer?.name).toBe('Grace');
    expect(pop.openTickets.map((t) => t.subject)).toEqual(['Open one']);
    const unknown = await crm.screenPop(contactOf({ phone: '+14155550100', attributes: {} }));
    expect(unknown).toEqual({ customer: null, history: [], openTickets: [], url: null });
  });

  it('notifies subscribers after each write', async () => {
    const crm = createMemoryCrm();
    let calls = 0;
    const off = crm.subscribe(() => (calls += 1));
    await crm.createTicket({ subject: 'One' });
    off();
    await crm.createTicket({ subject: 'Two' });
    expect(calls).toBe(1);
  });
});

describe('defineCrmAdapter', () => {
  const capabilities = createMemoryCrm().capabilities;

  it('rejects an operation the implementation lacks with UNSUPPORTED', async () => {
    const crm = defineCrmAdapter({
      id: 'bare',
      capabilities: { ...capabilities, tickets: false },
      findCustomer: () => Promise.resolve(null),
    });
    const error = await rejection(crm.createTicket({ subject: 'x' }));
    expect(isCrmError(error, 'UNSUPPORTED')).toBe(true);
  });

  it('rejects a vendor answer that does not fit the model with BAD_RESPONSE', async () => {
    const crm = defineCrmAdapter({
      id: 'broken',
      capabilities,
      findCustomer: () => Promise.resolve({ name: 42 } as never),
    });
    const error = await rejection(crm.findCustomer({ id: 'x' }));
    expect(isCrmError(error, 'BAD_RESPONSE')).toBe(true);
  });
});
