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
});
/** What a host passes to schedule a follow-up. */
export type FollowUpInput = z.input<typeof followUpInputSchema>;

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
  /** Where it stands. */
  readonly status: FollowUpStatus;
  /** Who scheduled it. */
  readonly createdBy: string;
  /** When it was scheduled. */
  readonly createdAt: number;
  /** When it was completed, or `null`. */
  readonly completedAt: number | null;
}
