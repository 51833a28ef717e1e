import { customerSchema } from '@switchboard/core';
import * as z from 'zod/mini';
import { crmErrorCodes } from '../errors';
import { interactionRecordSchema } from '../model/interaction';
import { crmNoteInputSchema } from '../model/note';
import { crmTicketChangesSchema, crmTicketInputSchema } from '../model/ticket';

/** Validates an {@link OutboxWrite}. */
export const outboxWriteSchema = z.discriminatedUnion('op', [
  z.object({
    /** Create or update a customer. */
    op: z.literal('upsertCustomer'),
    /** The customer. */
    customer: customerSchema,
  }),
  z.object({
    /** Log a finished contact. */
    op: z.literal('logInteraction'),
    /** The interaction. */
    record: interactionRecordSchema,
  }),
  z.object({
    /** Create a ticket. */
    op: z.literal('createTicket'),
    /** The ticket. */
    ticket: crmTicketInputSchema,
  }),
  z.object({
    /** Change a ticket. */
    op: z.literal('updateTicket'),
    /** The ticket's CRM id. */
    id: z.string().check(z.minLength(1)),
    /** The changes. */
    changes: crmTicketChangesSchema,
  }),
  z.object({
    /** Add a note. */
    op: z.literal('addNote'),
    /** The note. */
    note: crmNoteInputSchema,
  }),
]);
/** One CRM write, as the outbox keeps it (defaults applied). */
export type OutboxWrite = z.infer<typeof outboxWriteSchema>;
/** One CRM write, as a host enqueues it. */
export type OutboxWriteInput = z.input<typeof outboxWriteSchema>;

/** Validates an {@link OutboxEntry}. */
export const outboxEntrySchema = z.object({
  /** The idempotency key: the same key never makes a second record in the CRM. */
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Enqueue order (ms since epoch, then a counter). */
  seq: z.number(),
  /** The write. */
  write: outboxWriteSchema,
  /** When it was enqueued (ms since epoch). */
  enqueuedAt: z.number(),
  /** Failed attempts so far. */
  attempts: z.int().check(z.nonnegative()),
  /** Not before this time (ms since epoch) is it tried again. */
  nextAttemptAt: z.number(),
  /** The last failure, if any. */
  lastError: z.nullable(
    z.object({
      /** The `CrmError` code. */
      code: z.enum(Object.keys(crmErrorCodes) as [keyof typeof crmErrorCodes]),
      /** Its message. */
      message: z.string(),
    }),
  ),
  /** Whether it failed for good (a dead letter) and waits for `replay`. */
  dead: z.boolean(),
});
/** One write waiting in the outbox, or dead-lettered. */
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
