import { freeze, type Draft } from 'immer';
import { applyChanges } from './applyChanges';
import { PersistentMap } from '../store/persistentMap';
import { eraseCustomerRecords } from './customerData';
import type { FollowUp, FollowUpStatus } from './followUp';
import type { Note } from './note';
import type { Ticket } from './ticket';
import type { TicketBookEvent } from './ticketEvents';
import type { TicketChange, TicketHistoryEntry, TicketHistoryLog } from './ticketHistory';
import type { FollowUpId, NoteId, TicketId } from './ticketIds';

/**
 * Everything a ticket book holds, in immutable maps: a change copies O(log n) nodes, so it costs
 * the same with ten tickets or a hundred thousand, and every old snapshot stays valid.
 */
export interface TicketBookState<F extends object = Record<string, unknown>> {
  /** Tickets by id. */
  readonly tickets: PersistentMap<TicketId, Ticket<F>>;
  /** Each ticket's history, newest entry first (`book.history(id)` gives an array). */
  readonly history: PersistentMap<TicketId, TicketHistoryLog>;
  /** Notes by id. */
  readonly notes: PersistentMap<NoteId, Note>;
  /** Follow-ups by id. */
  readonly followUps: PersistentMap<FollowUpId, FollowUp>;
}

/** A book with nothing in it. */
export const emptyTicketBookState: TicketBookState = Object.freeze({
  tickets: PersistentMap.empty<TicketId, Ticket>(),
  history: PersistentMap.empty<TicketId, TicketHistoryLog>(),
  notes: PersistentMap.empty<NoteId, Note>(),
  followUps: PersistentMap.empty<FollowUpId, FollowUp>(),
});

const patch = <T>(value: T, changes: readonly TicketChange[]): T => applyChanges(value, changes);

const append = (previous: TicketHistoryLog | null, entry: TicketHistoryEntry): TicketHistoryLog =>
  Object.freeze({ entry: freeze(entry, true), previous, size: (previous?.size ?? 0) + 1 });

function followUpStatus(
  state: TicketBookState,
  id: FollowUpId,
  status: FollowUpStatus,
  at: number,
): TicketBookState {
  const followUp = state.followUps.get(id);
  if (!followUp) return state;
  const next: FollowUp = freeze(
    { ...followUp, status, completedAt: status === 'completed' ? at : followUp.completedAt },
    true,
  );
  return { ...state, followUps: state.followUps.set(id, next) };
}

/** The ticket events: each changes one ticket and appends to its history. @internal */
export type TicketEvent = Extract<TicketBookEvent, { readonly type: `ticket.${string}` }>;

/** Whether `event` is a ticket event. @internal */
export const isTicketEvent = (event: TicketBookEvent): event is TicketEvent =>
  event.type.startsWith('ticket.');

/** The id of the ticket a ticket event is about. @internal */
export const ticketIdOf = (event: TicketEvent): TicketId =>
  event.type === 'ticket.created' ? event.ticket.id : event.ticketId;

/**
 * What a ticket event makes of its ticket and history: the ticket after it and the history
 * with its entry appended, or `null` when it changes a ticket that does not exist.
 *
 * @internal
 */
export function ticketStep(
  event: TicketEvent,
  ticket: Ticket | undefined,
  log: TicketHistoryLog | undefined,
): readonly [Ticket, TicketHistoryLog] | null {
  if (event.type === 'ticket.created') {
    const entry: TicketHistoryEntry = {
      at: event.at,
      actor: event.actor,
      event: event.type,
      changes: [{ op: 'replace', path: [], value: event.ticket }],
    };
    return [freeze(event.ticket, true), append(null, entry)];
  }
  if (!ticket) return null;
  const entry: TicketHistoryEntry = freeze(
    { at: event.at, actor: event.actor, event: event.type, changes: event.changes },
    true,
  );
  return [patch(ticket, event.changes), append(log ?? null, entry)];
}

/**
 * Applies one event to the book. Pure: replaying the recorded events rebuilds the same state,
 * history included (ticket changes are immer patches, applied with `applyPatches`).
 */
export function evolveTicketBook(state: TicketBookState, event: TicketBookEvent): TicketBookState {
  if (isTicketEvent(event)) {
    const id = ticketIdOf(event);
    const next = ticketStep(event, state.tickets.get(id), state.history.get(id));
    if (!next) return state;
    return {
      ...state,
      tickets: state.tickets.set(id, next[0]),
      history: state.history.set(id, next[1]),
    };
  }
  switch (event.type) {
    case 'note.added':
      return { ...state, notes: state.notes.set(event.note.id, freeze(event.note, true)) };
    case 'note.edited': {
      const note = state.notes.get(event.noteId);
      if (!note) return state;
      const edited = patch(note, event.changes);
      const revision = { at: event.at, actor: event.actor, changes: event.changes };
      const next = freeze({ ...edited, revisions: [...note.revisions, revision] }, true);
      return { ...state, notes: state.notes.set(event.noteId, next) };
    }
    case 'followUp.scheduled':
      return {
        ...state,
        followUps: state.followUps.set(event.followUp.id, freeze(event.followUp, true)),
      };
    case 'followUp.due':
      return followUpStatus(state, event.followUpId, 'due', event.at);
    case 'followUp.overdue':
      return followUpStatus(state, event.followUpId, 'overdue', event.at);
    case 'followUp.completed':
      return followUpStatus(state, event.followUpId, 'completed', event.at);
    case 'customer.erased':
      return eraseCustomerRecords(state, event);
  }
}

/** {@link evolveTicketBook} as a store reducer: the persistent maps are swapped whole. */
export function reduceTicketBook(draft: Draft<TicketBookState>, event: TicketBookEvent): void {
  const state = draft as unknown as TicketBookState;
  const next = evolveTicketBook(state, event);
  if (next !== state) Object.assign(draft, next);
}
