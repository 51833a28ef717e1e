import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createRedactor } from './index';
import { isLuhnValid } from './numberRun';

const redactor = createRedactor();

/** A 16-digit Luhn-valid number from 15 random digits and its check digit. */
const card = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 })
  .map((body) => {
    for (let check = 0; check <= 9; check += 1) {
      const digits = `${body.join('')}${check}`;
      if (isLuhnValid(digits)) return digits;
    }
    return '';
  });
const grouped = fc
  .tuple(card, fc.constantFrom('', ' ', '-'))
  .map(([digits, sep]) => digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`));
const fragment = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^[0-9 .+()@a-z-]{0,12}$/),
  fc.constantFrom(
    ' ',
    '-',
    '.',
    '@',
    'a@b.com',
    '+44 20 7946 0958',
    '123-45-6789',
    'AB 12 34 56 C',
    '2 69 05 49 588 157 80',
  ),
  grouped,
);
const texts = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

describe('redaction properties', () => {
  test.prop([texts])('is idempotent', (input) => {
    const once = redactor.redact(input);
    const twice = redactor.redact(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.findings).toEqual([]);
  });

  test.prop([texts, grouped])(
    'never leaves a Luhn-valid 16-digit card number standing alone',
    (noise, number) => {
      const output = redactor.redact(`${noise} | ${number} | ${noise}`).text;
      expect(output).not.toContain(number);
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
