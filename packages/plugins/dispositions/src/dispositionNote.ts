import type { NoteTemplate, TicketBook } from '@switchboard/core/tickets';
import * as z from 'zod/mini';

/** Where the plugin writes wrap-up notes: a ticket book of `@switchboard/core/tickets`, or alike. */
export type DispositionNotes = Pick<TicketBook, 'addNote'>;

/** Validates the fields of a {@link dispositionNoteTemplate} note. */
export const dispositionNoteFieldsSchema = z.object({
  /** The disposition code, e.g. `resolved`. */
  code: z.string().check(z.minLength(1)),
  /** Its label. */
  label: z.string().check(z.minLength(1)),
  /** Whether it counts as resolved. */
  resolved: z.boolean(),
  /** The contact's queue, if any. */
  queueId: z.nullable(z.string()),
  /** The agent's wrap-up comment, if any. */
  comment: z.optional(z.string().check(z.maxLength(2_000))),
});
/** The fields of a disposition note. */
export type DispositionNoteFields = z.infer<typeof dispositionNoteFieldsSchema>;

/**
 * The note template of the wrap-up note (`disposition`). Register it with the book:
 * `createTicketBook({ noteTemplates: [dispositionNoteTemplate] })`.
 */
export const dispositionNoteTemplate: NoteTemplate<DispositionNoteFields> = {
  id: 'disposition',
  name: 'Disposition',
  fields: dispositionNoteFieldsSchema,
};
