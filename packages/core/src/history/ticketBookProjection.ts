import { freeze } from 'immer';
import { PersistentMap } from '../store/persistentMap';
import type { FollowUp } from '../tickets/followUp';
import type { Note } from '../tickets/note';
import type { Ticket } from '../tickets/ticket';
import {
  emptyTicketBookState,
  evolveTicketBook,
  isTicketEvent,
  ticketIdOf,
  ticketStep,
  type TicketBookState,
} from '../tickets/ticketBookState';
import type { TicketBookEvent } from '../tickets/ticketEvents';
import {
  historyEntries,
  type TicketHistoryEntry,
  type TicketHistoryLog,
} from '../tickets/ticketHistory';
import type { TicketId } from '../tickets/ticketIds';
import { defineEventSchema } from './eventSchema';
import { defineProjection, type ProjectionBuilder } from './projection';

/**
 * The schema of stored ticket-book events. Version 1 is the shape of `TicketBookEvent` today;
 * a change of that shape bumps the version and adds the migration from the one before.
 */
export const ticketBookEventSchema = defineEventSchema<TicketBookEvent>({ version: 1 });

interface EncodedTicketBook {
  readonly tickets: readonly Ticket[];
  readonly history: readonly (readonly [TicketId, readonly TicketHistoryEntry[]])[];
  readonly notes: readonly Note[];
  readonly followUps: readonly FollowUp[];
}

const logOf = (entries: readonly TicketHistoryEntry[]): TicketHistoryLog | null =>
  entries.reduce<TicketHistoryLog | null>(
    (previous, entry) =>
      Object.freeze({ entry: freeze(entry, true), previous, size: (previous?.size ?? 0) + 1 }),
    null,
  );

/**
 * Folds ticket-book events as `evolveTicketBook` does, keeping the tickets they change (and their
 * histories) in plain maps until the result or another kind of event is asked for: a replay then
 * sets each ticket once in the persistent maps instead of once per event.
 */
function ticketBookBuilder(
  start: TicketBookState,
): ProjectionBuilder<TicketBookState, TicketBookEvent> {
  let state = start;
  const tickets = new Map<TicketId, Ticket>();
  const history = new Map<TicketId, TicketHistoryLog>();
  const write = () => {
    if (tickets.size === 0) return;
    let { tickets: byId, history: logs } = state;
    for (const [id, ticket] of tickets) byId = byId.set(id, ticket);
    for (const [id, log] of history) logs = logs.set(id, log);
    state = { ...state, tickets: byId, history: logs };
    tickets.clear();
    history.clear();
  };
  return {
    add(event) {
      if (!isTicketEvent(event)) {
        write();
        state = evolveTicketBook(state, event);
        return;
      }
      const id = ticketIdOf(event);
      const next = ticketStep(
        event,
        tickets.get(id) ?? state.tickets.get(id),
        history.get(id) ?? state.history.get(id),
      );
      if (!next) return;
      tickets.set(id, next[0]);
      history.set(id, next[1]);
    },
    result() {
      write();
      return state;
    },
  };
}

/** A ticket book's state as a {@link Projection} of its events (snapshot format version 1). */
export const ticketBookProjection = defineProjection<TicketBookState, TicketBookEvent>({
  version: 1,
  initial: emptyTicketBookState,
  evolve: evolveTicketBook,
  builder: ticketBookBuilder,
  encode: (state): EncodedTicketBook => ({
    tickets: [...state.tickets.values()],
    history: [...state.history.entries()].map(([id, log]) => [id, historyEntries(log)] as const),
    notes: [...state.notes.values()],
    followUps: [...state.followUps.values()],
  }),
  decode(json) {
    const encoded = json as EncodedTicketBook;
    const byId = <T extends { readonly id: string }>(items: readonly T[]) =>
      PersistentMap.from(items.map((item) => [item.id, freeze(item, true)] as const));
    return Object.freeze({
      tickets: byId(encoded.tickets) as TicketBookState['tickets'],
      history: PersistentMap.from(
        encoded.history.map(([id, entries]) => [id, logOf(entries) as TicketHistoryLog] as const),
      ),
      notes: byId(encoded.notes) as TicketBookState['notes'],
      followUps: byId(encoded.followUps) as TicketBookState['followUps'],
    });
  },
});
