import { defineRedactionRule } from './defineRedactionRule';
import { digitsOf, isLuhnValid, numberRunPattern } from './numberRun';

/** Replaces every digit but the last four with `*`, keeping the separators. */
function maskCard(match: string): string {
  let hidden = match.replace(/\D/g, '').length - 4;
  return match.replace(/\d/g, (digit) => (hidden-- > 0 ? '*' : digit));
}

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped with spaces or dashes, that pass
 * the Luhn checksum (a number failing it is kept). The mask keeps the grouping and the last 4
 * digits: `4242 4242 4242 4242` becomes `**** **** **** 4242`.
 */
export const cardNumberRule = defineRedactionRule({
  name: 'cardNumber',
  pattern: numberRunPattern,
  validate: (match) => {
    if (!/^\+?[\d -]+$/.test(match)) return false;
    const digits = digitsOf(match);
    return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits);
  },
  mask: maskCard,
});
