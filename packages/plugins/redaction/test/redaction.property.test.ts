import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildRedactor } from '../src/index';
import { redactionConfigSchema } from '../src/redactionConfig';
import { luhnCheckDigit } from '../../../../tooling/luhn';

const redactor = buildRedactor(redactionConfigSchema.parse({}));

/** A Luhn-valid card number of 13 to 19 digits: random digits and the check digit that fits. */
const cardDigits = fc
  .integer({ min: 12, max: 18 })
  .chain((length) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }),
  )
  .map((body) => `${body.join('')}${luhnCheckDigit(body)}`);

/** The card written as people write it: compact, or in groups with spaces, dashes or dots. */
const writtenCard = fc
  .tuple(cardDigits, fc.constantFrom('', ' ', '-', '.'), fc.integer({ min: 3, max: 6 }))
  .map(([digits, separator, group]) =>
    (digits.match(new RegExp(`.{1,${group}}`, 'g')) ?? []).join(separator),
  );

/** Text around it: anything, digits and separators included. */
const anyText = fc.string({ unit: 'binary', maxLength: 30 });

describe('redaction properties', () => {
  test.prop([anyText, writtenCard, anyText], { numRuns: 500 })(
    'no valid card number survives redaction, whatever surrounds it',
    (before, card, after) => {
      const { text } = redactor.redact(before + card + after);
      // Read the output as a reader would: digits with single separators run together.
      const joined = text.replace(/(?<=\d)[ .-](?=\d)/g, '');
      expect(joined).not.toContain(card.replace(/\D/g, ''));
    },
  );

  /** Words with no digits and no card, CVV or contact-data context. */
  const word = fc.constantFrom(
    'order',
    'room',
    'ticket',
    'parcel',
    'is',
    'the',
    'number',
    ':',
    ',',
  );
  const shortRun = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 9 })
    .chain((digits) =>
      fc
        .constantFrom('', ' ', '-')
        .map((separator) => digits.join('').replace(/(\d{3})(?=\d)/g, `$1${separator}`)),
    );

  test.prop([fc.array(word, { maxLength: 4 }), shortRun, fc.array(word, { maxLength: 4 })], {
    numRuns: 300,
  })('keeps digit runs that are no card (order ids, PINs, amounts)', (before, run, after) => {
    const input = [...before, run, ...after].join(' ');
    expect(redactor.redact(input).text).toBe(input);
  });

  // Text with cards and other digit runs in it, glued or spaced: something to redact.
  const mixed = fc
    .array(fc.oneof(fc.string({ maxLength: 8 }), writtenCard, shortRun, word), {
      maxLength: 6,
      size: 'max',
    })
    .map((parts) => parts.join(''));

  test.prop([fc.oneof(fc.string({ maxLength: 60 }), mixed)], { numRuns: 300 })(
    'redacting twice finds and changes nothing more',
    (input) => {
      const once = redactor.redact(input).text;
      const twice = redactor.redact(once);
      expect(twice.text).toBe(once);
      expect(twice.findings).toEqual([]);
    },
  );
});
