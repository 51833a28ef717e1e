import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cardNumberRule, createRedactor } from './index';
import { luhnCheckDigit } from '../../../../tooling/luhn';

const redactor = createRedactor();
const cards = createRedactor({ rules: [cardNumberRule] });

/** A 16-digit Luhn-valid number from 15 random digits and its check digit. */
const card = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 })
  .map((body) => `${body.join('')}${luhnCheckDigit(body)}`);
const grouped = fc
  .tuple(card, fc.constantFrom('', ' ', '-'))
  .map(([digits, sep]) => digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`));
// Known values weigh most: glued together they make neighbouring findings.
const fragment = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^[0-9 .+()@a-z-]{0,12}$/),
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ' ',
      'x@y.org',
      'mail:a@b.com',
      '-',
      '.',
      '@',
      'a@b.com',
      '+44 20 7946 0958',
      '123-45-6789',
      'AB 12 34 56 C',
      '2 69 05 49 588 157 80',
    ),
  },
  grouped,
);
// Up to 12 fragments (fast-check's default size would stop at 10, 5 on average), glued or spaced.
const texts = fc
  .array(fc.tuple(fragment, fc.constantFrom('', ' ', ', ')), { maxLength: 12, size: 'max' })
  .map((parts) => parts.flat().join(''));

describe('redaction properties', () => {
  test.prop([texts])('is idempotent', (input) => {
    const once = redactor.redact(input);
    const twice = redactor.redact(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.findings).toEqual([]);
  });

  test.prop([texts, grouped])(
    'masks a Luhn-valid 16-digit card number standing alone, all but its last 4 digits',
    (noise, number) => {
      let hidden = 12;
      const masked = number.replace(/\d/g, (digit) => (hidden-- > 0 ? '*' : digit));
      const output = redactor.redact(`${noise} | ${number} | ${noise}`).text;
      expect(output).not.toContain(number);
      expect(output).toContain(` ${masked} `);
    },
  );

  test.prop([grouped, fc.integer({ min: 1, max: 9 })])(
    'keeps a 16-digit number whose check digit is wrong',
    (number, shift) => {
      const wrong = `${number.slice(0, -1)}${(Number(number.at(-1)) + shift) % 10}`;
      expect(cards.redact(wrong).text).toBe(wrong);
    },
  );

  test.prop([texts])('reports sorted, disjoint findings within the input', (input) => {
    const { findings } = redactor.redact(input);
    let last = -1;
    for (const finding of findings) {
      expect(finding.start).toBeGreaterThan(last);
      expect(finding.end).toBeGreaterThan(finding.start);
      expect(finding.end).toBeLessThanOrEqual(input.length);
      last = finding.end;
    }
  });

  test.prop([fc.stringMatching(/^[^0-9@]*$/)])(
    'leaves text without digits or @ unchanged',
    (input) => {
      expect(redactor.redact(input).text).toBe(input);
    },
  );
});
