import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';

const ada: Actor = { id: 'ada', roles: ['agent'] };
const hour = 3_600_000;

function setup(followUpGraceMs?: number) {
  const clock = createVirtualClock();
  const book = createTicketBook({
    clock,
    ...(followUpGraceMs === undefined ? {} : { followUpGraceMs }),
  });
  const seen: string[] = [];
  book.events.onAny((name) => seen.push(name));
  const { id } = book.createTicket({ subject: 'Call back' }, ada);
  return { clock, book, seen, ticketId: id };
}

describe('follow-ups', () => {
  it('are due at their time and overdue after the default grace of one hour', () => {
    const { clock, book, seen, ticketId } = setup();
    const followUp = book.scheduleFollowUp(
      {
        target: { kind: 'ticket', id: ticketId },
        dueAt: clock.now() + 2 * hour,
        description: 'Call',
      },
      ada,
    );
    expect(followUp).toMatchObject({ status: 'scheduled', assignee: 'ada' });
    clock.advance(2 * hour - 1);
    expect(book.getSnapshot().followUps.get(followUp.id)?.status).toBe('scheduled');
    clock.advance(1);
    expect(book.getSnapshot().followUps.get(followUp.id)?.status).toBe('due');
    clock.advance(hour);
    expect(book.getSnapshot().followUps.get(followUp.id)?.status).toBe('overdue');
    expect(seen).toEqual([
      'ticket.created',
      'followUp.scheduled',
      'followUp.due',
      'followUp.overdue',
    ]);
    const done = book.completeFollowUp(followUp.id, ada);
    expect(done).toMatchObject({ status: 'completed', completedAt: clock.now() });
    expect(() => book.completeFollowUp(followUp.id, ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('completion cancels the timers; grace is configurable', () => {
    const { clock, book, seen, ticketId } = setup(60_000);
    const followUp = book.scheduleFollowUp(
      { target: { kind: 'ticket', id: ticketId }, dueAt: clock.now() + hour, assignee: 'bob' },
      ada,
    );
    clock.advance(hour);
    book.completeFollowUp(followUp.id, ada);
    clock.advance(hour);
    expect(clock.pending()).toBe(0);
    expect(seen.slice(1)).toEqual(['followUp.scheduled', 'followUp.due', 'followUp.completed']);
    const late = book.scheduleFollowUp({ target: { kind: 'contact', id: 'c1' }, dueAt: 0 }, ada);
    clock.advance(0);
    expect(book.getSnapshot().followUps.get(late.id)?.status).toBe('due');
    clock.advance(60_000);
    expect(book.getSnapshot().followUps.get(late.id)?.status).toBe('overdue');
  });

  it('dispose clears the timers', () => {
    const { clock, book, ticketId } = setup();
    book.scheduleFollowUp(
      { target: { kind: 'ticket', id: ticketId }, dueAt: clock.now() + hour },
      ada,
    );
    expect(clock.pending()).toBe(1);
    book.dispose();
    expect(clock.pending()).toBe(0);
  });

  it('refuses unknown tickets and follow-ups', () => {
    const { book } = setup();
    expect(() =>
      book.scheduleFollowUp({ target: { kind: 'ticket', id: 'nope' }, dueAt: 0 }, ada),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => book.completeFollowUp('nope', ada)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
