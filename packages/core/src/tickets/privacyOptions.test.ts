import { describe, expect, it } from 'vitest';
import { createCallingPolicy } from '../privacy/callingPolicy';
import { createRedactor } from '../privacy/createRedactor';
import { createVirtualClock } from '../testing/virtualClock';
import type { Actor } from './actor';
import { createTicketBook } from './createTicketBook';
import type { TicketBookEvent } from './ticketEvents';

const ada: Actor = { id: 'ada', roles: ['agent'] };
const card = '4242 4242 4242 4242';
const fields = { customer: 'Grace', reasonForContact: 'Card', stepsTaken: `Read ${card} back` };

describe('ticket book: note redaction', () => {
  it('masks note fields before they are stored, in events and edits too', () => {
    const journal: TicketBookEvent[] = [];
    const book = createTicketBook({
      redactor: createRedactor(),
      journal: (events) => journal.push(...events),
    });
    const note = book.addNote({ target: { kind: 'contact', id: 'c1' }, fields }, ada);
    expect(note.fields['stepsTaken']).toBe('Read **** **** **** 4242 back');
    const edited = book.editNote(note.id, { fields: { resolution: 'mail ada@example.com' } }, ada);
    expect(edited.fields['resolution']).toBe('mail [redacted]');
    expect(JSON.stringify(journal)).not.toContain(card);
    expect(JSON.stringify(journal)).not.toContain('ada@example.com');
  });

  it('masks only the configured paths, and nothing without a redactor', () => {
    const some = createTicketBook({ redactor: createRedactor(), redactNoteFields: ['resolution'] });
    const note = some.addNote(
      { target: { kind: 'contact', id: 'c1' }, fields: { ...fields, resolution: card } },
      ada,
    );
    expect(note.fields).toMatchObject({
      stepsTaken: fields.stepsTaken,
      resolution: '**** **** **** 4242',
    });
    const none = createTicketBook();
    expect(
      none.addNote({ target: { kind: 'contact', id: 'c1' }, fields }, ada).fields,
    ).toMatchObject(fields);
  });
});

describe('ticket book: callback follow-ups and the calling policy', () => {
  // 2026-01-05 06:00 UTC is 07:00 in Paris, before calling hours.
  const start = Date.UTC(2026, 0, 5, 6);

  function setup() {
    const clock = createVirtualClock(start);
    const callingPolicy = createCallingPolicy({ doNotCall: ['+33 9 99 99 99 99'] });
    const book = createTicketBook({ clock, callingPolicy });
    return { clock, book };
  }
  const target = { kind: 'customer' as const, id: 'cus-1' };

  it('moves a callback due outside calling hours to the next allowed time', () => {
    const { clock, book } = setup();
    const due: number[] = [];
    book.events.on('followUp.due', ({ at }) => due.push(at));
    const followUp = book.scheduleFollowUp(
      { target, dueAt: start, call: { phone: '+33123456789', timeZone: 'Europe/Paris' } },
      ada,
    );
    expect(followUp.dueAt).toBe(Date.UTC(2026, 0, 5, 7));
    expect(followUp.call).toEqual({ phone: '+33123456789', timeZone: 'Europe/Paris' });
    clock.advance(3_600_000);
    expect(due).toEqual([Date.UTC(2026, 0, 5, 7)]);
  });

  it('keeps a callback inside the hours and other follow-ups as they are', () => {
    const { book } = setup();
    const inside = Date.UTC(2026, 0, 5, 10);
    const call = { phone: '+33123456789', timeZone: 'Europe/Paris' };
    expect(book.scheduleFollowUp({ target, dueAt: inside, call }, ada).dueAt).toBe(inside);
    expect(book.scheduleFollowUp({ target, dueAt: start }, ada).dueAt).toBe(start);
  });

  it('refuses a callback to a do-not-call number with CALL_NOT_ALLOWED and changes nothing', () => {
    const { book } = setup();
    const before = book.getSnapshot();
    expect(() =>
      book.scheduleFollowUp({ target, dueAt: start, call: { phone: '+33999999999' } }, ada),
    ).toThrow(expect.objectContaining({ code: 'CALL_NOT_ALLOWED' }));
    expect(book.getSnapshot()).toBe(before);
  });
});
