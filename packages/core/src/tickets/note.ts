import * as z from 'zod/mini';
import type { Actor } from './actor';
import type { TicketChange } from './ticketHistory';
import type { NoteId } from './ticketIds';

/** Validates a {@link NoteTarget}. */
export const noteTargetSchema = z.object({
  /** What the note (or follow-up) is attached to. */
  kind: z.enum(['ticket', 'contact', 'customer']),
  /** The id of the ticket, contact or customer. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});
/** What a note or follow-up is attached to: a ticket, a contact or a customer. */
export type NoteTarget = z.infer<typeof noteTargetSchema>;

/** Validates a {@link NoteVisibility}. */
export const noteVisibilitySchema = z.enum(['private', 'public']);
/** `private`: for staff only; `public`: may be shown to the customer. */
export type NoteVisibility = z.infer<typeof noteVisibilitySchema>;

/** Validates a {@link NoteInput}. */
export const noteInputSchema = z.object({
  /** What the note is attached to. */
  target: noteTargetSchema,
  /** The template the fields follow; `standard` by default. */
  template: z._default(z.string().check(z.minLength(1)), 'standard'),
  /** The note's content, validated against the template. */
  fields: z.record(z.string(), z.unknown()),
  /** Who may see it; `private` by default. */
  visibility: z._default(noteVisibilitySchema, 'private'),
});
/** What a host passes to add a note. */
export type NoteInput = z.input<typeof noteInputSchema>;

/** Validates {@link NoteEdit}. */
export const noteEditSchema = z.object({
  /** Fields to change, merged into the current ones and validated against the template. */
  fields: z.optional(z.record(z.string(), z.unknown())),
  /** The new visibility. */
  visibility: z.optional(noteVisibilitySchema),
});
/** What a host passes to edit a note. */
export type NoteEdit = z.input<typeof noteEditSchema>;

/** One edit of a note. */
export interface NoteRevision {
  /** When (ms since epoch). */
  readonly at: number;
  /** Who edited. */
  readonly actor: Actor;
  /** What changed, as immer patches relative to the note. */
  readonly changes: readonly TicketChange[];
}

/** A note on a ticket, contact or customer. */
export interface Note {
  /** Unique id. */
  readonly id: NoteId;
  /** What it is attached to. */
  readonly target: NoteTarget;
  /** The template its fields follow. */
  readonly template: string;
  /** Its content, as parsed by the template. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Who may see it. */
  readonly visibility: NoteVisibility;
  /** Who wrote it. */
  readonly author: string;
  /** When it was written (ms since epoch). */
  readonly createdAt: number;
  /** When it was last edited. */
  readonly updatedAt: number;
  /** Every edit, oldest first. */
  readonly revisions: readonly NoteRevision[];
}
