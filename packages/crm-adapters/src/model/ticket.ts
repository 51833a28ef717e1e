import { customerIdSchema } from '@switchboard/core';
import { ticketPrioritySchema, ticketStatuses } from '@switchboard/core/tickets';
import * as z from 'zod/mini';

/** Validates a {@link CrmTicketStatus}: the core's ticket statuses. */
export const crmTicketStatusSchema = z.enum(ticketStatuses);
/** A ticket's status in the core's words; adapters map it to and from the vendor's. */
export type CrmTicketStatus = z.infer<typeof crmTicketStatusSchema>;

const editable = {
  /** One line saying what the ticket is about. */
  subject: z.string().check(z.minLength(1), z.maxLength(500)),
  /** The problem in words. */
  description: z.string().check(z.maxLength(60_000)),
  /** How urgent it is. */
  priority: ticketPrioritySchema,
  /** Workflow status. */
  status: crmTicketStatusSchema,
  /** Vendor fields set through the adapter's field mapping (keys are ours, not the vendor's). */
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
};

/** Validates a {@link CrmTicketInput}. */
export const crmTicketInputSchema = z.object({
  /** One line saying what the ticket is about. */
  subject: editable.subject,
  /** The problem in words; empty by default. */
  description: z._default(editable.description, ''),
  /** How urgent it is; `normal` by default. */
  priority: z._default(editable.priority, 'normal'),
  /** Workflow status; `new` by default. */
  status: z._default(editable.status, 'new'),
  /** The customer it concerns (CRM id), if known. */
  customerId: z._default(z.nullable(customerIdSchema), null),
  /** The Switchboard contact it came from, if any. */
  contactId: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** Custom fields, by the names of the adapter's field mapping. */
  customFields: z._default(editable.customFields, {}),
});
/** A ticket to create in the CRM (defaults not yet applied). */
export type CrmTicketInput = z.input<typeof crmTicketInputSchema>;
/** A ticket to create, defaults applied. */
export type CrmTicketDraft = z.infer<typeof crmTicketInputSchema>;

/** Validates {@link CrmTicketChanges}: the fields an update sets; absent ones stay as they are. */
export const crmTicketChangesSchema = z.partial(z.object(editable));
/** What a host passes to update a CRM ticket. */
export type CrmTicketChanges = z.infer<typeof crmTicketChangesSchema>;

/** Validates a {@link CrmTicket}. */
export const crmTicketSchema = z.object({
  /** The ticket's id in the CRM. */
  id: z.string().check(z.minLength(1)),
  /** One line saying what it is about. */
  subject: z.string(),
  /** The problem in words. */
  description: z.string(),
  /** Workflow status, in the core's words. */
  status: crmTicketStatusSchema,
  /** Priority, in the core's words. */
  priority: ticketPrioritySchema,
  /** The customer it concerns (CRM id), if known. */
  customerId: z.nullable(z.string()),
});
/** A ticket as the CRM keeps it, in the core's words. */
export type CrmTicket = z.infer<typeof crmTicketSchema>;

/** Validates a {@link TicketQuery}. */
export const ticketQuerySchema = z.object({
  /** Only this customer's tickets. */
  customerId: z.optional(z.string().check(z.minLength(1))),
  /** Only tickets in these statuses. */
  status: z.optional(z.array(crmTicketStatusSchema)),
  /** At most this many, newest first; 20 by default. */
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), 20),
});
/** Which tickets {@link CrmAdapter.searchTickets} returns. */
export type TicketQuery = z.input<typeof ticketQuerySchema>;
