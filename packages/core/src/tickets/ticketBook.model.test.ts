import { fc, test } from '@fast-check/vitest';
import { applyPatches, type Patch } from 'immer';
import { expect } from 'vitest';
import { isSwitchboardError } from '../errors';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';
import { defaultEscalationLevels } from './escalation';
import { ticketPriorities } from './ticket';
import { ticketStatuses, type TicketStatus } from './ticketStatus';

const ada: Actor = { id: 'ada', roles: ['agent'] };

// The documented status table, written out here so that the model does not take the book's own
// table for the truth (`canTransition` was the oracle, and any change of the table passed).
const allowedMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'escalated', 'closed'],
  open: ['pending', 'escalated', 'resolved'],
  pending: ['open', 'escalated', 'resolved'],
  escalated: ['open', 'pending', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
const canMove = (from: TicketStatus, to: TicketStatus) => allowedMoves[from].includes(to);

const command = fc.oneof(
  fc.record({ kind: fc.constant('create' as const) }),
  fc.record({
    kind: fc.constant('transition' as const),
    ticket: fc.nat(4),
    to: fc.constantFrom(...ticketStatuses),
  }),
  fc.record({ kind: fc.constant('escalate' as const), ticket: fc.nat(4) }),
  fc.record({
    kind: fc.constant('priority' as const),
    ticket: fc.nat(4),
    to: fc.constantFrom(...ticketPriorities),
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(100_000) }),
);

interface Model {
  status: TicketStatus;
  level: number;
  changes: number;
}

test.prop([fc.array(command, { minLength: 20, maxLength: 60 })])(
  'random operations follow the status table, refused ones change nothing, history replays',
  (commands) => {
    const clock = createVirtualClock();
    let next = 0;
    const book = createTicketBook({ clock, createId: () => `t${++next}` });
    const model: Model[] = [];
    for (const cmd of commands) {
      if (cmd.kind === 'wait') {
        clock.advance(cmd.ms);
        continue;
      }
      if (cmd.kind === 'create') {
        book.createTicket({ subject: `Ticket ${model.length}` }, ada);
        model.push({ status: 'new', level: 0, changes: 1 });
        continue;
      }
      // Wrapping the index makes every command after the first create name a ticket.
      const index = cmd.ticket % Math.max(model.length, 1);
      const expected = model[index];
      if (!expected) continue;
      const id = `t${index + 1}`;
      const before = book.getSnapshot();
      const current = before.tickets.get(id)!;
      let allowed: boolean;
      let apply: () => void;
      if (cmd.kind === 'transition') {
        allowed = cmd.to !== 'escalated' && canMove(expected.status, cmd.to);
        apply = () => book.transition(id, cmd.to, ada);
      } else if (cmd.kind === 'escalate') {
        allowed =
          (expected.status === 'escalated' || canMove(expected.status, 'escalated')) &&
          expected.level < defaultEscalationLevels.length - 1;
        apply = () => book.escalate(id, { reason: 'model' }, ada);
      } else {
        allowed = expected.status !== 'closed';
        apply = () => book.update(id, { priority: cmd.to }, ada);
      }
      try {
        apply();
      } catch (error) {
        expect(allowed).toBe(false);
        expect(isSwitchboardError(error, 'INVALID_TRANSITION')).toBe(true);
        expect(book.getSnapshot()).toBe(before);
        continue;
      }
      expect(allowed).toBe(true);
      if (cmd.kind === 'transition') expected.status = cmd.to;
      if (cmd.kind === 'escalate') {
        expected.status = 'escalated';
        expected.level += 1;
      }
      if (cmd.kind !== 'priority' || current.priority !== cmd.to) expected.changes += 1;
    }
    model.forEach((expected, index) => {
      const id = `t${index + 1}`;
      const ticket = book.getSnapshot().tickets.get(id)!;
      expect(ticket.status).toBe(expected.status);
      expect(ticket.level).toBe(defaultEscalationLevels[expected.level]!.id);
      const history = book.history(id);
      expect(history).toHaveLength(expected.changes);
      const replayed = history.reduce<unknown>(
        (state, entry) => applyPatches(state as object, entry.changes as Patch[]),
        {},
      );
      expect(replayed).toEqual(ticket);
    });
  },
);
