import type { NoteTemplate, TicketBook } from '@switchboard/core/tickets';
import { portSchema } from '@switchboard/core';
import * as z from 'zod/mini';
import type { ScriptRunView } from './scriptRunner';

/** Where the plugin writes notes: a ticket book of `@switchboard/core/tickets`, or anything alike. */
export type NotesPort = Pick<TicketBook, 'addNote' | 'editNote'>;

/** Validates a {@link NotesPort}. */
export const notesPortSchema = portSchema<NotesPort>(
  ['addNote', 'editNote'],
  'a notes port with addNote and editNote (a ticket book)',
);

/** Validates the fields of a {@link callScriptNoteTemplate} note. */
export const scriptNoteFieldsSchema = z.object({
  /** The script's name. */
  script: z.string().check(z.minLength(1)),
  /** `inProgress` until the script reached its end. */
  status: z.enum(['inProgress', 'finished']),
  /** Each answered step: its title and the answer, as text. */
  steps: z.array(
    z.object({
      /** The step's title. */
      step: z.string(),
      /** The answer, as text. */
      answer: z.string(),
    }),
  ),
});
/** The fields of a call-script note. */
export type ScriptNoteFields = z.infer<typeof scriptNoteFieldsSchema>;

/**
 * The note template the plugin writes progress with (`callScript`). Register it with the book:
 * `createTicketBook({ noteTemplates: [callScriptNoteTemplate] })`.
 */
export const callScriptNoteTemplate: NoteTemplate<ScriptNoteFields> = {
  id: 'callScript',
  name: 'Call script progress',
  fields: scriptNoteFieldsSchema,
};

/** The note fields of a run. */
export function noteFieldsOf(view: ScriptRunView): ScriptNoteFields {
  return {
    script: view.scriptName,
    status: view.finished ? 'finished' : 'inProgress',
    steps: view.path.map((entry) => ({ step: entry.title, answer: String(entry.answer) })),
  };
}
