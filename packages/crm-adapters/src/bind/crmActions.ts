import {
  defineAction,
  type ActionDefinition,
  type ActionSignature,
  type Customer,
} from '@switchboard/core';
import * as z from 'zod/mini';
import type { CrmAdapter } from '../model/crmAdapter';
import { customerLookupSchema, type CustomerLookup } from '../model/lookup';
import { crmNoteInputSchema, type CrmNote } from '../model/note';
import {
  crmTicketChangesSchema,
  crmTicketInputSchema,
  ticketQuerySchema,
  type CrmTicket,
  type TicketQuery,
} from '../model/ticket';
import type { OutboxWriteInput } from '../outbox/outboxEntry';

const key = z.optional(z.string().check(z.minLength(1), z.maxLength(200)));

/** Validates a {@link CrmTicketRequest}. */
export const crmTicketRequestSchema = z.extend(crmTicketInputSchema, {
  /** The write's idempotency key: sending the same request again never makes a second ticket. */
  key,
});
/**
 * The payload of `crm.createTicket`: a ticket, and optionally its key. Without `customerId`, a
 * ticket about a contact (`contactId`) goes to the customer that contact's screen pop found.
 */
export type CrmTicketRequest = z.input<typeof crmTicketRequestSchema>;

/** Validates a {@link CrmTicketUpdate}. */
export const crmTicketUpdateSchema = z.object({
  /** The ticket's id in the CRM. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The fields to set. */
  changes: crmTicketChangesSchema,
  /** The write's idempotency key. */
  key,
});
/** The payload of `crm.updateTicket`. */
export type CrmTicketUpdate = z.input<typeof crmTicketUpdateSchema>;

/** Validates a {@link CrmNoteRequest}. */
export const crmNoteRequestSchema = z.extend(crmNoteInputSchema, {
  /** The write's idempotency key. */
  key,
});
/** The payload of `crm.addNote`: a note, and optionally its key. */
export type CrmNoteRequest = z.input<typeof crmNoteRequestSchema>;

/** What a CRM write action resolves with. */
export interface CrmWriteReceipt<T> {
  /** The write's idempotency key (the given one or a new one); its outbox entry's key. */
  readonly key: string;
  /**
   * The record the CRM returned, or `null` when the write was queued in the outbox (it is
   * delivered later; follow `outbox.delivered`).
   */
  readonly record: T | null;
}

declare module '@switchboard/core' {
  interface SwitchboardActions {
    /** Find a customer in the CRM by phone, email or id. */
    'crm.findCustomer': ActionSignature<CustomerLookup, Customer | null>;
    /** Search CRM tickets. */
    'crm.searchTickets': ActionSignature<TicketQuery, CrmTicket[]>;
    /** Create a CRM ticket (through the outbox when the binding has one). */
    'crm.createTicket': ActionSignature<CrmTicketRequest, CrmWriteReceipt<CrmTicket>>;
    /** Update a CRM ticket (through the outbox when the binding has one). */
    'crm.updateTicket': ActionSignature<CrmTicketUpdate, CrmWriteReceipt<CrmTicket>>;
    /** Add a note in the CRM (through the outbox when the binding has one). */
    'crm.addNote': ActionSignature<CrmNoteRequest, CrmWriteReceipt<CrmNote>>;
  }
}

/** What the CRM actions need from their binding. */
export interface CrmActionHost {
  /** The adapter reads go to. */
  readonly adapter: CrmAdapter;
  /** Sends or enqueues a write under `key`; resolves with the record, or `null` when queued. */
  readonly write: (
    write: OutboxWriteInput,
    key: string | undefined,
  ) => Promise<CrmWriteReceipt<unknown>>;
  /** The customer id the screen pop of a contact found, if any. */
  readonly customerOf: (contactId: string) => string | null;
}

const options = { roles: ['agent', 'supervisor'] as const, sensitive: true };

/**
 * The desk actions of a CRM binding, open to agents and supervisors, all marked `sensitive`
 * (customer data): `crm.findCustomer`, `crm.searchTickets`, and the writes `crm.createTicket`,
 * `crm.updateTicket`, `crm.addNote`, which go through the binding's outbox when it has one.
 */
export function crmActions(host: CrmActionHost): ActionDefinition[] {
  const receipt = <T>(sent: CrmWriteReceipt<unknown>) => sent as CrmWriteReceipt<T>;
  return [
    defineAction({
      name: 'crm.findCustomer',
      schema: customerLookupSchema,
      ...options,
      run: (lookup) => host.adapter.findCustomer(lookup),
    }),
    defineAction({
      name: 'crm.searchTickets',
      schema: ticketQuerySchema,
      ...options,
      run: (query) => host.adapter.searchTickets(query),
    }),
    defineAction({
      name: 'crm.createTicket',
      schema: crmTicketRequestSchema,
      ...options,
      run: async ({ key: given, ...ticket }) => {
        const customerId =
          ticket.customerId ??
          (ticket.contactId === null ? null : host.customerOf(ticket.contactId));
        return receipt<CrmTicket>(
          await host.write({ op: 'createTicket', ticket: { ...ticket, customerId } }, given),
        );
      },
    }),
    defineAction({
      name: 'crm.updateTicket',
      schema: crmTicketUpdateSchema,
      ...options,
      run: async ({ id, changes, key: given }) =>
        receipt<CrmTicket>(await host.write({ op: 'updateTicket', id, changes }, given)),
    }),
    defineAction({
      name: 'crm.addNote',
      schema: crmNoteRequestSchema,
      ...options,
      run: async ({ key: given, ...note }) =>
        receipt<CrmNote>(await host.write({ op: 'addNote', note }, given)),
    }),
  ] as ActionDefinition[];
}
