import type { Contact, Customer } from '@switchboard/core';
import type { CrmCapabilities } from './capabilities';
import type { InteractionInput, LoggedInteraction } from './interaction';
import type { CustomerLookup } from './lookup';
import type { CrmNote, CrmNoteInput } from './note';
import type { CrmTicket, CrmTicketChanges, CrmTicketInput, TicketQuery } from './ticket';

/** Options of every write. */
export interface WriteOptions {
  /**
   * Makes the write effective once however often it is retried: the same key never creates a
   * second record. The outbox sets one per entry.
   */
  readonly idempotencyKey?: string;
  /** Aborts the write (the outbox aborts in-flight writes on dispose). */
  readonly signal?: AbortSignal;
}

/** Options of every read. */
export interface ReadOptions {
  /** Aborts the read. */
  readonly signal?: AbortSignal;
}

/** What {@link CrmAdapter.screenPop} found for a contact. */
export interface ScreenPop {
  /** The customer, when the CRM knows them. */
  readonly customer: Customer | null;
  /** Their recent interactions, newest first (empty without `history`). */
  readonly history: readonly LoggedInteraction[];
  /** Their open tickets (empty without `tickets`). */
  readonly openTickets: readonly CrmTicket[];
  /** A link to the customer's record in the CRM's own UI, when the adapter can build one. */
  readonly url: string | null;
}

/**
 * One CRM behind one interface. Every method validates its input (zod) and returns the core's
 * model types; failures are {@link CrmError}s. Methods a CRM lacks (see `capabilities`) reject
 * with `UNSUPPORTED`.
 */
export interface CrmAdapter {
  /** The adapter's id, e.g. `hubspot`. */
  readonly id: string;
  /** What this CRM supports. */
  readonly capabilities: CrmCapabilities;
  /** The customer matching a phone (E.164-normalised), email or id; `null` when none does. */
  findCustomer(lookup: CustomerLookup, options?: ReadOptions): Promise<Customer | null>;
  /** Creates the customer, or updates the one with the same `id` (or email, then phone). */
  upsertCustomer(customer: Customer, options?: WriteOptions): Promise<Customer>;
  /** Everything an agent wants on screen when `contact` is offered. */
  screenPop(contact: Contact, options?: ReadOptions): Promise<ScreenPop>;
  /** The customer's past interactions, newest first. */
  getHistory(customerId: string, options?: ReadOptions): Promise<LoggedInteraction[]>;
  /** Logs a finished contact (with its disposition) against the customer. */
  logInteraction(record: InteractionInput, options?: WriteOptions): Promise<LoggedInteraction>;
  /** Creates a ticket. */
  createTicket(input: CrmTicketInput, options?: WriteOptions): Promise<CrmTicket>;
  /** Changes a ticket's fields. */
  updateTicket(id: string, changes: CrmTicketChanges, options?: WriteOptions): Promise<CrmTicket>;
  /** Adds a note to a ticket, customer or interaction. */
  addNote(input: CrmNoteInput, options?: WriteOptions): Promise<CrmNote>;
  /** Tickets matching the query, newest first. */
  searchTickets(query: TicketQuery, options?: ReadOptions): Promise<CrmTicket[]>;
}
