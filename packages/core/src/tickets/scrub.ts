import type { TicketChange } from './ticketHistory';

/** What an erased string becomes. */
export const erasedText = '[erased]';

/**
 * Which parts of a record hold personal data: `all` erases every string below, `tombstone`
 * replaces the value with the erasure's tombstone id, an object names keys (`*` for any other
 * key or array index); a key with no rule is kept.
 *
 * @internal
 */
export type ScrubRule = 'all' | 'tombstone' | { readonly [key: string]: ScrubRule | undefined };

/**
 * A deep copy of `value` with every string replaced by {@link erasedText}; other values kept.
 *
 * @internal
 */
export function eraseStrings(value: unknown): unknown {
  if (typeof value === 'string') return erasedText;
  if (Array.isArray(value)) return value.map(eraseStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, eraseStrings(item)]),
    );
  }
  return value;
}

/**
 * `value` with `rule` applied. Idempotent: scrubbing twice gives what scrubbing once gave.
 *
 * @internal
 */
export function scrub(rule: ScrubRule | undefined, value: unknown, tombstone: string): unknown {
  if (rule === undefined) return value;
  if (rule === 'all') return eraseStrings(value);
  if (rule === 'tombstone') return value === undefined || value === null ? value : tombstone;
  if (Array.isArray(value)) return value.map((item) => scrub(rule['*'], item, tombstone));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      scrub(rule[key] ?? rule['*'], item, tombstone),
    ]),
  );
}

/**
 * A patch with `rule` applied to its value, as seen from the root of the record it patches.
 *
 * @internal
 */
export function scrubChange(
  rule: ScrubRule,
  change: TicketChange,
  tombstone: string,
): TicketChange {
  if (!('value' in change)) return change;
  let node: ScrubRule | undefined = rule;
  for (const key of change.path) {
    if (node === undefined || typeof node === 'string') break;
    node = node[String(key)] ?? node['*'];
  }
  return { ...change, value: scrub(node, change.value, tombstone) };
}

/** Every personal part of a ticket. @internal */
export const ticketScrubRule: ScrubRule = {
  subject: 'all',
  description: 'all',
  customer: { id: 'tombstone', '*': 'all' },
  customFields: 'all',
  tags: 'all',
  escalations: { '*': { reason: 'all' } },
  procedure: { '*': { summary: 'all' } },
};

/** Every personal part of a note attached to something of the customer's. @internal */
export const noteScrubRule: ScrubRule = { fields: 'all' };

/** Every personal part of a follow-up attached to something of the customer's. @internal */
export const followUpScrubRule: ScrubRule = { description: 'all', call: 'all' };
