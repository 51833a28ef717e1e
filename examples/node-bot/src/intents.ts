// What the bot understands: a few FAQ intents matched by keywords, and a customer asking for a
// person. Deliberately simple: swap `matchIntent` for a classifier or an LLM call in a real bot.

/** One question the bot can answer. */
export interface Intent {
  /** A stable name, for logs and tests. */
  readonly name: string;
  /** Any one of these words (or phrases) in a message selects the intent. */
  readonly keywords: readonly string[];
  /** The bot's reply. */
  readonly answer: string;
}

/** What the bot makes of one customer message. */
export type Reading =
  | {
      /** An FAQ it can answer. */
      readonly kind: 'answer';
      /** The intent matched. */
      readonly intent: Intent;
    }
  | {
      /** A greeting or thanks: no question asked. */
      readonly kind: 'smallTalk';
    }
  | {
      /** The customer asked for a person. */
      readonly kind: 'human';
    }
  | {
      /** Nothing the bot understands. */
      readonly kind: 'unknown';
    };

/** The FAQs of the example's shop. */
export const shopIntents: readonly Intent[] = [
  {
    name: 'openingHours',
    keywords: ['opening hours', 'open', 'close', 'hours'],
    answer: 'We are open Monday to Friday, 8:00 to 18:00, and Saturday 9:00 to 13:00.',
  },
  {
    name: 'delivery',
    keywords: ['delivery', 'deliver', 'shipping', 'parcel', 'track'],
    answer:
      'Orders ship within one working day; you can track yours at example.com/track with the number in your confirmation email.',
  },
  {
    name: 'returns',
    keywords: ['return', 'refund', 'exchange'],
    answer:
      'You can return anything within 30 days at example.com/returns; refunds take 3 to 5 days.',
  },
  {
    name: 'password',
    keywords: ['password', 'log in', 'login', 'sign in'],
    answer: 'Use "Forgot password" on the sign-in page; the reset link is valid for one hour.',
  },
];

const humanWords = ['human', 'person', 'agent', 'someone', 'representative', 'operator'];
const smallTalkWords = ['hello', 'hi', 'hey', 'thanks', 'thank you', 'ok', 'great', 'bye'];

/** Lower case, letters and digits only, single spaces: what the keywords are matched against. */
const normalize = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

const mentions = (text: string, word: string) => text.includes(` ${word} `);

/**
 * Reads one customer message: a request for a person wins over any FAQ, then the FAQ whose
 * keywords appear, then small talk; anything else is `unknown`.
 *
 * @example
 * ```ts
 * matchIntent('When are you open?', shopIntents); // { kind: 'answer', intent: openingHours }
 * matchIntent('Can I talk to a human?', shopIntents); // { kind: 'human' }
 * ```
 */
export function matchIntent(text: string, intents: readonly Intent[] = shopIntents): Reading {
  const words = normalize(text);
  if (humanWords.some((word) => mentions(words, word))) return { kind: 'human' };
  const intent = intents.find((candidate) =>
    candidate.keywords.some((keyword) => mentions(words, normalize(keyword).trim())),
  );
  if (intent) return { kind: 'answer', intent };
  if (smallTalkWords.some((word) => mentions(words, word))) return { kind: 'smallTalk' };
  return { kind: 'unknown' };
}
