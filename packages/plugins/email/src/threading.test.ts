import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { EmailMessage } from './message';
import { composeReply, parentIds, replyReferences, replySubject } from './threading';

const inbound = (id: string, extra: Partial<EmailMessage> = {}): EmailMessage => ({
  direction: 'inbound',
  messageId: id,
  inReplyTo: null,
  references: [],
  from: { address: 'kim@example.com' },
  replyTo: { address: 'kim@example.com' },
  to: [{ address: 'support@example.com' }],
  cc: [],
  subject: 'Refund',
  text: 'hello',
  date: 0,
  attachments: [],
  ...extra,
});

describe('replySubject', () => {
  it('adds one Re: and folds the prefixes clients add', () => {
    expect(replySubject('Refund')).toBe('Re: Refund');
    expect(replySubject('RE: Re: re:Refund')).toBe('Re: Refund');
    expect(replySubject('AW: Re[2]: Refund')).toBe('Re: Refund');
    expect(replySubject('Regarding my order')).toBe('Re: Regarding my order');
  });

  test.prop([fc.string()])('is idempotent', (subject) => {
    expect(replySubject(replySubject(subject))).toBe(replySubject(subject));
  });

  // Subjects that only look like a prefix, or start with none.
  const base = fc.oneof(
    fc.constantFrom('Refund', 'Regarding my order', 'aware: no', 'Re 2: late', 'sv', 'Antwort'),
    fc.stringMatching(/^[b-qt-z0-9][a-z0-9 :]{0,10}$/),
  );
  const prefix = fc.constantFrom(
    'Re:',
    'RE: ',
    ' re :',
    'AW:',
    'Sv: ',
    'antw:',
    'Re[2]:',
    're [12] : ',
  );

  test.prop([fc.array(prefix, { maxLength: 4 }), base])(
    'folds any chain of reply prefixes into one Re:',
    (prefixes, subject) => {
      expect(replySubject(`${prefixes.join('')}${subject}`)).toBe(`Re: ${subject.trim()}`);
    },
  );
});

describe('threading headers', () => {
  it('looks up In-Reply-To first, then References from the newest', () => {
    expect(parentIds({ inReplyTo: 'c', references: ['a', 'b', 'c'] })).toEqual(['c', 'b', 'a']);
    expect(parentIds({ inReplyTo: null, references: ['a', 'b'] })).toEqual(['b', 'a']);
  });

  it('extends References with the parent and keeps the root when trimming', () => {
    expect(replyReferences(inbound('b', { inReplyTo: 'a' }))).toEqual(['a', 'b']);
    expect(replyReferences(inbound('c', { references: ['a', 'b'], inReplyTo: 'b' }))).toEqual([
      'a',
      'b',
      'c',
    ]);
    const long = Array.from({ length: 30 }, (_, index) => `m${index}`);
    const trimmed = replyReferences(inbound('last', { references: long }));
    expect(trimmed).toHaveLength(20);
    expect(trimmed[0]).toBe('m0');
    expect(trimmed.at(-1)).toBe('last');
  });

  it('answers the newest inbound message at its Reply-To', () => {
    const messages = [
      inbound('a'),
      inbound('b', {
        inReplyTo: 'a',
        references: ['a'],
        replyTo: { address: 'kim.work@example.com' },
        subject: 'Re: Refund',
      }),
      { ...inbound('ours'), direction: 'outbound' as const },
    ];
    const reply = composeReply(
      messages,
      { text: 'Done' },
      { from: { address: 'support@example.com' }, messageId: 'r1@example.com', date: 5 },
    );
    expect(reply).toMatchObject({
      to: [{ address: 'kim.work@example.com' }],
      subject: 'Re: Refund',
      inReplyTo: 'b',
      references: ['a', 'b'],
      messageId: 'r1@example.com',
    });
    expect(
      composeReply([], { text: 'x' }, { from: { address: 's@e.com' }, messageId: 'x', date: 0 }),
    ).toBeUndefined();
  });
});
