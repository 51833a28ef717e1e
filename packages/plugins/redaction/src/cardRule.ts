import { defineRedactionRule, isLuhnValid } from '@switchboard/core/privacy';
import type { RedactionRange } from '@switchboard/core/privacy';

/** Digits with at most one space, dot or dash between two of them; letters around do not matter. */
const digitRun = /\d(?:[ .-]?\d)*/g;

/** Replaces every digit but the last four with `*`, keeping the separators. */
export function maskCardDigits(match: string): string {
  let hidden = match.replace(/\D/g, '').length - 4;
  return match.replace(/\d/g, (digit) => (hidden-- > 0 ? '*' : digit));
}

/** The ranges of `run` (starting at `offset` in the text) covering Luhn-valid 13-19 digit windows. */
function cardWindows(run: string, offset: number): RedactionRange[] {
  const positions: number[] = [];
  for (let index = 0; index < run.length; index += 1) {
    if (run.charCodeAt(index) >= 48 && run.charCodeAt(index) <= 57) positions.push(index);
  }
  const digits = run.replace(/\D/g, '');
  const ranges: RedactionRange[] = [];
  for (let start = 0; start + 13 <= digits.length; start += 1) {
    for (let length = 13; length <= 19 && start + length <= digits.length; length += 1) {
      if (!isLuhnValid(digits.slice(start, start + length))) continue;
      const first = positions[start] ?? 0;
      const last = positions[start + length - 1] ?? 0;
      const previous = ranges.at(-1);
      if (previous !== undefined && offset + first <= previous.end) {
        ranges[ranges.length - 1] = {
          start: previous.start,
          end: Math.max(previous.end, offset + last + 1),
        };
      } else ranges.push({ start: offset + first, end: offset + last + 1 });
    }
  }
  return ranges;
}

/**
 * Payment card numbers for PCI: any 13 to 19 consecutive digits (spaces, dots or dashes allowed
 * between them) that pass the Luhn check, wherever they sit: glued to letters (`card4242...`),
 * inside a longer digit run (`4242424242424242 1226`) or next to other numbers. Stricter than the
 * core's `cardNumberRule`, which reads whole runs only; a digit run with no Luhn-valid window
 * (order ids, dates, short numbers) is kept. The mask keeps the separators and the last 4 digits.
 */
export const pciCardRule = defineRedactionRule({
  name: 'cardNumber',
  find: (text) =>
    Array.from(text.matchAll(digitRun), (match) => cardWindows(match[0], match.index)).flat(),
  mask: maskCardDigits,
});
