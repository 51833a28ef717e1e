import { defineRedactionRule } from './defineRedactionRule';
import { digitsOf, numberRunPattern } from './numberRun';

/**
 * US Social Security numbers written `123-45-6789`, excluding numbers that are never issued:
 * area `000`, `666` or `9xx`, group `00` or serial `0000`.
 */
export const usSsnRule = defineRedactionRule({
  name: 'usSsn',
  pattern: numberRunPattern,
  validate: (match) => /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/.test(match),
});

/**
 * UK National Insurance numbers: two prefix letters (excluding D, F, I, Q, U, V, a second O and
 * the prefixes BG, GB, KN, NK, NT, TN, ZZ), six digits and a suffix A-D, upper case, optionally
 * spaced: `AB 12 34 56 C`.
 */
export const ukNinoRule = defineRedactionRule({
  name: 'ukNino',
  pattern:
    /(?<![A-Za-z0-9_])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9_])/,
});

/**
 * French social security numbers (NIR): 13 digits starting with 1 or 2 and a 2-digit key equal
 * to 97 minus the 13 digits modulo 97, optionally spaced: `2 69 05 49 588 157 80`. Corsican
 * numbers (`2A`, `2B`) are not matched.
 */
export const frNirRule = defineRedactionRule({
  name: 'frNir',
  pattern: numberRunPattern,
  validate: (match) => {
    const digits = digitsOf(match);
    if (!/^[\d .-]+$/.test(match) || !/^[12]\d{14}$/.test(digits)) return false;
    return 97 - (Number(digits.slice(0, 13)) % 97) === Number(digits.slice(13));
  },
});

/** The national identity number rules: {@link usSsnRule}, {@link ukNinoRule}, {@link frNirRule}. */
export const nationalIdRules = Object.freeze([usSsnRule, ukNinoRule, frNirRule]);
