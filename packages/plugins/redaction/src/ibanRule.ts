import { defineRedactionRule } from '@switchboard/core/privacy';

/** Whether `iban` (letters and digits only, upper case) passes the ISO 13616 mod-97 check. */
export function isIbanValid(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** Keeps the country code and the last 4 characters: `GB** **** ... 5432`. */
function maskIban(match: string): string {
  let hidden = match.replace(/[^A-Za-z0-9]/g, '').length - 6;
  return (
    match.slice(0, 2) +
    match.slice(2).replace(/[A-Za-z0-9]/g, (char) => (hidden-- > 0 ? '*' : char))
  );
}

/** Where IBANs may start: a country code and two check digits, at a word start. */
const ibanStart = /\b[A-Za-z]{2}\d{2}/g;

/** The longest IBAN starting at `start`, written compact or with single spaces, if any. */
function ibanAt(text: string, start: number): number | undefined {
  const ends: number[] = [];
  let compact = '';
  for (let index = start; index < text.length && compact.length < 34; index += 1) {
    const char = text[index] ?? '';
    if (/[A-Za-z0-9]/.test(char)) {
      compact += char.toUpperCase();
      ends.push(index + 1);
    } else if (char !== ' ' || !/[A-Za-z0-9]/.test(text[index + 1] ?? '')) break;
  }
  for (let length = ends.length; length >= 15; length -= 1) {
    const end = ends[length - 1] ?? 0;
    if (/[A-Za-z0-9]/.test(text[end] ?? '')) continue;
    if (isIbanValid(compact.slice(0, length))) return end;
  }
  return undefined;
}

/**
 * International bank account numbers: a country code, two check digits and 11 to 30 letters or
 * digits, compact or with single spaces (`GB82 WEST 1234 5698 7654 32`), that pass the mod-97
 * check (a number failing it is kept). The mask keeps the country code and the last 4 characters.
 */
export const ibanRule = defineRedactionRule({
  name: 'iban',
  find: (text) =>
    Array.from(text.matchAll(ibanStart)).flatMap((match) => {
      const end = ibanAt(text, match.index);
      return end === undefined ? [] : [{ start: match.index, end }];
    }),
  mask: maskIban,
});
