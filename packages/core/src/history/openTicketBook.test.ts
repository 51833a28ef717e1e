import { describe, expect, it, vi } from 'vitest';
import { isSwitchboardError } from '../errors';
import { createMemoryStorage, type Storage } from '../ports/storage';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from '../tickets/actor';
import { openTicketBook } from './openTicketBook';
import { snapshotKey } from './snapshots';

const ada: Actor = { id: 'ada', roles: ['agent'] };
const sam: Actor = { id: 'sam', roles: ['supervisor'] };
const hour = 3_600_000;
const noteFields = { customer: 'Grace', reasonForContact: 'Refund', stepsTaken: 'Checked' };

async function dump(storage: Storage): Promise<string> {
  const values = await Promise.all((await storage.keys()).map((key) => storage.get(key)));
  return JSON.stringify(values);
}

describe('openTicketBook: reload', () => {
  it('restores tickets, history, notes and open follow-ups with their timers', async () => {
    const storage = createMemoryStorage();
    const clock = createVirtualClock();
    const first = await openTicketBook({ storage, clock, snapshotEvery: 3 });
    const ticket = first.book.createTicket({ subject: 'Parcel lost' }, ada);
    first.book.transition(ticket.id, 'open', ada);
    const note = first.book.addNote(
      { target: { kind: 'ticket', id: ticket.id }, fields: noteFields },
      ada,
    );
    const target = { kind: 'ticket' as const, id: ticket.id };
    const soon = first.book.scheduleFollowUp({ target, dueAt: clock.now() + hour }, ada);
    const later = first.book.scheduleFollowUp({ target, dueAt: clock.now() + 3 * hour }, ada);
    const done = first.book.scheduleFollowUp({ target, dueAt: clock.now() + hour }, ada);
    first.book.completeFollowUp(done.id, ada);
    clock.advance(hour);
    expect(first.book.getSnapshot().followUps.get(soon.id)?.status).toBe('due');
    await first.close();
    expect(await storage.get(snapshotKey('tickets'))).toBeDefined();

    const second = await openTicketBook({ storage, clock });
    const { book } = second;
    expect(book.getSnapshot().tickets.get(ticket.id)?.status).toBe('open');
    expect(book.history(ticket.id).map((entry) => entry.event)).toEqual([
      'ticket.created',
      'ticket.statusChanged',
    ]);
    expect(book.notesOf(target)).toEqual([note]);
    const seen: string[] = [];
    book.events.onAny((name, payload) => {
      if ('followUp' in payload) seen.push(`${name} ${String(payload.followUp.id)}`);
    });
    clock.advance(2 * hour);
    expect(seen).toEqual([`followUp.overdue ${soon.id}`, `followUp.due ${later.id}`]);
    expect(book.getSnapshot().followUps.get(done.id)?.status).toBe('completed');
    await second.close();
    const third = await openTicketBook({ storage, clock });
    expect(third.book.getSnapshot().followUps.get(later.id)?.status).toBe('due');
    third.book.dispose();
  });

  it('ignores a snapshot of another format version and replays the log', async () => {
    const storage = createMemoryStorage();
    const first = await openTicketBook({ storage, snapshotEvery: 1 });
    first.book.createTicket({ id: 't1', subject: 'One' }, ada);
    await first.close();
    const stored = (await storage.get(snapshotKey('tickets'))) as object;
    await storage.set(snapshotKey('tickets'), { ...stored, v: 99, state: null });
    const second = await openTicketBook({ storage });
    expect(second.book.getSnapshot().tickets.get('t1')?.subject).toBe('One');
  });

  it('refuses a malformed snapshot with HISTORY_UNREADABLE', async () => {
    for (const bad of ['nope', { v: 1, seq: 0, state: null }]) {
      const storage = createMemoryStorage();
      await storage.set(snapshotKey('tickets'), bad);
      const error = await openTicketBook({ storage }).catch((caught: unknown) => caught);
      expect(isSwitchboardError(error, 'HISTORY_UNREADABLE')).toBe(true);
    }
  });

  it('reports failed writes to the logger and from flush', async () => {
    const memory = createMemoryStorage();
    const storage: Storage = { ...memory, set: () => Promise.reject(new TypeError('read-only')) };
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const persistent = await openTicketBook({ storage, logger, snapshotEvery: 1 });
    persistent.book.createTicket({ subject: 'x' }, ada);
    await expect(persistent.flush()).rejects.toThrow('read-only');
    expect(logger.error).toHaveBeenCalledWith(
      'Appending to the ticket book history failed',
      expect.anything(),
    );
    expect(logger.error).toHaveBeenCalledWith('A ticket book snapshot failed', expect.anything());
  });
});

