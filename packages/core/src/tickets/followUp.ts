import * as z from 'zod/mini';
import { noteTargetSchema, type NoteTarget } from './note';
import type { FollowUpId } from './ticketIds';

/** Validates a {@link FollowUpInput}. */
export const followUpInputSchema = z.object({
  /** What to follow up: a ticket, a contact or a customer. */
  target: noteTargetSchema,
  /** When it is due (ms since epoch, on the book's clock). */
  dueAt: z.number(),
  /** What to do. */
  description: z._default(z.string().check(z.maxLength(10_000)), ''),
  /** Who should do it; the actor by default. */
  assignee: z.optional(z.string().check(z.minLength(1))),
  /** For a callback: the number and the customer's time zone, checked by the calling policy. */
  call: z.optional(
    z.object({
      /** The number to call. */
      phone: z.string().check(z.minLength(1)),
      /** The customer's IANA time zone; the policy's default when absent. */
      timeZone: z.optional(z.string()),
    }),
  ),
});
/** What a host passes to schedule a follow-up. */
export type FollowUpInput = z.input<typeof followUpInputSchema>;

/** Whom a callback follow-up calls. */
export interface FollowUpCall {
  /** The number to call. */
  readonly phone: string;
  /** The customer's IANA time zone, if known. */
  readonly timeZone?: string;
}

/** `scheduled` → `due` (at `dueAt`) → `overdue` (after the grace period); `completed` from any. */
export type FollowUpStatus = 'scheduled' | 'due' | 'overdue' | 'completed';

/** Something to do again later, with a due time. */
export interface FollowUp {
  /** Unique id. */
  readonly id: FollowUpId;
  /** What it concerns. */
  readonly target: NoteTarget;
  /** When it is due (ms since epoch). */
  readonly dueAt: number;
  /** What to do. */
  readonly description: string;
  /** Who should do it. */
  readonly assignee: string;
  /** For a callback: whom to call (its due time lies in the customer's calling hours). */
  readonly call?: FollowUpCall;
  /** Where it stands. */
  readonly status: FollowUpStatus;
  /** Who scheduled it. */
  readonly createdBy: string;
  /** When it was scheduled. */
  readonly createdAt: number;
  /** When it was completed, or `null`. */
  readonly completedAt: number | null;
}
