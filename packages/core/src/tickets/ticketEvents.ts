import type { Actor } from './actor';
import type { FollowUp } from './followUp';
import type { Note } from './note';
import type { Ticket } from './ticket';
import type { TicketChange } from './ticketHistory';
import type { FollowUpId, NoteId, TicketId } from './ticketIds';
import type { TicketStatus } from './ticketStatus';

/** What every ticket-book event carries. */
export interface TicketBookEventBase {
  /** When it happened (ms since epoch, on the book's clock). */
  readonly at: number;
}

/** What every event caused by a user carries. */
export interface ActedEventBase extends TicketBookEventBase {
  /** Who acted. */
  readonly actor: Actor;
}

/** What every change of a ticket carries. */
export interface TicketChangeEventBase extends ActedEventBase {
  /** The ticket. */
  readonly ticketId: TicketId;
  /** What changed, as patches relative to the ticket. */
  readonly changes: readonly TicketChange[];
}

/** A ticket was created. */
export interface TicketCreatedEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'ticket.created';
  /** The new ticket. */
  readonly ticket: Ticket;
}

/** Fields of a ticket changed. */
export interface TicketUpdatedEvent extends TicketChangeEventBase {
  /** The event's name. */
  readonly type: 'ticket.updated';
}

/** A ticket moved in the workflow. */
export interface TicketStatusChangedEvent extends TicketChangeEventBase {
  /** The event's name. */
  readonly type: 'ticket.statusChanged';
  /** The status before. */
  readonly from: TicketStatus;
  /** The status after. */
  readonly to: TicketStatus;
}

/** A ticket was escalated. */
export interface TicketEscalatedEvent extends TicketChangeEventBase {
  /** The event's name. */
  readonly type: 'ticket.escalated';
  /** The level before. */
  readonly fromLevel: string;
  /** The level after. */
  readonly toLevel: string;
  /** Why. */
  readonly reason: string;
}

/** A step of the resolution procedure was completed. */
export interface TicketStepCompletedEvent extends TicketChangeEventBase {
  /** The event's name. */
  readonly type: 'ticket.stepCompleted';
  /** The step. */
  readonly step: string;
}

/** A note was added. */
export interface NoteAddedEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'note.added';
  /** The new note. */
  readonly note: Note;
}

/** A note was edited. */
export interface NoteEditedEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'note.edited';
  /** The note. */
  readonly noteId: NoteId;
  /** What changed, as patches relative to the note. */
  readonly changes: readonly TicketChange[];
}

/** A follow-up was scheduled. */
export interface FollowUpScheduledEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'followUp.scheduled';
  /** The new follow-up. */
  readonly followUp: FollowUp;
}

/** A follow-up reached its due time. */
export interface FollowUpDueEvent extends TicketBookEventBase {
  /** The event's name. */
  readonly type: 'followUp.due';
  /** The follow-up. */
  readonly followUpId: FollowUpId;
}

/** A follow-up is still open after its grace period. */
export interface FollowUpOverdueEvent extends TicketBookEventBase {
  /** The event's name. */
  readonly type: 'followUp.overdue';
  /** The follow-up. */
  readonly followUpId: FollowUpId;
}

/** A follow-up was completed. */
export interface FollowUpCompletedEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'followUp.completed';
  /** The follow-up. */
  readonly followUpId: FollowUpId;
}

/**
 * A customer's data was erased (access and erasure requests). The records stay as tombstones
 * (ids, statuses, times) with every personal value erased; the event itself names no customer.
 */
export interface CustomerErasedEvent extends ActedEventBase {
  /** The event's name. */
  readonly type: 'customer.erased';
  /** What the customer's id became on the erased records. */
  readonly tombstone: string;
  /** The erased tickets. */
  readonly ticketIds: readonly TicketId[];
  /** The erased notes. */
  readonly noteIds: readonly NoteId[];
  /** The erased follow-ups. */
  readonly followUpIds: readonly FollowUpId[];
}

/**
 * The facts the ticket book records; its state is these events reduced in order (see
 * `evolveTicketBook`). The event bus delivers each with the ticket, note or follow-up after it.
 */
export type TicketBookEvent =
  | TicketCreatedEvent
  | TicketUpdatedEvent
  | TicketStatusChangedEvent
  | TicketEscalatedEvent
  | TicketStepCompletedEvent
  | NoteAddedEvent
  | NoteEditedEvent
  | FollowUpScheduledEvent
  | FollowUpDueEvent
  | FollowUpOverdueEvent
  | FollowUpCompletedEvent
  | CustomerErasedEvent;

/** The recorded event of type `K`. */
export type TicketBookEventOf<K extends TicketBookEvent['type']> = Extract<
  TicketBookEvent,
  Record<'type', K>
>;

/** The payload of event `K` on the bus: the recorded event without `type`, plus `Extra`. */
export type TicketBookPayload<K extends TicketBookEvent['type'], Extra> = Omit<
  TicketBookEventOf<K>,
  'type' | keyof Extra
> &
  Extra;

/** The ticket after the change, on every `ticket.*` payload. */
export interface WithTicket<F extends object> {
  /** The ticket after the change. */
  readonly ticket: Ticket<F>;
}
/** The note after the change. */
export interface WithNote {
  /** The note after the change. */
  readonly note: Note;
}
/** The follow-up after the change. */
export interface WithFollowUp {
  /** The follow-up after the change. */
  readonly followUp: FollowUp;
}

/**
 * The events of a ticket book by name, for `book.events.on(name, listener)`. Each payload is the
 * recorded event (without `type`) plus the ticket, note or follow-up after it.
 */
export interface TicketBookEvents<F extends object = Record<string, unknown>> {
  /** A ticket was created (by hand or from a contact). */
  'ticket.created': TicketBookPayload<'ticket.created', WithTicket<F>>;
  /** Fields of a ticket changed through `update`. */
  'ticket.updated': TicketBookPayload<'ticket.updated', WithTicket<F>>;
  /** A ticket moved in the workflow (escalation aside). */
  'ticket.statusChanged': TicketBookPayload<'ticket.statusChanged', WithTicket<F>>;
  /** A ticket was escalated: reassigned, reason recorded. */
  'ticket.escalated': TicketBookPayload<'ticket.escalated', WithTicket<F>>;
  /** A step of the resolution procedure was completed. */
  'ticket.stepCompleted': TicketBookPayload<'ticket.stepCompleted', WithTicket<F>>;
  /** A note was added. */
  'note.added': TicketBookPayload<'note.added', WithNote>;
  /** A note was edited. */
  'note.edited': TicketBookPayload<'note.edited', WithNote>;
  /** A follow-up was scheduled. */
  'followUp.scheduled': TicketBookPayload<'followUp.scheduled', WithFollowUp>;
  /** A follow-up reached its due time. */
  'followUp.due': TicketBookPayload<'followUp.due', WithFollowUp>;
  /** A follow-up is still open after its grace period. */
  'followUp.overdue': TicketBookPayload<'followUp.overdue', WithFollowUp>;
  /** A follow-up was completed. */
  'followUp.completed': TicketBookPayload<'followUp.completed', WithFollowUp>;
  /** A customer's data was erased; the listed records are tombstones now. */
  'customer.erased': TicketBookPayload<'customer.erased', object>;
}
