// The public API of @switchboard/crm-adapters: named exports only.

// Errors
export { CrmError, crmErrorCodes, isCrmError, isTransient } from './errors';
export type { CrmErrorCode, CrmErrorOptions, CrmIssue } from './errors';

// Model
export type { CrmCapabilities } from './model/capabilities';
export type { CrmAdapter, ReadOptions, ScreenPop, WriteOptions } from './model/crmAdapter';
export { defineCrmAdapter } from './model/defineCrmAdapter';
export type { CrmAdapterImplementation, TicketSearch } from './model/defineCrmAdapter';
export { interactionRecordSchema, loggedInteractionSchema } from './model/interaction';
export type { InteractionInput, InteractionRecord, LoggedInteraction } from './model/interaction';
export { customerLookupSchema } from './model/lookup';
export type { CustomerLookup } from './model/lookup';
export { crmNoteInputSchema, crmNoteSchema } from './model/note';
export type { CrmNote, CrmNoteDraft, CrmNoteInput } from './model/note';
export {
  crmTicketChangesSchema,
  crmTicketInputSchema,
  crmTicketSchema,
  crmTicketStatusSchema,
  ticketQuerySchema,
} from './model/ticket';
export type {
  CrmTicket,
  CrmTicketChanges,
  CrmTicketDraft,
  CrmTicketInput,
  CrmTicketStatus,
  TicketQuery,
} from './model/ticket';
export { toE164 } from './phone';
export type { DefaultCountry } from './phone';

// Adapters
export { createMemoryCrm } from './adapters/memory';
export type {
  MemoryCrm,
  MemoryCrmOptions,
  MemoryCrmState,
  MemoryInteraction,
  MemoryNote,
} from './adapters/memory';

// HTTP
export { retryPolicySchema } from './http/backoff';
export type { RetryPolicy } from './http/backoff';
export { createHttpClient } from './http/httpClient';
export type { HttpClient, HttpClientOptions } from './http/httpClient';
export type {
  HttpRequest,
  HttpResponse,
  RateLimitSignal,
  TokenProvider,
  VendorDialect,
} from './http/httpTypes';
export { createRateLimiter, rateLimitSchema } from './http/rateLimiter';
export type { RateLimit, RateLimiter } from './http/rateLimiter';

// Outbox
export { createOutbox } from './outbox/createOutbox';
export type { DrainLocks } from './outbox/drainLock';
export { outboxEntrySchema, outboxWriteSchema } from './outbox/outboxEntry';
export type { OutboxEntry, OutboxWrite, OutboxWriteInput } from './outbox/outboxEntry';
export type {
  Outbox,
  OutboxEvents,
  OutboxFailure,
  OutboxOptions,
  OutboxStatus,
} from './outbox/outboxTypes';

// Field mapping and vendor options (used by the vendor entries)
export { fieldMappingSchema } from './mapping/fieldMapping';
export type { CustomFieldValue, FieldMapping, VendorRef } from './mapping/fieldMapping';
export type { VendorOptions } from './adapters/vendorOptions';

// Desk binding
export { bindCrm, crmBindingPlugin } from './bind/bindCrm';
export {
  crmActions,
  crmNoteRequestSchema,
  crmTicketRequestSchema,
  crmTicketUpdateSchema,
} from './bind/crmActions';
export type {
  CrmActionHost,
  CrmNoteRequest,
  CrmTicketRequest,
  CrmTicketUpdate,
  CrmWriteReceipt,
} from './bind/crmActions';
export type { BindCrmOptions, CrmBinding, CrmBindingSnapshot } from './bind/bindCrm';
export type { CrmPopState } from './bind/popState';
