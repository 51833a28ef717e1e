import type { Customer } from '../model/customer';
import type { CustomerId } from '../model/ids';
import { eraseStrings } from '../tickets/scrub';

/** Contact attributes that are not personal and that KPIs read: kept by erasure by default. */
export const defaultKeptAttributes: readonly string[] = ['reason'];

/**
 * `attributes` with every string erased (`[erased]`) except under the `keep` keys. Pure.
 *
 * @internal
 */
export function eraseAttributes(
  attributes: Readonly<Record<string, unknown>>,
  keep: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      keep.includes(key) ? value : eraseStrings(value),
    ]),
  );
}

/**
 * The personal parts of a contact as erasure leaves them: the customer becomes `{ id: tombstone }`
 * and the attributes lose every string except the kept ones. Ids, channel, queue, times and
 * agents stay, so KPIs computed before and after agree. Pure and idempotent.
 *
 * @internal
 */
export function erasedContactParts(
  contact: { readonly attributes: Readonly<Record<string, unknown>> },
  tombstone: string,
  keep: readonly string[],
): { customer: Customer; attributes: Record<string, unknown> } {
  return {
    customer: { id: tombstone as CustomerId, attributes: {} },
    attributes: eraseAttributes(contact.attributes, keep),
  };
}
