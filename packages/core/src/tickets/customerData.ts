import * as z from 'zod/mini';
import { freeze } from 'immer';
import { contactIdSchema } from '../model/ids';
import type { FollowUp } from './followUp';
import type { Note, NoteTarget } from './note';
import {
  followUpScrubRule,
  noteScrubRule,
  scrub,
  scrubChange,
  ticketScrubRule,
  type ScrubRule,
} from './scrub';
import type { Ticket } from './ticket';
import type { TicketBookState } from './ticketBookState';
import type { CustomerErasedEvent, TicketBookEvent } from './ticketEvents';
import { historyEntries, type TicketHistoryEntry, type TicketHistoryLog } from './ticketHistory';
import type { FollowUpId, NoteId, TicketId } from './ticketIds';

/** Validates a {@link CustomerDataRequest}. */
export const customerDataRequestSchema = z.object({
  /** The customer's id, as on their tickets (`ticket.customer.id`) and customer notes. */
  customerId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Contacts of the customer the host knows of (the centre's, the CRM's); their notes count. */
  contactIds: z._default(z.array(contactIdSchema), []),
});
/** Whose data to export or erase: a customer, and the contacts the host knows are theirs. */
export type CustomerDataRequest = z.input<typeof customerDataRequestSchema>;

/** The ids of everything a ticket book holds about one customer. */
export interface CustomerRecords {
  /** Tickets whose customer it is. */
  readonly ticketIds: readonly TicketId[];
  /** Notes on the customer, on those tickets or on the customer's contacts. */
  readonly noteIds: readonly NoteId[];
  /** Follow-ups on the customer, on those tickets or on the customer's contacts. */
  readonly followUpIds: readonly FollowUpId[];
}

/** Everything a ticket book holds about one customer, as plain JSON (access requests). */
export interface CustomerExport extends CustomerRecords {
  /** The customer's id. */
  readonly customerId: string;
  /** The customer's tickets. */
  readonly tickets: readonly Ticket[];
  /** Each of those tickets' history, oldest entry first. */
  readonly history: Readonly<Record<string, readonly TicketHistoryEntry[]>>;
  /** Notes on the customer, on the tickets or on the customer's contacts. */
  readonly notes: readonly Note[];
  /** Follow-ups on the customer, on the tickets or on the customer's contacts. */
  readonly followUps: readonly FollowUp[];
}

type Request = z.output<typeof customerDataRequestSchema>;

/** The ids of everything `state` holds about the customer of `request`. Pure. */
export function findCustomerRecords(state: TicketBookState, request: Request): CustomerRecords {
  const ticketIds = [...state.tickets.values()]
    .filter((ticket) => ticket.customer?.id === request.customerId)
    .map((ticket) => ticket.id);
  const contacts = new Set<string>(request.contactIds);
  for (const id of ticketIds)
    for (const contact of state.tickets.get(id)?.contactIds ?? []) contacts.add(contact);
  const tickets = new Set<string>(ticketIds);
  const concerns = (target: NoteTarget) =>
    (target.kind === 'customer' && target.id === request.customerId) ||
    (target.kind === 'ticket' && tickets.has(target.id)) ||
    (target.kind === 'contact' && contacts.has(target.id));
  return {
    ticketIds,
    noteIds: [...state.notes.values()]
      .filter((note) => concerns(note.target))
      .map((note) => note.id),
    followUpIds: [...state.followUps.values()]
      .filter((followUp) => concerns(followUp.target))
      .map((followUp) => followUp.id),
  };
}

/** Everything `state` holds about the customer of `request`, as plain JSON. Pure. */
export function exportCustomerData(state: TicketBookState, request: Request): CustomerExport {
  const records = findCustomerRecords(state, request);
  const pick = <T>(map: ReadonlyMap<string, T>, ids: readonly string[]) =>
    ids.flatMap((id) => {
      const value = map.get(id);
      return value === undefined ? [] : [value];
    });
  return structuredClone({
    customerId: request.customerId,
    ...records,
    tickets: pick(state.tickets, records.ticketIds),
    history: Object.fromEntries(
      records.ticketIds.map((id) => [id, historyEntries(state.history.get(id))]),
    ),
    notes: pick(state.notes, records.noteIds),
    followUps: pick(state.followUps, records.followUpIds),
  });
}

