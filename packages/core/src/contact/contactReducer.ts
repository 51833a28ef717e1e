import type { ContactEvent } from '../events/domainEvents';
import type { Contact, ContactBase, ContactStatus } from '../model/contact';

/**
 * Applies a contact event to the contact it concerns and returns the new contact
 * (the input is never changed). Every status entered is timestamped the first time.
 */
export function evolveContact(contact: Contact, event: ContactEvent): Contact {
  const { at } = event;
  const base = baseOf(contact);
  // `base` is a fresh copy, so each event's changes are written into it field by field and
  // `enter` adds the status: one object per event, with no Object.assign of a changes object
  // and a status part (this runs for every event of every contact).
  const endHold = () => {
    if (base.heldSince !== null) base.holdMs = base.holdMs + at - base.heldSince;
    base.heldSince = null;
  };
  const enter = <S extends ContactStatus>(status: S): Entered<S> => {
    const next = base as Entered<S>;
    (next as { status: ContactStatus }).status = status;
    next.since = at;
    // Each status keeps the time it was first entered; most events re-enter none, so the
    // timestamps object is shared rather than copied.
    const { timestamps } = next;
    if (timestamps[status] === undefined) {
      const stamped: Partial<Record<ContactStatus, number>> = { ...timestamps };
      stamped[status] = at;
      next.timestamps = stamped;
    }
    return next;
  };

  switch (event.type) {
    case 'contact.created':
      return event.contact;
    case 'contact.ivrEntered':
      return enter('inIvr');
    case 'contact.queued': {
      const { priority, requiredSkills, attributes } = event.classification ?? {};
      base.queueId = event.queueId;
      base.agentId = null;
      if (priority !== undefined) base.priority = priority;
      if (requiredSkills !== undefined) base.requiredSkills = requiredSkills;
      if (attributes) base.attributes = { ...base.attributes, ...attributes };
      return enter('queued');
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
    case 'contact.offered': {
      base.agentId = event.agentId;
      base.offers = base.offers + 1;
      const next = enter('offered');
      next.expiresAt = event.expiresAt;
      return next;
    }
    case 'contact.accepted':
      base.lastAgentId = event.agentId;
      return enter('accepted');
    case 'contact.rejected':
    case 'contact.missed':
      base.agentId = null;
      return enter('created');
    case 'contact.connected':
      endHold();
      base.agentId = event.agentId;
      base.lastAgentId = event.agentId;
      return enter('connected');
    case 'contact.held':
      base.heldSince = at;
      return enter('onHold');
    case 'contact.resumed':
    case 'contact.consultEnded':
      endHold();
      return enter('connected');
    case 'contact.consultStarted': {
      base.heldSince = base.heldSince ?? at;
      const next = enter('inConsult');
      next.consultAgentId = event.consultAgentId;
      return next;
    }
    case 'contact.conferenced': {
      endHold();
      const next = enter('conferenced');
      next.participants = event.participants;
      return next;
    }
    case 'contact.transferred':
      endHold();
      return { ...contact, holdMs: base.holdMs, heldSince: null, transfers: contact.transfers + 1 };
    case 'contact.wrapUpStarted':
      endHold();
      return enter('wrapUp');
    case 'contact.completed': {
      const next = enter('completed');
      next.disposition = event.disposition;
      return next;
    }
    case 'contact.abandoned':
      endHold();
      base.agentId = null;
      return enter('abandoned');
    case 'contact.annotated':
      return { ...contact, attributes: { ...contact.attributes, ...event.attributes } };
    case 'contact.erased':
      return { ...contact, customer: event.customer, attributes: event.attributes };
    case 'contact.failed': {
      endHold();
      base.agentId = null;
      const next = enter('failed');
      next.reason = event.reason;
      return next;
    }
  }
}

/** A contact being built in a fresh object: its base filled in, `status` set to `S`. */
type Entered<S extends ContactStatus> = {
  -readonly [K in keyof Extract<Contact, { status: S }>]: Extract<Contact, { status: S }>[K];
};

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
