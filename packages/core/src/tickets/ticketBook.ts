import type { EventBus, Unsubscribe } from '../events/eventBus';
import type { CustomerDataRequest, CustomerExport } from './customerData';
import type { Actor } from './actor';
import type { EscalationLevel, FiredEscalationRule } from './escalation';
import type { FollowUp, FollowUpInput } from './followUp';
import type { Note, NoteEdit, NoteInput } from './note';
import type { NoteTemplate } from './noteTemplate';
import type { Ticket, TicketChanges, TicketInput } from './ticket';
import type { EscalateInput, ContactRef, StepInput } from './ticketBookOptions';
import type { TicketBookState } from './ticketBookState';
import type { CustomerErasedEvent, TicketBookEvents } from './ticketEvents';
import type { TicketHistoryEntry } from './ticketHistory';
import type { TicketStatus } from './ticketStatus';

/**
 * Tickets, notes and follow-ups with their workflow, escalation and history. Every write names
 * its {@link Actor}, is validated, and either changes the book and emits events or throws a
 * `SwitchboardError` and changes nothing. `F` is the shape of the host's custom fields.
 */
export interface TicketBook<F extends object = Record<string, unknown>> {
  /** The current frozen state; the same object until something changes. */
  getSnapshot: () => TicketBookState<F>;
  /** Calls `listener` after every change (fits React's `useSyncExternalStore`). */
  subscribe: (listener: () => void) => Unsubscribe;
  /** Every event of the book, typed. */
  readonly events: Pick<EventBus<TicketBookEvents<F>>, 'on' | 'once' | 'onAny'>;
  /** The escalation ladder in force, lowest first. */
  readonly levels: readonly EscalationLevel[];
  /** The note templates by id, `standard` included. */
  readonly noteTemplates: ReadonlyMap<string, NoteTemplate>;
  /** Creates a ticket (status `new`). */
  createTicket(input: TicketInput, actor: Actor): Ticket<F>;
  /**
   * Creates a ticket from a contact in one call: links the contact, copies its customer and,
   * without a `subject`, takes the contact's `subject` attribute or names the channel.
   */
  createFromContact(contact: ContactRef, input: Partial<TicketInput>, actor: Actor): Ticket<F>;
  /** Changes fields of a ticket; custom fields are merged and validated. Refused when closed. */
  update(ticketId: string, changes: TicketChanges, actor: Actor): Ticket<F>;
  /** Moves a ticket in the workflow (see `ticketTransitions`); `escalated` goes through `escalate`. */
  transition(ticketId: string, status: TicketStatus, actor: Actor): Ticket<F>;
  /** Escalates: raises the level, reassigns, records the reason, emits `ticket.escalated`. */
  escalate(ticketId: string, input: EscalateInput, actor: Actor): Ticket<F>;
  /** The escalation rules that fire for a ticket now (does not escalate). */
  evaluateEscalation(ticketId: string): FiredEscalationRule[];
  /** Records a completed step of the resolution procedure. */
  completeStep(ticketId: string, input: StepInput, actor: Actor): Ticket<F>;
  /** The ticket's history, oldest first: who changed what, and when. */
  history(ticketId: string): readonly TicketHistoryEntry[];
  /** Adds a note validated against its template (`standard` by default). */
  addNote(input: NoteInput, actor: Actor): Note;
  /** Edits a note (its author, a supervisor or an admin); the edit is kept in `revisions`. */
  editNote(noteId: string, edit: NoteEdit, actor: Actor): Note;
  /** The notes on a ticket, contact or customer, oldest first. */
  notesOf(target: Note['target']): Note[];
  /** Schedules a follow-up: `followUp.due` at `dueAt`, `followUp.overdue` after the grace period. */
  scheduleFollowUp(input: FollowUpInput, actor: Actor): FollowUp;
  /** Completes a follow-up and cancels its timers. */
  completeFollowUp(followUpId: string, actor: Actor): FollowUp;
  /**
   * Everything the book holds about one customer (their tickets with history, and the notes and
   * follow-ups on the customer, those tickets or the customer's contacts), as plain JSON.
   */
  exportCustomer(request: CustomerDataRequest): CustomerExport;
  /**
   * Erases a customer's data: the records stay as tombstones (ids, statuses, times) so counts
   * hold, every personal value is erased and the customer's id becomes a new tombstone id.
   * Emits and returns `customer.erased`. A history log must also scrub what it stored (see
   * `@switchboard/core/history`).
   */
  eraseCustomer(request: CustomerDataRequest, actor: Actor): CustomerErasedEvent;
  /** Cancels every timer; the book refuses writes afterwards (`DISPOSED`). */
  dispose(): void;
}
