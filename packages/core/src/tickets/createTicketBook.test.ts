import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createContactCenter } from '../center/contactCenter';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';

const ada: Actor = { id: 'ada', roles: ['agent'] };
const sam: Actor = { id: 'sam', roles: ['supervisor'] };

const fields = z.object({
  orderId: z.optional(z.string().regex(/^ORD-\d+$/)),
  refundAmount: z.optional(z.number().nonnegative()),
});

function setup() {
  const clock = createVirtualClock();
  let next = 0;
  const book = createTicketBook({ clock, customFields: fields, createId: () => `id${++next}` });
  return { clock, book };
}

describe('createTicketBook: tickets', () => {
  it('creates a ticket with defaults and emits ticket.created', () => {
    const { book } = setup();
    const created = vi.fn();
    book.events.on('ticket.created', created);
    const ticket = book.createTicket({ subject: 'Parcel lost', priority: 'high' }, ada);
    expect(ticket).toMatchObject({
      id: 'id1',
      status: 'new',
      priority: 'high',
      level: 'agent',
      description: '',
      tags: [],
      customFields: {},
      createdBy: 'ada',
    });
    expect(Object.isFrozen(ticket)).toBe(true);
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ ticket, actor: ada }));
  });

  it('validates custom fields on create and refuses without a change', () => {
    const { book } = setup();
    const before = book.getSnapshot();
    expect(() =>
      book.createTicket({ subject: 'x', customFields: { orderId: 'nope' } }, ada),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(book.getSnapshot()).toBe(before);
    const ok = book.createTicket({ subject: 'x', customFields: { orderId: 'ORD-1' } }, ada);
    expect(ok.customFields).toEqual({ orderId: 'ORD-1' });
  });

  it('validates merged custom fields on update; undefined removes a key', () => {
    const { book } = setup();
    const { id } = book.createTicket({ subject: 'x', customFields: { orderId: 'ORD-1' } }, ada);
    const before = book.getSnapshot();
    expect(() => book.update(id, { customFields: { refundAmount: -5 } }, ada)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(book.getSnapshot()).toBe(before);
    const updated = book.update(id, { customFields: { refundAmount: 20 } }, ada);
    expect(updated.customFields).toEqual({ orderId: 'ORD-1', refundAmount: 20 });
    const removed = book.update(id, { customFields: { orderId: undefined } }, ada);
    expect(removed.customFields).toEqual({ refundAmount: 20 });
  });

  it('an update that changes nothing records nothing', () => {
    const { book } = setup();
    const { id } = book.createTicket({ subject: 'x', tags: ['a'] }, ada);
    const before = book.getSnapshot();
    book.update(id, { subject: 'x', tags: ['a'] }, ada);
    expect(book.getSnapshot()).toBe(before);
    expect(book.history(id)).toHaveLength(1);
  });

  it('records who changed what and when as patches', () => {
    const { book, clock } = setup();
    const { id } = book.createTicket({ subject: 'x' }, ada);
    clock.advance(60_000);
    book.update(id, { priority: 'urgent', tags: ['vip'], customFields: { refundAmount: 5 } }, sam);
    clock.advance(1_000);
    book.transition(id, 'open', ada);
    const [created, updated, moved] = book.history(id);
    expect(created).toMatchObject({
      at: Date.UTC(2026, 0, 1),
      actor: ada,
      event: 'ticket.created',
    });
    expect(created?.changes[0]).toMatchObject({ op: 'replace', path: [] });
    expect(updated).toMatchObject({ at: Date.UTC(2026, 0, 1) + 60_000, actor: sam });
    expect(updated?.changes).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: ['priority'], value: 'urgent' },
        { op: 'replace', path: ['tags'], value: ['vip'] },
        { op: 'add', path: ['customFields', 'refundAmount'], value: 5 },
        { op: 'replace', path: ['updatedAt'], value: Date.UTC(2026, 0, 1) + 60_000 },
      ]),
    );
    expect(moved).toMatchObject({ actor: ada, event: 'ticket.statusChanged' });
    expect(JSON.parse(JSON.stringify(book.history(id)))).toEqual(book.history(id));
  });

  it('refuses updates of a closed ticket until it is reopened', () => {
    const { book } = setup();
    const { id } = book.createTicket({ subject: 'x' }, ada);
    book.transition(id, 'closed', ada);
    expect(() => book.update(id, { priority: 'low' }, ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => book.completeStep(id, { step: 'verify' }, ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    book.transition(id, 'open', ada);
    expect(book.update(id, { priority: 'low' }, ada).priority).toBe('low');
  });

  it('tracks the resolution procedure', () => {
    const { book } = setup();
    const { id } = book.createTicket({ subject: 'x' }, ada);
    const ticket = book.completeStep(id, { step: 'define', summary: 'Card declined' }, ada);
    expect(ticket.procedure.define).toMatchObject({ by: 'ada', summary: 'Card declined' });
    expect(ticket.procedure.formulate).toBeNull();
  });

  it('creates a ticket from a contact: links it and copies the customer', () => {
    const { book, clock } = setup();
    const center = createContactCenter({ clock });
    const contact = center.openContact({
      channel: 'chat',
      customer: { id: 'cus-1', name: 'Grace', attributes: { tier: 'gold' } },
      attributes: { subject: 'Refund please' },
    });
    const ticket = book.createFromContact(contact, { priority: 'high', contactIds: ['c0'] }, ada);
    expect(ticket.contactIds).toEqual([contact.id, 'c0']);
    expect(ticket.customer).toEqual(contact.customer);
    expect(ticket.subject).toBe('Refund please');
    const bare = book.createFromContact({ id: 'c9', channel: 'voice' }, {}, ada);
    expect(bare).toMatchObject({ subject: 'voice c9', customer: null, contactIds: ['c9'] });
    center.dispose();
  });

  it('validates actors, ids and unknown tickets', () => {
    const { book } = setup();
    expect(() => book.createTicket({ subject: 'x' }, { id: '', roles: [] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    book.createTicket({ id: 't1', subject: 'x' }, ada);
    expect(() => book.createTicket({ id: 't1', subject: 'y' }, ada)).toThrow(
      expect.objectContaining({ code: 'ALREADY_EXISTS' }),
    );
    expect(() => book.update('nope', {}, ada)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => book.history('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('notifies subscribers, isolates throwing listeners and refuses writes after dispose', () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const book = createTicketBook({ logger });
    const listener = vi.fn();
    book.subscribe(listener);
    book.subscribe(() => {
      throw new Error('subscriber');
    });
    book.events.onAny(() => {
      throw new Error('listener');
    });
    book.createTicket({ subject: 'x' }, ada);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledTimes(2);
    book.dispose();
    expect(() => book.createTicket({ subject: 'y' }, ada)).toThrow(
      expect.objectContaining({ code: 'DISPOSED' }),
    );
  });

  it('refuses bad options', () => {
    expect(() => createTicketBook({ escalation: { levels: [] } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => createTicketBook({ followUpGraceMs: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
