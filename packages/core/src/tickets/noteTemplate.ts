import * as z from 'zod/mini';
import type { Validator } from '../validation';

/** A kind of note and the fields it must carry. */
export interface NoteTemplate<T extends object = Record<string, unknown>> {
  /** Unique id, referenced by `addNote({ template })`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Validates the note's fields (a zod or zod/mini object schema). */
  readonly fields: Validator<T>;
}

/**
 * Declares a {@link NoteTemplate}; register it with `createTicketBook({ noteTemplates })`.
 *
 * @example
 * ```ts
 * const callback = defineNoteTemplate({
 *   id: 'callback',
 *   name: 'Callback request',
 *   fields: z.object({ phone: z.string(), window: z.string() }),
 * });
 * ```
 */
export function defineNoteTemplate<T extends object>(template: NoteTemplate<T>): NoteTemplate<T> {
  return template;
}

const text = z.string().check(z.minLength(1), z.maxLength(10_000));

/** The fields of the {@link standardNoteTemplate}. */
export const standardNoteFieldsSchema = z.object({
  /** Who the customer is (name or id). */
  customer: text,
  /** The customer's account, if any. */
  account: z.optional(text),
  /** Why the customer got in touch. */
  reasonForContact: text,
  /** What the agent did. */
  stepsTaken: text,
  /** How it was resolved, if it was. */
  resolution: z.optional(text),
  /** What happens next. */
  nextAction: z.optional(text),
  /** When to follow up, as an ISO date (`2026-01-31`). */
  followUpDate: z.optional(z.iso.date()),
});
/** The fields of a note written with the {@link standardNoteTemplate}. */
export type StandardNoteFields = z.infer<typeof standardNoteFieldsSchema>;

/**
 * The default note template, `standard`: customer, reason for contact and steps taken are
 * required; account, resolution, next action and follow-up date are optional.
 */
export const standardNoteTemplate: NoteTemplate<StandardNoteFields> = defineNoteTemplate({
  id: 'standard',
  name: 'Standard interaction note',
  fields: standardNoteFieldsSchema,
});
