import { defineRedactionRule } from './defineRedactionRule';
import { digitsOf, numberRunPattern } from './numberRun';

/**
 * Phone numbers, by digit count: a number written with a leading `+` (international) and 8 to
 * 15 digits, or without one and 10 or 11 digits (national formats: `(555) 123-4567`,
 * `020 7946 0958`, `06 12 34 56 78`). Shorter numbers such as order ids, PINs and 7-digit local
 * numbers are kept, and so are ISO dates (`2024-01-15 10:30`).
 */
export const phoneRule = defineRedactionRule({
  name: 'phone',
  pattern: numberRunPattern,
  validate: (match) => {
    if (/^\d{4}-\d{2}-\d{2}(?!\d)/.test(match)) return false;
    const count = digitsOf(match).length;
    return match.startsWith('+') ? count >= 8 && count <= 15 : count === 10 || count === 11;
  },
});
