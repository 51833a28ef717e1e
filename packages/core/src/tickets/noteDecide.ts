import { produceWithPatches } from 'immer';
import { SwitchboardError } from '../errors';
import { parseInput } from '../validation';
import { isSupervisor, type Actor } from './actor';
import type { Note, NoteEdit, NoteInput } from './note';
import type { NoteTemplate } from './noteTemplate';
import type { TicketBookEventOf } from './ticketEvents';
import type { TicketChange } from './ticketHistory';
import type { NoteId } from './ticketIds';
import { diffFields } from './ticketDecide';

/** The template `id` among `templates`, or `VALIDATION_FAILED`. */
export function templateOf(templates: ReadonlyMap<string, NoteTemplate>, id: string): NoteTemplate {
  const template = templates.get(id);
  if (template) return template;
  throw new SwitchboardError('VALIDATION_FAILED', `Unknown note template "${id}".`, {
    issues: [{ path: ['template'], message: `Unknown note template "${id}"` }],
    details: { template: id },
  });
}

/** Masks personal data in a note's parsed fields before they are stored. */
export type NoteFieldsRedaction = (fields: Record<string, unknown>) => Record<string, unknown>;

const keepFields: NoteFieldsRedaction = (fields) => fields;

/** Decides a new note: its fields parsed by the template, then redacted. Pure. */
export function decideAddNote(
  id: NoteId,
  input: Required<Pick<NoteInput, 'template' | 'visibility'>> & Omit<NoteInput, 'template'>,
  template: NoteTemplate,
  actor: Actor,
  now: number,
  redact: NoteFieldsRedaction = keepFields,
): TicketBookEventOf<'note.added'>[] {
  const fields = redact(parseInput(template.fields, input.fields, `${template.id} note`));
  const note: Note = {
    id,
    target: input.target,
    template: template.id,
    fields,
    visibility: input.visibility,
    author: actor.id,
    createdAt: now,
    updatedAt: now,
    revisions: [],
  };
  return [{ type: 'note.added', at: now, actor, note }];
}

/**
 * Decides an edit: fields merged into the current ones and validated whole, by the author, a
 * supervisor or an admin only (`PERMISSION_DENIED` otherwise), then redacted. No event when
 * nothing changes.
 */
export function decideEditNote(
  note: Note,
  edit: NoteEdit,
  template: NoteTemplate,
  actor: Actor,
  now: number,
  redact: NoteFieldsRedaction = keepFields,
): TicketBookEventOf<'note.edited'>[] {
  if (note.author !== actor.id && !isSupervisor(actor)) {
    throw new SwitchboardError(
      'PERMISSION_DENIED',
      `Only the author, a supervisor or an admin may edit note ${note.id}.`,
      { details: { noteId: note.id, actor: actor.id } },
    );
  }
  const fields =
    edit.fields === undefined
      ? undefined
      : redact(
          parseInput<Record<string, unknown>>(
            template.fields,
            { ...note.fields, ...edit.fields },
            `${template.id} note`,
          ),
        );
  const diff = fields ? diffFields(note.fields, fields) : { set: [], removed: [] };
  const [, patches] = produceWithPatches(note, (draft) => {
    if (edit.visibility !== undefined) draft.visibility = edit.visibility;
    const current = draft.fields as Record<string, unknown>;
    for (const key of diff.removed) Reflect.deleteProperty(current, key);
    for (const [key, value] of diff.set) current[key] = value;
  });
  if (patches.length === 0) return [];
  const changes: TicketChange[] = [
    ...(patches as TicketChange[]),
    { op: 'replace', path: ['updatedAt'], value: now },
  ];
  return [{ type: 'note.edited', at: now, actor, noteId: note.id, changes }];
}
