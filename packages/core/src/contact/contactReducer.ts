import type { ContactEvent } from '../events/domainEvents';
import type { Contact, ContactBase } from '../model/contact';

/** The part of a contact that depends on its status. */
type StatusPart = Contact extends infer C
  ? C extends Contact
    ? Omit<C, keyof ContactBase>
    : never
  : never;

/**
 * Applies a contact event to the contact it concerns and returns the new contact
 * (the input is never changed). Every status entered is timestamped the first time.
 */
export function evolveContact(contact: Contact, event: ContactEvent): Contact {
  const { at } = event;
  const base = baseOf(contact);
  const holdEnded = (): Pick<ContactBase, 'holdMs' | 'heldSince'> =>
    base.heldSince === null
      ? { holdMs: base.holdMs, heldSince: null }
      : { holdMs: base.holdMs + at - base.heldSince, heldSince: null };
  // `base` is a fresh copy, so it is filled in place: one object per event rather than a spread
  // of three (this runs for every event of every contact).
  const enter = (part: StatusPart, changes?: Partial<ContactBase>): Contact => {
    const { timestamps } = base;
    const next = Object.assign(base, changes, part);
    next.since = at;
    // Each status keeps the time it was first entered; most events re-enter none, so the
    // timestamps object is shared rather than copied.
    if (timestamps[part.status] === undefined)
      next.timestamps = { ...timestamps, [part.status]: at };
    return next;
  };

  switch (event.type) {
    case 'contact.created':
      return event.contact;
    case 'contact.ivrEntered':
      return enter({ status: 'inIvr' });
    case 'contact.queued': {
      const { priority, requiredSkills, attributes } = event.classification ?? {};
      return enter(
        { status: 'queued' },
        {
          queueId: event.queueId,
          agentId: null,
          priority: priority ?? base.priority,
          requiredSkills: requiredSkills ?? base.requiredSkills,
          attributes: attributes ? { ...base.attributes, ...attributes } : base.attributes,
        },
      );
    }
    case 'contact.callbackRequested':
      return {
        ...contact,
        channel: 'callback',
        direction: 'outbound',
        customer:
          event.phone === undefined
            ? contact.customer
            : { ...contact.customer, phone: event.phone },
      };
    case 'contact.offered':
      return enter(
        { status: 'offered', expiresAt: event.expiresAt },
        { agentId: event.agentId, offers: base.offers + 1 },
      );
    case 'contact.accepted':
      return enter({ status: 'accepted' }, { lastAgentId: event.agentId });
    case 'contact.rejected':
    case 'contact.missed':
      return enter({ status: 'created' }, { agentId: null });
    case 'contact.connected':
      return enter(
        { status: 'connected' },
        { ...holdEnded(), agentId: event.agentId, lastAgentId: event.agentId },
      );
    case 'contact.held':
      return enter({ status: 'onHold' }, { heldSince: at });
    case 'contact.resumed':
    case 'contact.consultEnded':
      return enter({ status: 'connected' }, holdEnded());
    case 'contact.consultStarted':
      return enter(
        { status: 'inConsult', consultAgentId: event.consultAgentId },
        { heldSince: base.heldSince ?? at },
      );
    case 'contact.conferenced':
      return enter({ status: 'conferenced', participants: event.participants }, holdEnded());
    case 'contact.transferred':
      return { ...contact, ...holdEnded(), transfers: base.transfers + 1 };
    case 'contact.wrapUpStarted':
      return enter({ status: 'wrapUp' }, holdEnded());
    case 'contact.completed':
      return enter({ status: 'completed', disposition: event.disposition });
    case 'contact.abandoned':
      return enter({ status: 'abandoned' }, { ...holdEnded(), agentId: null });
    case 'contact.annotated':
      return { ...contact, attributes: { ...contact.attributes, ...event.attributes } };
    case 'contact.erased':
      return { ...contact, customer: event.customer, attributes: event.attributes };
    case 'contact.failed':
      return enter({ status: 'failed', reason: event.reason }, { ...holdEnded(), agentId: null });
  }
}

/** A fresh, writable copy of the status-independent part of a contact. */
function baseOf(contact: Contact): { -readonly [K in keyof ContactBase]: ContactBase[K] } {
  return {
    id: contact.id,
    channel: contact.channel,
    direction: contact.direction,
    customer: contact.customer,
    queueId: contact.queueId,
    priority: contact.priority,
    requiredSkills: contact.requiredSkills,
    attributes: contact.attributes,
    agentId: contact.agentId,
    lastAgentId: contact.lastAgentId,
    timestamps: contact.timestamps,
    since: contact.since,
    holdMs: contact.holdMs,
    heldSince: contact.heldSince,
    offers: contact.offers,
    transfers: contact.transfers,
  };
}
