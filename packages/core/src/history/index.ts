// The public API of `@switchboard/core/history`: durable, append-only event logs on the Storage
// port, schema versions with migrations, snapshots and replay, and a ticket book on history.
// A separate entry point, so the main entry's bundle does not grow. Named exports only.
export { defineEventSchema } from './eventSchema';
export type { EventMigration, EventSchema, StoredEvent } from './eventSchema';
export { openEventLog } from './eventLog';
export type { EventLog, EventLogOptions, LoggedEvent } from './eventLog';
export { defineProjection } from './projection';
export type { Projection, ProjectionBuilder } from './projection';
export { loadSnapshot, replay, saveSnapshot } from './snapshots';
export type { Snapshot } from './snapshots';
export { ticketBookEventSchema, ticketBookProjection } from './ticketBookProjection';
export { openTicketBook } from './openTicketBook';
export type {
  CustomerHistoryExport,
  PersistentTicketBook,
  TicketBookHistoryOptions,
} from './openTicketBook';
export { createMemoryStorage, namespaceStorage } from '../ports/storage';
export type { Storage } from '../ports/storage';
export {
  attachLog,
  contactErasureRequestSchema,
  eraseCustomerContacts,
  exportCustomerContacts,
} from './contactLog';
export type {
  ContactErasureRequest,
  EventSource,
  LoggedContact,
  LoggedDomainEvent,
} from './contactLog';
export { centerEventSchema, centerProjection } from './centerProjection';
export { openCenterHistory } from './openCenterHistory';
export type {
  CenterCustomerExport,
  CenterHistory,
  CenterHistoryOptions,
} from './openCenterHistory';
