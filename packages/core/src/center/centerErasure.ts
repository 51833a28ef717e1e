import * as z from 'zod/mini';
import { defaultKeptAttributes, erasedContactParts } from '../contact/eraseContact';
import { SwitchboardError } from '../errors';
import type { ContactErased } from '../events/domainEvents';
import type { ContactId } from '../model/ids';
import type { Actor } from '../tickets/actor';
import type { CenterState } from './centerState';

/** Validates a {@link CustomerErasureRequest}. */
export const customerErasureRequestSchema = z.object({
  /** The customer's id, as on their contacts (`contact.customer.id`). */
  customerId: z.string().check(z.minLength(1)),
  /** Contacts to erase as well, whoever their customer is (e.g. anonymous chats the CRM matched). */
  contactIds: z._default(z.array(z.string().check(z.minLength(1))), []),
  /**
   * What the customer's id becomes; pass the ticket book's `customer.erased` tombstone so both
   * agree. A new `erased-…` id when absent.
   */
  tombstone: z.optional(z.string().check(z.minLength(1))),
  /** Contact attributes that are not personal and that KPIs read; `reason` by default. */
  keepAttributes: z._default(z.array(z.string()), [...defaultKeptAttributes]),
});
/** Whose contacts a centre erases, and what their customer id becomes. */
export type CustomerErasureRequest = z.input<typeof customerErasureRequestSchema>;

/** What a centre's erasure did: the tombstone and the contacts it left behind. */
export interface CustomerErasure {
  /** What the customer's id became on every erased contact. */
  readonly tombstone: string;
  /** The erased contacts (now tombstones), oldest first. */
  readonly contactIds: readonly ContactId[];
  /** Who asked. */
  readonly actor: Actor;
  /** When (ms since epoch, from the centre's clock). */
  readonly at: number;
}

/** Refuses an erasure asked by anyone but an admin. @internal */
export function assertAdmin(actor: Actor): void {
  if (actor.roles.includes('admin')) return;
  throw new SwitchboardError('PERMISSION_DENIED', 'Only an admin may erase a customer.', {
    details: { actor: actor.id, roles: actor.roles },
  });
}

/**
 * The `contact.erased` events that tombstone every contact of the customer (and every listed
 * contact) in `state`. Pure.
 *
 * @internal
 */
export function decideErasure(
  state: CenterState,
  request: z.infer<typeof customerErasureRequestSchema> & { readonly tombstone: string },
  at: number,
): ContactErased[] {
  const listed = new Set<string>(request.contactIds);
  const contacts = [...state.contacts.values()]
    .filter((contact) => contact.customer.id === request.customerId || listed.has(contact.id))
    .sort((a, b) => (a.timestamps.created ?? a.since) - (b.timestamps.created ?? b.since));
  return contacts.map((contact): ContactErased => ({
    type: 'contact.erased',
    at,
    contactId: contact.id,
    agentId: contact.agentId,
    ...erasedContactParts(contact, request.tombstone, request.keepAttributes),
  }));
}
