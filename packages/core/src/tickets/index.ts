// The public API of `@switchboard/core/tickets`: tickets, notes, escalation and follow-ups.
// A separate entry point, so the main entry's bundle does not grow. Named exports only.
export { createTicketBook } from './createTicketBook';
export type { TicketBook } from './ticketBook';
export {
  contactRefSchema,
  escalateInputSchema,
  stepInputSchema,
  ticketBookSettingsSchema,
} from './ticketBookOptions';
export type { ContactRef, EscalateInput, StepInput, TicketBookOptions } from './ticketBookOptions';
export { actorSchema, isSupervisor } from './actor';
export type { Actor } from './actor';
export { followUpIdSchema, noteIdSchema, ticketIdSchema } from './ticketIds';
export type { FollowUpId, NoteId, TicketId } from './ticketIds';
export { assertTransition, canTransition, ticketStatuses, ticketTransitions } from './ticketStatus';
export type { TicketStatus } from './ticketStatus';
export {
  resolutionStepSchema,
  resolutionSteps,
  ticketChangesSchema,
  ticketInputSchema,
  ticketPriorities,
  ticketPrioritySchema,
  ticketSlaSchema,
} from './ticket';
export type {
  EscalationRecord,
  ResolutionStep,
  StepRecord,
  Ticket,
  TicketChanges,
  TicketInput,
  TicketPriority,
  TicketSla,
} from './ticket';
export { historyEntries } from './ticketHistory';
export type { TicketChange, TicketHistoryEntry, TicketHistoryLog } from './ticketHistory';
export type {
  ActedEventBase,
  CustomerErasedEvent,
  FollowUpCompletedEvent,
  FollowUpScheduledEvent,
  FollowUpDueEvent,
  FollowUpOverdueEvent,
  NoteAddedEvent,
  NoteEditedEvent,
  TicketBookEvent,
  TicketBookEventBase,
  TicketBookEventOf,
  TicketBookEvents,
  TicketBookPayload,
  TicketChangeEventBase,
  TicketCreatedEvent,
  TicketEscalatedEvent,
  TicketStatusChangedEvent,
  TicketStepCompletedEvent,
  TicketUpdatedEvent,
  WithFollowUp,
  WithNote,
  WithTicket,
} from './ticketEvents';
export { emptyTicketBookState, evolveTicketBook, reduceTicketBook } from './ticketBookState';
export type { TicketBookState } from './ticketBookState';
export { noteEditSchema, noteInputSchema, noteTargetSchema, noteVisibilitySchema } from './note';
export type { Note, NoteEdit, NoteInput, NoteRevision, NoteTarget, NoteVisibility } from './note';
export { defineNoteTemplate, standardNoteFieldsSchema, standardNoteTemplate } from './noteTemplate';
export type { NoteTemplate, StandardNoteFields } from './noteTemplate';
export {
  customerAsks,
  defaultEscalationLevels,
  defineEscalationRule,
  escalationLevelSchema,
  evaluateEscalationRules,
  highValueAccount,
  refundAboveLimit,
  unresolvedAfter,
} from './escalation';
export type {
  BuiltInRuleOptions,
  EscalationContext,
  EscalationLevel,
  EscalationRule,
  FiredEscalationRule,
} from './escalation';
export { followUpInputSchema } from './followUp';
export type { FollowUp, FollowUpCall, FollowUpInput, FollowUpStatus } from './followUp';
export {
  customerDataRequestSchema,
  eraseCustomerRecords,
  exportCustomerData,
  findCustomerRecords,
  scrubTicketBookEvent,
} from './customerData';
export type { CustomerDataRequest, CustomerExport, CustomerRecords } from './customerData';
export { erasedText } from './scrub';
