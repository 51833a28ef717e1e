import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import { createVirtualClock } from '../testing/virtualClock';
import { createTicketBook } from './createTicketBook';
import type { Actor } from './actor';
import {
  canTransition,
  ticketStatuses,
  ticketTransitions,
  type TicketStatus,
} from './ticketStatus';

const ada: Actor = { id: 'ada', roles: ['agent'] };

/** A book with one ticket brought to `status`. */
function ticketIn(status: TicketStatus) {
  const book = createTicketBook({ clock: createVirtualClock() });
  const { id } = book.createTicket({ subject: 'Broken' }, ada);
  const path: Record<TicketStatus, (() => void)[]> = {
    new: [],
    open: [() => book.transition(id, 'open', ada)],
    pending: [() => book.transition(id, 'open', ada), () => book.transition(id, 'pending', ada)],
    escalated: [() => book.escalate(id, { reason: 'hard' }, ada)],
    resolved: [() => book.transition(id, 'open', ada), () => book.transition(id, 'resolved', ada)],
    closed: [
      () => book.transition(id, 'open', ada),
      () => book.transition(id, 'resolved', ada),
      () => book.transition(id, 'closed', ada),
    ],
  };
  for (const step of path[status]) step();
  expect(book.getSnapshot().tickets.get(id)?.status).toBe(status);
  return { book, id };
}

const pairs = ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [from, to] as const));

describe('ticket status table', () => {
  it('lists reopen from resolved and closed', () => {
    expect(ticketTransitions.resolved).toContain('open');
    expect(ticketTransitions.closed).toEqual(['open']);
  });

  it.each(pairs.filter(([, to]) => to !== 'escalated'))('%s -> %s', (from, to) => {
    const { book, id } = ticketIn(from);
    const before = book.getSnapshot();
    if (canTransition(from, to)) {
      const ticket = book.transition(id, to, ada);
      expect(ticket.status).toBe(to);
      expect(book.history(id).at(-1)?.changes).toContainEqual({
        op: 'replace',
        path: ['status'],
        value: to,
      });
    } else {
      let caught: unknown;
      try {
        book.transition(id, to, ada);
      } catch (error) {
        caught = error;
      }
      expect(isSwitchboardError(caught, 'INVALID_TRANSITION')).toBe(true);
      expect(book.getSnapshot()).toBe(before);
    }
  });

  it.each(ticketStatuses)('%s -> escalated only through escalate()', (from) => {
    const { book, id } = ticketIn(from);
    const before = book.getSnapshot();
    expect(() => book.transition(id, 'escalated', ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(book.getSnapshot()).toBe(before);
    if (canTransition(from, 'escalated') || from === 'escalated') {
      expect(book.escalate(id, { reason: 'again' }, ada).status).toBe('escalated');
    } else {
      expect(() => book.escalate(id, { reason: 'no' }, ada)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
      expect(book.getSnapshot()).toBe(before);
    }
  });

  it('refuses an unknown status with VALIDATION_FAILED', () => {
    const { book, id } = ticketIn('new');
    expect(() => book.transition(id, 'done' as TicketStatus, ada)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
