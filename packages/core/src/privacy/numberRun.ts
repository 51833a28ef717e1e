/**
 * A maximal run of digits written as people write numbers: an optional leading `+`, digits and
 * parenthesised groups, with at most one space, dot or dash between them. It never starts or
 * ends inside a longer run, nor next to a letter, digit or underscore, so `ORD12345678` and
 * the middle of a longer number are not runs.
 *
 * @internal
 */
export const numberRunPattern =
  /(?<![\w+]|[\d)][ .-])\+?(?:\(\d{1,5}\)|\d)(?:[ .-]?(?:\(\d{1,5}\)|\d))*(?![\w]|[ .-]?(?:\d|\(\d))/;

/** The digits of `text`, without separators. @internal */
export const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** Whether `digits` (digits only) passes the Luhn checksum of payment card numbers. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}
