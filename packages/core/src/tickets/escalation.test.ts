import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';
import {
  customerAsks,
  defineEscalationRule,
  highValueAccount,
  refundAboveLimit,
  unresolvedAfter,
} from './escalation';

const ada: Actor = { id: 'ada', roles: ['agent'] };

function setup() {
  const clock = createVirtualClock();
  const book = createTicketBook({
    clock,
    customFields: z.object({ refundAmount: z.optional(z.number()) }),
    escalation: {
      rules: [
        refundAboveLimit({ limit: 100 }),
        highValueAccount({ values: ['gold', 'platinum'] }),
        unresolvedAfter({ afterMs: 4 * 3_600_000 }),
        customerAsks(),
        defineEscalationRule({
          id: 'legal',
          reason: 'Legal threat',
          toLevel: 'manager',
          when: ({ ticket }) => ticket.tags.includes('legal'),
        }),
      ],
    },
  });
  return { clock, book };
}

const fired = (book: ReturnType<typeof setup>['book'], id: string) =>
  book.evaluateEscalation(id).map((rule) => rule.ruleId);

describe('escalation rules', () => {
  it('fire on refund above the limit, high-value account, customer asks and host rules', () => {
    const { book } = setup();
    const { id } = book.createTicket({ subject: 'Refund' }, ada);
    expect(fired(book, id)).toEqual([]);
    book.update(id, { customFields: { refundAmount: 100 } }, ada);
    expect(fired(book, id)).toEqual([]);
    book.update(id, { customFields: { refundAmount: 250 } }, ada);
    expect(book.evaluateEscalation(id)).toEqual([
      {
        ruleId: 'refundAboveLimit',
        reason: "Refund above the agent's limit of 100",
        toLevel: 'supervisor',
      },
    ]);
    book.update(id, { customer: { name: 'Grace', attributes: { tier: 'gold' } } }, ada);
    book.update(id, { tags: ['escalation-requested', 'legal'] }, ada);
    expect(fired(book, id)).toEqual([
      'refundAboveLimit',
      'highValueAccount',
      'customerAsks',
      'legal',
    ]);
  });

  it('fire when unresolved after a duration on the virtual clock', () => {
    const { book, clock } = setup();
    const { id } = book.createTicket({ subject: 'Slow' }, ada);
    clock.advance(4 * 3_600_000 - 1);
    expect(fired(book, id)).toEqual([]);
    clock.advance(1);
    expect(book.evaluateEscalation(id)).toEqual([
      { ruleId: 'unresolvedAfter', reason: 'Unresolved after 14400000 ms', toLevel: null },
    ]);
    book.transition(id, 'open', ada);
    book.transition(id, 'resolved', ada);
    expect(fired(book, id)).toEqual([]);
  });
});

describe('escalate', () => {
  it('raises the level, reassigns, records the reason and emits', () => {
    const { book, clock } = setup();
    const { id } = book.createTicket({ subject: 'Refund', assignee: 'ada', team: 'billing' }, ada);
    book.transition(id, 'open', ada);
    book.update(id, { customFields: { refundAmount: 250 } }, ada);
    const [rule] = book.evaluateEscalation(id);
    const escalated = vi.fn();
    book.events.on('ticket.escalated', escalated);
    clock.advance(10);
    const ticket = book.escalate(
      id,
      { reason: rule!.reason, toLevel: rule!.toLevel ?? undefined, ruleId: rule!.ruleId },
      ada,
    );
    expect(ticket).toMatchObject({
      status: 'escalated',
      level: 'supervisor',
      assignee: null,
      team: 'supervisors',
      escalations: [
        {
          at: clock.now(),
          by: 'ada',
          from: 'agent',
          to: 'supervisor',
          reason: "Refund above the agent's limit of 100",
          ruleId: 'refundAboveLimit',
        },
      ],
    });
    expect(ticket.procedure.escalate?.summary).toBe("Refund above the agent's limit of 100");
    expect(escalated).toHaveBeenCalledWith(
      expect.objectContaining({ fromLevel: 'agent', toLevel: 'supervisor', ticket }),
    );
    expect(book.history(id).at(-1)?.event).toBe('ticket.escalated');

    const higher = book.escalate(id, { reason: 'Still stuck', assignee: 'max' }, ada);
    expect(higher).toMatchObject({ level: 'manager', assignee: 'max', team: 'managers' });
    const before = book.getSnapshot();
    expect(() => book.escalate(id, { reason: 'Top' }, ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => book.escalate(id, { reason: 'Down', toLevel: 'agent' }, ada)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => book.escalate(id, { reason: 'x', toLevel: 'ceo' }, ada)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(book.getSnapshot()).toBe(before);
  });

  it('uses host-configured levels', () => {
    const book = createTicketBook({
      escalation: { levels: [{ id: 'tier1' }, { id: 'tier2', assignee: 'lee' }] },
    });
    const { id } = book.createTicket({ subject: 'x' }, ada);
    expect(book.getSnapshot().tickets.get(id)?.level).toBe('tier1');
    expect(book.escalate(id, { reason: 'hard' }, ada)).toMatchObject({
      level: 'tier2',
      assignee: 'lee',
    });
  });
});
