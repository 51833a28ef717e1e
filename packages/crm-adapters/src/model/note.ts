import * as z from 'zod/mini';

/** Validates a {@link CrmNoteInput}. */
export const crmNoteInputSchema = z.object({
  /** What the note is attached to: a ticket, a customer or a logged interaction (CRM ids). */
  target: z.object({
    /** The kind of record. */
    kind: z.enum(['ticket', 'customer', 'interaction']),
    /** Its id in the CRM. */
    id: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  /** The note's text. */
  body: z.string().check(z.minLength(1), z.maxLength(60_000)),
  /** `private` (staff only, the default) or `public` (may be shown to the customer). */
  visibility: z._default(z.enum(['private', 'public']), 'private'),
});
/** A note to add in the CRM (defaults not yet applied). */
export type CrmNoteInput = z.input<typeof crmNoteInputSchema>;
/** A note to add, defaults applied. */
export type CrmNoteDraft = z.infer<typeof crmNoteInputSchema>;

/** Validates a {@link CrmNote}. */
export const crmNoteSchema = z.object({
  /** The note's id in the CRM. */
  id: z.string().check(z.minLength(1)),
  /** The note's text. */
  body: z.string(),
});
/** A note as the CRM keeps it. */
export type CrmNote = z.infer<typeof crmNoteSchema>;