const withTarget = (rule: ScrubRule, target: NoteTarget): ScrubRule =>
  target.kind === 'customer' && typeof rule === 'object'
    ? { ...rule, target: { id: 'tombstone' } }
    : rule;

const scrubLog = (log: TicketHistoryLog | null, tombstone: string): TicketHistoryLog | null => {
  if (log === null) return null;
  const entry: TicketHistoryEntry = {
    ...log.entry,
    changes: log.entry.changes.map((change) => scrubChange(ticketScrubRule, change, tombstone)),
  };
  return freeze({ entry, previous: scrubLog(log.previous, tombstone), size: log.size }, true);
};

function scrubNote(note: Note, tombstone: string): Note {
  const rule = withTarget(noteScrubRule, note.target);
  const scrubbed = scrub(rule, note, tombstone) as Note;
  return {
    ...scrubbed,
    revisions: note.revisions.map((revision) => ({
      ...revision,
      changes: revision.changes.map((change) => scrubChange(rule, change, tombstone)),
    })),
  };
}

/**
 * Applies a `customer.erased` event: the listed records stay (ids, statuses, times, who acted)
 * so counts and KPIs hold, but every personal value is erased and the customer's id becomes the
 * tombstone. Pure and idempotent.
 */
export function eraseCustomerRecords(
  state: TicketBookState,
  event: CustomerErasedEvent,
): TicketBookState {
  const { tombstone } = event;
  let { tickets, history, notes, followUps } = state;
  for (const id of event.ticketIds) {
    const ticket = tickets.get(id);
    if (ticket)
      tickets = tickets.set(id, freeze(scrub(ticketScrubRule, ticket, tombstone) as Ticket, true));
    const log = history.get(id);
    if (log) history = history.set(id, scrubLog(log, tombstone) as TicketHistoryLog);
  }
  for (const id of event.noteIds) {
    const note = notes.get(id);
    if (note) notes = notes.set(id, freeze(scrubNote(note, tombstone), true));
  }
  for (const id of event.followUpIds) {
    const followUp = followUps.get(id);
    if (!followUp) continue;
    const rule = withTarget(followUpScrubRule, followUp.target);
    followUps = followUps.set(id, freeze(scrub(rule, followUp, tombstone) as FollowUp, true));
  }
  return { tickets, history, notes, followUps };
}

/**
 * A recorded event with the personal data of the erased records scrubbed as
 * {@link eraseCustomerRecords} scrubs the state, so a replay of the scrubbed log gives the
 * same state as the live book after the erasure. Events about other records come back as they are.
 */
export function scrubTicketBookEvent(
  event: TicketBookEvent,
  erased: CustomerErasedEvent,
): TicketBookEvent {
  const { tombstone } = erased;
  const has = (ids: readonly string[], id: string) => ids.includes(id);
  switch (event.type) {
    case 'ticket.created':
      return has(erased.ticketIds, event.ticket.id)
        ? { ...event, ticket: scrub(ticketScrubRule, event.ticket, tombstone) as Ticket }
        : event;
    case 'ticket.updated':
    case 'ticket.statusChanged':
    case 'ticket.escalated':
    case 'ticket.stepCompleted': {
      if (!has(erased.ticketIds, event.ticketId)) return event;
      const changes = event.changes.map((change) =>
        scrubChange(ticketScrubRule, change, tombstone),
      );
      return event.type === 'ticket.escalated'
        ? { ...event, changes, reason: scrub('all', event.reason, tombstone) as string }
        : { ...event, changes };
    }
    case 'note.added':
      return has(erased.noteIds, event.note.id)
        ? { ...event, note: scrubNote(event.note, tombstone) }
        : event;
    case 'note.edited':
      return has(erased.noteIds, event.noteId)
        ? {
            ...event,
            changes: event.changes.map((change) => scrubChange(noteScrubRule, change, tombstone)),
          }
        : event;
    case 'followUp.scheduled':
      return has(erased.followUpIds, event.followUp.id)
        ? {
            ...event,
            followUp: scrub(
              withTarget(followUpScrubRule, event.followUp.target),
              event.followUp,
              tombstone,
            ) as FollowUp,
          }
        : event;
    default:
      return event;
  }
}
