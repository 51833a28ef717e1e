import { bench, describe } from 'vitest';
import type { CustomerId } from '../model/ids';
import { createMemoryStorage } from '../ports/storage';
import type { Ticket } from '../tickets/ticket';
import type { TicketBookEvent } from '../tickets/ticketEvents';
import type { TicketId } from '../tickets/ticketIds';
import { emptyProcedure } from '../tickets/ticketDecide';
import { openEventLog } from './eventLog';
import { replay } from './snapshots';
import { ticketBookEventSchema, ticketBookProjection } from './ticketBookProjection';

// Replay of 1,000,000 stored ticket-book events: 100,000 tickets, each created and then changed
// nine times (priority, status or a custom field, with immer patches), read from memory storage
// (envelopes, schema check) and folded into a book state. Run:
// pnpm exec vitest bench --run packages/core/src/history (the mean is the time of one replay).
const TICKETS = 100_000;
const CHANGES = 9;
const actor = { id: 'ada', roles: ['agent' as const] };
const start = Date.UTC(2026, 0, 5);

function events(): TicketBookEvent[] {
  const all: TicketBookEvent[] = [];
  for (let n = 0; n < TICKETS; n += 1) {
    const id = `t-${n}` as TicketId;
    const at = start + n * 1_000;
    const ticket: Ticket = {
      id,
      subject: `Ticket ${n}`,
      description: '',
      status: 'new',
      priority: 'normal',
      customer: { id: `cus-${n % 20_000}` as CustomerId, attributes: {} },
      contactIds: [],
      assignee: null,
      team: null,
      tags: [],
      dueAt: null,
      sla: null,
      customFields: {},
      level: 'agent',
      escalations: [],
      procedure: emptyProcedure(),
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
      statusSince: at,
    };
    all.push({ type: 'ticket.created', at, actor, ticket });
  }
  for (let round = 0; round < CHANGES; round += 1) {
    for (let n = 0; n < TICKETS; n += 1) {
      const at = start + TICKETS * 1_000 + (round * TICKETS + n) * 10;
      const ticketId = `t-${n}` as TicketId;
      const change =
        round % 3 === 0
          ? { op: 'replace' as const, path: ['priority'], value: round % 2 ? 'high' : 'low' }
          : { op: 'add' as const, path: ['customFields', `f${round}`], value: round };
      all.push({
        type: 'ticket.updated',
        at,
        actor,
        ticketId,
        changes: [change, { op: 'replace', path: ['updatedAt'], value: at }],
      });
    }
  }
  return all;
}

const storage = createMemoryStorage();
const log = await openEventLog({ storage, schema: ticketBookEventSchema, name: 'bench' });
await log.append(events());

describe(`replay of ${log.size().toLocaleString('en')} events`, () => {
  bench(
    'read from memory storage and fold into a ticket book state',
    async () => {
      const { seq, state } = await replay(log, ticketBookProjection);
      if (seq !== TICKETS * (CHANGES + 1) || state.tickets.size !== TICKETS)
        throw new TypeError('bad replay');
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
