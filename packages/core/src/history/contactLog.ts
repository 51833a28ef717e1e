import * as z from 'zod/mini';
import type { Customer } from '../model/customer';
import { parseInput } from '../validation';
import {
  defaultKeptAttributes,
  eraseAttributes,
  erasedContactParts,
} from '../contact/eraseContact';
import { erasedText } from '../tickets/scrub';
import type { EventLog, LoggedEvent } from './eventLog';

/** Anything with an `onAny` event stream whose payloads carry their `type`: a centre, a desk. */
export interface EventSource {
  /** The event stream. */
  readonly events: {
    /** Calls `listener` with the name and payload of every event; returns an unsubscribe. */
    onAny(listener: (name: string, payload: unknown) => void): () => void;
  };
}

/** An event of a contact centre as a log holds it: named by `type`, maybe about a contact. */
export interface LoggedDomainEvent {
  /** The event's name, e.g. `contact.created`. */
  readonly type: string;
  /** The contact it concerns, if any. */
  readonly contactId?: string;
  /** The contact as opened, on `contact.created`. */
  readonly contact?: LoggedContact;
  /** What the event left behind (a contact centre sends the contact after each change). */
  readonly state?: unknown;
}

/** The part of a logged contact that erasure reads. */
export interface LoggedContact {
  /** Its id. */
  readonly id: string;
  /** Its customer. */
  readonly customer: Customer;
  /** Its attributes. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

const contactOf = (
  value: unknown,
  customerId: string,
  contactIds: ReadonlySet<string> = new Set(),
): LoggedContact | null => {
  const contact = value as Partial<LoggedContact> | null | undefined;
  return typeof contact === 'object' &&
    contact !== null &&
    typeof contact.id === 'string' &&
    (contact.customer?.id === customerId || contactIds.has(contact.id))
    ? (contact as LoggedContact)
    : null;
};

/**
 * Appends every event of `source` whose payload carries its own `type` (the domain events of a
 * contact centre) to `log`, in order. Returns an unsubscribe; failed writes surface in `log.flush()`.
 */
export function attachLog(source: EventSource, log: EventLog<LoggedDomainEvent>): () => void {
  return source.events.onAny((name, payload) => {
    if (
      typeof payload === 'object' &&
      payload !== null &&
      (payload as { type?: unknown }).type === name
    ) {
      log.append([payload as LoggedDomainEvent]).catch(() => undefined);
    }
  });
}

/** Validates a {@link ContactErasureRequest}. */
export const contactErasureRequestSchema = z.object({
  /** The customer's id, as on their contacts (`contact.customer.id`). */
  customerId: z.string().check(z.minLength(1)),
  /** What the customer's id becomes, e.g. the tombstone of the ticket book's `customer.erased`. */
  tombstone: z.string().check(z.minLength(1)),
  /** Contacts to erase as well, whoever their customer is (a centre's erasure lists them). */
  contactIds: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Contact attributes that are not personal and that KPIs read; `reason` by default. */
  keepAttributes: z._default(z.array(z.string()), [...defaultKeptAttributes]),
});
/** Whose contacts to erase from a log of domain events, and what their id becomes. */
export type ContactErasureRequest = z.input<typeof contactErasureRequestSchema>;

const contactsOf = async (log: EventLog<LoggedDomainEvent>, customerId: string) => {
  const ids = new Set<string>();
  for await (const { event } of log.read()) {
    const contact = contactOf(event.contact, customerId) ?? contactOf(event.state, customerId);
    if (contact) ids.add(contact.id);
  }
  return ids;
};

/** Every stored event about the customer's contacts, oldest first (access requests). */
export async function exportCustomerContacts(
  log: EventLog<LoggedDomainEvent>,
  customerId: string,
): Promise<LoggedEvent<LoggedDomainEvent>[]> {
  const ids = await contactsOf(log, customerId);
  const events: LoggedEvent<LoggedDomainEvent>[] = [];
  for await (const entry of log.read()) {
    const id = entry.event.contact?.id ?? entry.event.contactId;
    if (id !== undefined && ids.has(id)) events.push(entry);
  }
  return events;
}

/**
 * Erases a customer from a log of domain events: on every event carrying one of their contacts
 * (`contact` of `contact.created`, the `state` a centre sends after each change), the customer
 * becomes `{ id: tombstone }` and the contact's attributes lose every string except the kept
 * ones; on the other events about those contacts, the facts they carried (`attributes` of
 * `contact.annotated`, a queue's `classification.attributes`, a callback's `phone`) are erased
 * the same way. Contacts stay (ids, channels, queues, times), and all of the customer's contacts
 * share the tombstone, so KPIs computed from the log (first-contact resolution included) are
 * what they were. Returns the erased contacts' ids; call the storage's `compact()` afterwards
 * when it keeps old bytes.
 */
export async function eraseCustomerContacts(
  log: EventLog<LoggedDomainEvent>,
  request: ContactErasureRequest,
): Promise<string[]> {
  const { customerId, tombstone, keepAttributes, contactIds } = parseInput(
    contactErasureRequestSchema,
    request,
    'contact erasure request',
  );
  const listed = new Set(contactIds);
  const erased = new Set<string>();
  const scrubbed = (contact: LoggedContact): LoggedContact => {
    return { ...contact, ...erasedContactParts(contact, tombstone, keepAttributes) };
  };
  await log.rewrite((event) => {
    const contact = contactOf(event.contact, customerId, listed);
    const state = contactOf(event.state, customerId, listed);
    for (const found of [contact, state]) if (found) erased.add(found.id);
    const about = event.contactId ?? contact?.id;
    if (about === undefined || !erased.has(about)) return event;
    return {
      ...scrubFacts(event as LoggedDomainEvent & Record<string, unknown>, keepAttributes),
      ...(contact ? { contact: scrubbed(contact) } : {}),
      ...(state ? { state: scrubbed(state) } : {}),
    };
  });
  return [...erased];
}

/** The personal facts of an event about an erased contact, erased; the same event when it has none. */
function scrubFacts(
  event: LoggedDomainEvent & Record<string, unknown>,
  keep: readonly string[],
): LoggedDomainEvent {
  const attributes = event.attributes as Record<string, unknown> | undefined;
  const classification = event.classification as
    { attributes?: Record<string, unknown> } | undefined;
  if (!attributes && !classification?.attributes && typeof event.phone !== 'string') return event;
  return {
    ...event,
    ...(attributes ? { attributes: eraseAttributes(attributes, keep) } : {}),
    ...(classification?.attributes
      ? {
          classification: {
            ...classification,
            attributes: eraseAttributes(classification.attributes, keep),
          },
        }
      : {}),
    ...(typeof event.phone === 'string' ? { phone: erasedText } : {}),
  };
}
