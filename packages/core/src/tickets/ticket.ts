import * as z from 'zod/mini';
import { customerSchema, type Customer } from '../model/customer';
import { agentIdSchema, contactIdSchema, type ContactId } from '../model/ids';
import type { Actor } from './actor';
import { ticketIdSchema, type TicketId } from './ticketIds';
import type { TicketStatus } from './ticketStatus';

/** Every ticket priority, lowest first. */
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** Validates a {@link TicketPriority}. */
export const ticketPrioritySchema = z.enum(ticketPriorities);
/** How urgent a ticket is. */
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

/**
 * The resolution procedure, in order: 1 listen and define the problem, 2 formulate solutions,
 * 3 implement, 4 verify and close, 5 escalate to a supervisor when the issue exceeds the agent's
 * authority or involves a high-value account.
 */
export const resolutionSteps = ['define', 'formulate', 'implement', 'verify', 'escalate'] as const;
/** Validates a {@link ResolutionStep}. */
export const resolutionStepSchema = z.enum(resolutionSteps);
/** One step of the resolution procedure. */
export type ResolutionStep = z.infer<typeof resolutionStepSchema>;

/** A completed step of the resolution procedure. */
export interface StepRecord {
  /** When it was completed (ms since epoch). */
  readonly at: number;
  /** Who completed it. */
  readonly by: string;
  /** What was done or found. */
  readonly summary: string;
}

/** Validates a {@link TicketSla}. */
export const ticketSlaSchema = z.object({
  /** The name of the service-level policy, e.g. `gold-4h`. */
  policy: z.string().check(z.minLength(1)),
  /** When the first response is due (ms since epoch), if the policy sets one. */
  respondBy: z._default(z.nullable(z.number()), null),
  /** When the resolution is due (ms since epoch), if the policy sets one. */
  resolveBy: z._default(z.nullable(z.number()), null),
});
/** The service level a ticket is held to. */
export type TicketSla = z.infer<typeof ticketSlaSchema>;

const tag = z.string().check(z.minLength(1), z.maxLength(100));

/** The fields a host may set on create and change on update (custom fields aside). */
const editableFields = {
  /** One line saying what the ticket is about. */
  subject: z.string().check(z.minLength(1), z.maxLength(500)),
  /** The problem in the customer's and agent's words. */
  description: z.string().check(z.maxLength(100_000)),
  /** How urgent it is. */
  priority: ticketPrioritySchema,
  /** The customer it concerns, if known. */
  customer: z.nullable(customerSchema),
  /** Contacts (calls, chats, emails) about it. */
  contactIds: z.array(contactIdSchema),
  /** The agent who owns it. */
  assignee: z.nullable(agentIdSchema),
  /** The team that owns it. */
  team: z.nullable(z.string().check(z.minLength(1))),
  /** Free labels. */
  tags: z.array(tag),
  /** When it should be resolved (ms since epoch). */
  dueAt: z.nullable(z.number()),
  /** The service level it is held to. */
  sla: z.nullable(ticketSlaSchema),
  /** Host-declared fields, validated by the book's `customFields` schema on every write. */
  customFields: z.record(z.string(), z.unknown()),
};

/** Validates a {@link TicketInput}: what a host passes to create a ticket. */
export const ticketInputSchema = z.object({
  /** The ticket's id; generated when absent. */
  id: z.optional(ticketIdSchema),
  /** One line saying what the ticket is about. */
  subject: editableFields.subject,
  /** The problem in the customer's and agent's words; empty by default. */
  description: z._default(editableFields.description, ''),
  /** How urgent it is; `normal` by default. */
  priority: z._default(editableFields.priority, 'normal'),
  /** The customer it concerns, if known. */
  customer: z._default(editableFields.customer, null),
  /** Contacts about it. */
  contactIds: z._default(editableFields.contactIds, []),
  /** The agent who owns it. */
  assignee: z._default(editableFields.assignee, null),
  /** The team that owns it. */
  team: z._default(editableFields.team, null),
  /** Free labels. */
  tags: z._default(editableFields.tags, []),
  /** When it should be resolved (ms since epoch). */
  dueAt: z._default(editableFields.dueAt, null),
  /** The service level it is held to. */
  sla: z._default(editableFields.sla, null),
  /** Host-declared fields; validated by the book's `customFields` schema. */
  customFields: z._default(editableFields.customFields, {}),
});
/** What a host passes to create a ticket (defaults not yet applied). */
export type TicketInput = z.input<typeof ticketInputSchema>;

/**
 * Validates {@link TicketChanges}: the fields an update sets. Absent fields stay as they are;
 * `customFields` are merged into the current ones (a key set to `undefined` is removed) and the
 * result is validated as a whole.
 */
export const ticketChangesSchema = z.partial(z.object(editableFields));
/** What a host passes to update a ticket. */
export type TicketChanges = z.input<typeof ticketChangesSchema>;

/** One escalation of a ticket. */
export interface EscalationRecord {
  /** When it happened (ms since epoch). */
  readonly at: number;
  /** Who escalated. */
  readonly by: string;
  /** The level before. */
  readonly from: string;
  /** The level after. */
  readonly to: string;
  /** Why, in words. */
  readonly reason: string;
  /** The escalation rule that called for it, if any. */
  readonly ruleId: string | null;
}

/**
 * A ticket: a customer's issue tracked to resolution. `F` is the shape of the host's custom
 * fields. Tickets are immutable; every change makes a new one and a history entry.
 */
export interface Ticket<F extends object = Record<string, unknown>> {
  /** Unique id. */
  readonly id: TicketId;
  /** One line saying what it is about. */
  readonly subject: string;
  /** The problem in words. */
  readonly description: string;
  /** Workflow status. */
  readonly status: TicketStatus;
  /** How urgent it is. */
  readonly priority: TicketPriority;
  /** The customer it concerns, if known. */
  readonly customer: Customer | null;
  /** Contacts about it. */
  readonly contactIds: readonly ContactId[];
  /** The agent who owns it. */
  readonly assignee: string | null;
  /** The team that owns it. */
  readonly team: string | null;
  /** Free labels. */
  readonly tags: readonly string[];
  /** When it should be resolved (ms since epoch). */
  readonly dueAt: number | null;
  /** The service level it is held to. */
  readonly sla: TicketSla | null;
  /** Host-declared fields, as parsed by the book's `customFields` schema. */
  readonly customFields: F;
  /** The escalation level it is at (the first configured level until escalated). */
  readonly level: string;
  /** Every escalation, oldest first. */
  readonly escalations: readonly EscalationRecord[];
  /** The resolution procedure: each step's record once completed, `null` before. */
  readonly procedure: Readonly<Record<ResolutionStep, StepRecord | null>>;
  /** Who created it. */
  readonly createdBy: Actor['id'];
  /** When it was created (ms since epoch). */
  readonly createdAt: number;
  /** When it last changed. */
  readonly updatedAt: number;
  /** When it entered its current status. */
  readonly statusSince: number;
}
