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

/**
 * Applies one event to the book. Pure: replaying the recorded events rebuilds the same state,
 * history included (ticket changes are immer patches, applied with `applyPatches`).
 */
export function evolveTicketBook(state: TicketBookState, event: TicketBookEvent): TicketBookState {
  switch (event.type) {
    case 'ticket.created': {
      const entry: TicketHistoryEntry = {
        at: event.at,
        actor: event.actor,
        event: event.type,
        changes: [{ op: 'replace', path: [], value: event.ticket }],
      };
      return {
        ...state,
        tickets: state.tickets.set(event.ticket.id, freeze(event.ticket, true)),
        history: state.history.set(event.ticket.id, append(null, entry)),
      };
    }
    case 'ticket.updated':
    case 'ticket.statusChanged':
    case 'ticket.escalated':
    case 'ticket.stepCompleted': {
      const ticket = state.tickets.get(event.ticketId);
      if (!ticket) return state;
      const entry: TicketHistoryEntry = freeze(
        { at: event.at, actor: event.actor, event: event.type, changes: event.changes },
        true,
      );
      return {
        ...state,
        tickets: state.tickets.set(event.ticketId, patch(ticket, event.changes)),
        history: state.history.set(
          event.ticketId,
          append(state.history.get(event.ticketId) ?? null, entry),
        ),
      };
    }
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
