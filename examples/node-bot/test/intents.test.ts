import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { matchIntent, shopIntents } from '../src/intents';

const nameOf = (text: string) => {
  const reading = matchIntent(text);
  return reading.kind === 'answer' ? reading.intent.name : reading.kind;
};

describe('matchIntent', () => {
  it('reads the FAQs by their keywords, whatever the case and punctuation', () => {
    expect(nameOf('When are you OPEN on Saturday?')).toBe('openingHours');
    expect(nameOf('where is my parcel??')).toBe('delivery');
    expect(nameOf('Can I get a refund.')).toBe('returns');
    expect(nameOf('I cannot log in')).toBe('password');
  });

  it('matches whole words only', () => {
    expect(nameOf('my reopened case')).toBe('unknown'); // "open" inside a word
    expect(nameOf('history of my account')).toBe('unknown'); // "hi" inside a word
  });

  it('tells small talk from questions it does not know', () => {
    expect(nameOf('Thanks, bye!')).toBe('smallTalk');
    expect(nameOf('My invoice shows the wrong VAT number')).toBe('unknown');
  });

  const humanWord = fc
    .tuple(
      fc.constantFrom('human', 'person', 'agent', 'someone', 'representative', 'operator'),
      fc.boolean(),
    )
    .map(([word, upper]) => (upper ? word.toUpperCase() : word));
  // Not a letter or digit: what may stand next to a word.
  const gap = fc.constantFrom(' ', '?', '! ', ', ', '(', ')', '.', '\n', '-');

  test.prop([fc.string(), gap, humanWord, gap, fc.string()])(
    'a request for a person wins over any FAQ in the same message',
    (before, left, word, right, after) => {
      expect(matchIntent(`${before}${left}${word}${right}${after} delivery`).kind).toBe('human');
    },
  );

  test.prop([fc.stringMatching(/^[a-z]{0,3}$/), humanWord, fc.stringMatching(/^[a-z]{0,3}$/)])(
    'a person word inside another word is no request for a person',
    (prefix, word, suffix) => {
      fc.pre(prefix.length + suffix.length > 0);
      expect(nameOf(`my ${prefix}${word}${suffix} delivery`)).toBe('delivery');
    },
  );

  it('takes the intents it is given', () => {
    const intents = [{ name: 'vat', keywords: ['vat'], answer: 'Our VAT id is GB123.' }];
    expect(matchIntent('wrong VAT id', intents)).toEqual({ kind: 'answer', intent: intents[0] });
    expect(matchIntent('wrong VAT id', shopIntents).kind).toBe('unknown');
  });
});
