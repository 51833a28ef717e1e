import { SwitchboardError } from '../errors';
import type { TicketBookState } from './ticketBookState';
import type { TicketBookEvent } from './ticketEvents';

/** Throws `NOT_FOUND` for a `what` with `id`. */
export function notFound(what: string, id: string): never {
  throw new SwitchboardError('NOT_FOUND', `No ${what} "${id}".`, { details: { [what]: id } });
}

/** Emits `event` on the bus with the ticket, note or follow-up it concerns after the change. */
export function emitWithState(
  emit: (name: string, payload: Record<string, unknown>) => void,
  event: TicketBookEvent,
  state: TicketBookState,
): void {
  const { type, ...payload } = event;
  if (event.type === 'customer.erased') {
    emit(type, payload);
  } else if ('ticketId' in event) {
    emit(type, { ...payload, ticket: state.tickets.get(event.ticketId) });
  } else if ('noteId' in event) {
    emit(type, { ...payload, note: state.notes.get(event.noteId) });
  } else if ('followUpId' in event) {
    emit(type, { ...payload, followUp: state.followUps.get(event.followUpId) });
  } else if (event.type === 'ticket.created') {
    emit(type, { ...payload, ticket: state.tickets.get(event.ticket.id) });
  } else if (event.type === 'note.added') {
    emit(type, { ...payload, note: state.notes.get(event.note.id) });
  } else {
    emit(type, { ...payload, followUp: state.followUps.get(event.followUp.id) });
  }
}