describe('openTicketBook: access and erasure', () => {
  const canary = 'CANARY-7f3a';

  async function planted() {
    const storage = createMemoryStorage();
    const clock = createVirtualClock();
    let next = 0;
    const persistent = await openTicketBook({
      storage,
      clock,
      createId: () => `id${++next}`,
      snapshotEvery: 4,
    });
    const { book } = persistent;
    const customer = { id: 'cus-1', name: `Grace ${canary}`, email: 'grace@example.com' };
    const ticket = book.createFromContact(
      { id: 'call-1', channel: 'voice', customer, attributes: { subject: `Refund ${canary}` } },
      { description: canary, tags: [canary], customFields: { order: canary } },
      ada,
    );
    book.update(ticket.id, { description: `still ${canary}` }, ada);
    book.completeStep(ticket.id, { step: 'define', summary: canary }, ada);
    book.escalate(ticket.id, { reason: `asked: ${canary}` }, ada);
    const note = book.addNote(
      { target: { kind: 'contact', id: 'call-1' }, fields: { ...noteFields, stepsTaken: canary } },
      ada,
    );
    book.editNote(note.id, { fields: { resolution: canary } }, ada);
    book.addNote({ target: { kind: 'customer', id: 'cus-1' }, fields: noteFields }, ada);
    book.scheduleFollowUp(
      {
        target: { kind: 'customer', id: 'cus-1' },
        dueAt: clock.now() + hour,
        description: canary,
        call: { phone: canary },
      },
      ada,
    );
    const other = book.createTicket(
      { subject: 'Other customer', customer: { id: 'cus-2', name: 'Alan' } },
      ada,
    );
    await persistent.flush();
    return { storage, clock, persistent, ticket, other };
  }

  it('exports everything about the customer, from the book and from the log', async () => {
    const { persistent, ticket } = await planted();
    const exported = await persistent.exportCustomer({ customerId: 'cus-1' });
    expect(exported.ticketIds).toEqual([ticket.id]);
    expect(exported.notes).toHaveLength(2);
    expect(exported.followUps).toHaveLength(1);
    expect(exported.history[ticket.id]).toHaveLength(4);
    expect(exported.events.map(({ event }) => event.type)).toEqual([
      'ticket.created',
      'ticket.updated',
      'ticket.stepCompleted',
      'ticket.escalated',
      'note.added',
      'note.edited',
      'note.added',
      'followUp.scheduled',
    ]);
    expect(JSON.stringify(exported)).toContain(canary);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('erases a planted canary from the book, the log and the snapshot, leaving tombstones', async () => {
    const { storage, clock, persistent, ticket, other } = await planted();
    expect(await dump(storage)).toContain(canary);
    const erased = await persistent.eraseCustomer({ customerId: 'cus-1' }, sam);

    expect(JSON.stringify(ticketsOf(persistent.book.getSnapshot()))).not.toContain(canary);
    expect(await dump(storage)).not.toContain(canary);
    expect(await dump(storage)).not.toContain('grace@example.com');

    const tombstone = persistent.book.getSnapshot().tickets.get(ticket.id);
    expect(tombstone).toMatchObject({
      id: ticket.id,
      status: 'escalated',
      level: 'seniorAgent',
      subject: '[erased]',
      customer: { id: erased.tombstone, name: '[erased]', email: '[erased]' },
      contactIds: ['call-1'],
      createdAt: ticket.createdAt,
    });
    expect(persistent.book.getSnapshot().tickets.size).toBe(2);
    expect(persistent.book.getSnapshot().tickets.get(other.id)).toEqual(other);
    expect((await persistent.exportCustomer({ customerId: 'cus-1' })).ticketIds).toEqual([]);
    await persistent.close();

    const reloaded = await openTicketBook({ storage, clock });
    expect(JSON.stringify(ticketsOf(reloaded.book.getSnapshot()))).not.toContain(canary);
    expect(reloaded.book.getSnapshot().tickets.get(ticket.id)?.customer?.id).toBe(erased.tombstone);
    reloaded.book.dispose();
  });

  it('calls compact on storage that has it', async () => {
    const { storage, persistent } = await planted();
    const compact = vi.fn(() => Promise.resolve());
    Object.assign(storage, { compact });
    await persistent.eraseCustomer({ customerId: 'cus-1' }, sam);
    expect(compact).toHaveBeenCalledTimes(1);
  });
});

function ticketsOf(state: {
  tickets: unknown;
  notes: unknown;
  followUps: unknown;
  history: unknown;
}) {
  return {
    tickets: state.tickets,
    notes: state.notes,
    followUps: state.followUps,
    history: state.history,
  };
}
