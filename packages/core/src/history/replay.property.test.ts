import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createMemoryStorage } from '../ports/storage';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from '../tickets/actor';
import { ticketStatuses } from '../tickets/ticketStatus';
import { openEventLog } from './eventLog';
import { openTicketBook } from './openTicketBook';
import { replay } from './snapshots';
import { ticketBookEventSchema, ticketBookProjection } from './ticketBookProjection';

// Random command sequences on a ticket book on history: the live state, the state a reload
// restores (snapshot + the events after it) and a full replay of the log are deep-equal.
const ada: Actor = { id: 'ada', roles: ['agent'] };
const sam: Actor = { id: 'sam', roles: ['supervisor'] };
const text = fc.constantFrom('Parcel lost', 'card 4242 4242 4242 4242', 'ada@example.com', 'ok');

const command = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      customer: fc.nat(2),
      subject: text,
    }),
  },
  fc.record({
    kind: fc.constant('transition' as const),
    ticket: fc.nat(3),
    to: fc.constantFrom(...ticketStatuses),
  }),
  fc.record({ kind: fc.constant('escalate' as const), ticket: fc.nat(3) }),
  fc.record({
    kind: fc.constant('update' as const),
    ticket: fc.nat(3),
    subject: text,
    amount: fc.nat(500),
  }),
  fc.record({ kind: fc.constant('step' as const), ticket: fc.nat(3), summary: text }),
  fc.record({ kind: fc.constant('note' as const), ticket: fc.nat(3), steps: text }),
  fc.record({ kind: fc.constant('editNote' as const), note: fc.nat(3), resolution: text }),
  fc.record({ kind: fc.constant('followUp' as const), ticket: fc.nat(3), inMs: fc.nat(7_200_000) }),
  fc.record({ kind: fc.constant('complete' as const), followUp: fc.nat(3) }),
  fc.record({ kind: fc.constant('erase' as const), customer: fc.nat(2) }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(3_600_000) }),
);

/** The `n`th of `list`, wrapping, so that commands mostly name an existing record. */
const nth = (list: readonly string[], n: number) => list[n % Math.max(list.length, 1)];

test.prop([fc.array(command, { minLength: 10, maxLength: 50 }), fc.nat(12)], { numRuns: 60 })(
  'live state deep-equals the reloaded and the fully replayed state',
  async (commands, snapshotEvery) => {
    const storage = createMemoryStorage();
    const clock = createVirtualClock();
    let next = 0;
    const createId = () => `id${++next}`;
    const live = await openTicketBook({ storage, clock, createId, snapshotEvery });
    const { book } = live;
    const ids = { tickets: [] as string[], notes: [] as string[], followUps: [] as string[] };
    for (const cmd of commands) {
      const ticket = 'ticket' in cmd ? nth(ids.tickets, cmd.ticket) : undefined;
      try {
        switch (cmd.kind) {
          case 'create':
            ids.tickets.push(
              book.createTicket(
                {
                  subject: cmd.subject,
                  customer: { id: `cus-${cmd.customer}`, phone: '+33123456789' },
                },
                ada,
              ).id,
            );
            break;
          case 'transition':
            if (ticket) book.transition(ticket, cmd.to, ada);
            break;
          case 'escalate':
            if (ticket) book.escalate(ticket, { reason: 'customer asks' }, ada);
            break;
          case 'update':
            if (ticket)
              book.update(
                ticket,
                { subject: cmd.subject, customFields: { amount: cmd.amount } },
                ada,
              );
            break;
          case 'step':
            if (ticket) book.completeStep(ticket, { step: 'define', summary: cmd.summary }, ada);
            break;
          case 'note':
            if (ticket) {
              const fields = {
                customer: 'Grace',
                reasonForContact: 'Refund',
                stepsTaken: cmd.steps,
              };
              ids.notes.push(
                book.addNote({ target: { kind: 'ticket', id: ticket }, fields }, ada).id,
              );
            }
            break;
          case 'editNote': {
            const note = nth(ids.notes, cmd.note);
            if (note) book.editNote(note, { fields: { resolution: cmd.resolution } }, sam);
            break;
          }
          case 'followUp':
            if (ticket) {
              const input = {
                target: { kind: 'ticket' as const, id: ticket },
                dueAt: clock.now() + cmd.inMs,
              };
              ids.followUps.push(book.scheduleFollowUp(input, ada).id);
            }
            break;
          case 'complete': {
            const followUp = nth(ids.followUps, cmd.followUp);
            if (followUp) book.completeFollowUp(followUp, ada);
            break;
          }
          case 'erase':
            await live.eraseCustomer({ customerId: `cus-${cmd.customer}` }, sam);
            break;
          case 'snapshot':
            await live.snapshot();
            break;
          case 'wait':
            clock.advance(cmd.ms);
            break;
        }
      } catch (error) {
        if (!(error instanceof Error && 'code' in error)) throw error;
      }
    }
    await live.close();
    const state = ticketBookProjection.encode(book.getSnapshot());

    const reloaded = await openTicketBook({ storage, clock, createId });
    expect(ticketBookProjection.encode(reloaded.book.getSnapshot())).toEqual(state);
    reloaded.book.dispose();

    const log = await openEventLog({ storage, schema: ticketBookEventSchema, name: 'tickets' });
    const full = await replay(log, ticketBookProjection);
    expect(ticketBookProjection.encode(full.state)).toEqual(state);
  },
);
