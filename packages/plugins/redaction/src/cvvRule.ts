import { defineRedactionRule, type RedactionRange } from '@switchboard/core/privacy';
import { pciCardRule } from './cardRule';

/** Words that announce a card security code. */
const cvvWords = /\b(?:cvv2?|cvc2?|cid|csc|security code|card verification(?: code| value)?)\b/gi;

/** 3 or 4 digits standing alone: not part of a longer number nor the kept tail of a masked card. */
const shortNumber = /(?<![\d*][ .-]?|[\d*])\d{3,4}(?![ .-]?\d)/g;

/** How far (in characters) a code may follow its announcing word or the card number. */
const reach = 40;

/**
 * Card security codes (CVV, CVC, CID): a 3 or 4 digit number within 40 characters after a word
 * such as `cvv`, `security code` or `card verification`, or after a card number. Other short
 * numbers (a PIN of the order, a year) are kept.
 */
export const cvvRule = defineRedactionRule({
  name: 'cvv',
  find: (text) => {
    const anchors: number[] = [
      ...Array.from(text.matchAll(cvvWords), (match) => match.index + match[0].length),
      ...pciCardRule.find(text).map((range) => range.end),
    ];
    if (anchors.length === 0) return [];
    const ranges: RedactionRange[] = [];
    for (const match of text.matchAll(shortNumber)) {
      const near = anchors.some((end) => match.index >= end && match.index - end <= reach);
      if (near) ranges.push({ start: match.index, end: match.index + match[0].length });
    }
    return ranges;
  },
});
