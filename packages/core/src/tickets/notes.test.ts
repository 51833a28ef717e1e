import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';
import { defineNoteTemplate } from './noteTemplate';

const ada: Actor = { id: 'ada', roles: ['agent'] };
const bob: Actor = { id: 'bob', roles: ['agent'] };
const sam: Actor = { id: 'sam', roles: ['supervisor'] };

const standard = {
  customer: 'Grace Hopper',
  reasonForContact: 'Card declined',
  stepsTaken: 'Checked the card',
};

function setup() {
  const clock = createVirtualClock();
  const book = createTicketBook({
    clock,
    noteTemplates: [
      defineNoteTemplate({
        id: 'callback',
        name: 'Callback',
        fields: z.object({ phone: z.string() }),
      }),
    ],
  });
  return { clock, book };
}

describe('notes', () => {
  it('validates against the standard template by default: required fields', () => {
    const { book } = setup();
    const before = book.getSnapshot();
    let caught: { code?: string; issues?: readonly { path: readonly PropertyKey[] }[] } = {};
    try {
      book.addNote({ target: { kind: 'contact', id: 'c1' }, fields: { customer: 'Grace' } }, ada);
    } catch (error) {
      caught = error as typeof caught;
    }
    expect(caught.code).toBe('VALIDATION_FAILED');
    expect(caught.issues?.map((issue) => issue.path[0])).toEqual([
      'reasonForContact',
      'stepsTaken',
    ]);
    expect(book.getSnapshot()).toBe(before);
    const added = vi.fn();
    book.events.on('note.added', added);
    const note = book.addNote(
      {
        target: { kind: 'customer', id: 'cus-1' },
        fields: { ...standard, followUpDate: '2026-02-01', nextAction: 'Call back' },
      },
      ada,
    );
    expect(note).toMatchObject({ template: 'standard', visibility: 'private', author: 'ada' });
    expect(added).toHaveBeenCalledWith(expect.objectContaining({ note }));
    expect(() =>
      book.addNote(
        {
          target: { kind: 'customer', id: 'cus-1' },
          fields: { ...standard, followUpDate: 'soon' },
        },
        ada,
      ),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('uses host templates and refuses unknown ones', () => {
    const { book } = setup();
    const note = book.addNote(
      {
        target: { kind: 'contact', id: 'c1' },
        template: 'callback',
        fields: { phone: '+331' },
        visibility: 'public',
      },
      ada,
    );
    expect(note.fields).toEqual({ phone: '+331' });
    expect(() =>
      book.addNote({ target: { kind: 'contact', id: 'c1' }, template: 'nope', fields: {} }, ada),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('attaches to existing tickets only and lists notes by target', () => {
    const { book, clock } = setup();
    expect(() =>
      book.addNote({ target: { kind: 'ticket', id: 'nope' }, fields: standard }, ada),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const { id } = book.createTicket({ subject: 'x' }, ada);
    const first = book.addNote({ target: { kind: 'ticket', id }, fields: standard }, ada);
    clock.advance(1);
    const second = book.addNote({ target: { kind: 'ticket', id }, fields: standard }, bob);
    book.addNote({ target: { kind: 'contact', id }, fields: standard }, bob);
    expect(book.notesOf({ kind: 'ticket', id }).map((note) => note.id)).toEqual([
      first.id,
      second.id,
    ]);
  });

  it('keeps an edit history and validates edits', () => {
    const { book, clock } = setup();
    const note = book.addNote({ target: { kind: 'contact', id: 'c1' }, fields: standard }, ada);
    clock.advance(5_000);
    const edited = vi.fn();
    book.events.on('note.edited', edited);
    const after = book.editNote(note.id, { fields: { resolution: 'Card replaced' } }, ada);
    expect(after.fields).toEqual({ ...standard, resolution: 'Card replaced' });
    expect(after.updatedAt).toBe(note.createdAt + 5_000);
    expect(after.revisions).toEqual([
      {
        at: note.createdAt + 5_000,
        actor: ada,
        changes: [
          { op: 'add', path: ['fields', 'resolution'], value: 'Card replaced' },
          { op: 'replace', path: ['updatedAt'], value: note.createdAt + 5_000 },
        ],
      },
    ]);
    expect(edited).toHaveBeenCalledTimes(1);
    const before = book.getSnapshot();
    expect(() => book.editNote(note.id, { fields: { stepsTaken: '' } }, ada)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(book.getSnapshot()).toBe(before);
    book.editNote(note.id, { fields: { resolution: 'Card replaced' } }, ada);
    expect(book.getSnapshot()).toBe(before);
  });

  it('lets only the author, a supervisor or an admin edit', () => {
    const { book } = setup();
    const note = book.addNote({ target: { kind: 'contact', id: 'c1' }, fields: standard }, ada);
    expect(() => book.editNote(note.id, { visibility: 'public' }, bob)).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
    expect(book.editNote(note.id, { visibility: 'public' }, sam).visibility).toBe('public');
    expect(() => book.editNote('nope', {}, sam)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
