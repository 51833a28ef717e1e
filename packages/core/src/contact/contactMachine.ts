import { SwitchboardError } from '../errors';
import type { ContactEvent } from '../events/domainEvents';
import type { Contact, ContactStatus } from '../model/contact';
import type { ContactCommand } from './contactCommands';

/** Which commands each contact status accepts; anything else is `INVALID_TRANSITION`. */
export const contactTransitions: Readonly<
  Record<ContactStatus, readonly ContactCommand['type'][]>
> = {
  created: ['enterIvr', 'queue', 'offer', 'abandon', 'annotate', 'fail'],
  inIvr: ['queue', 'abandon', 'annotate', 'fail'],
  queued: ['queue', 'requestCallback', 'offer', 'abandon', 'annotate', 'fail'],
  offered: ['accept', 'reject', 'miss', 'abandon', 'annotate', 'fail'],
  accepted: ['connect', 'abandon', 'annotate', 'fail'],
  connected: ['hold', 'consult', 'transfer', 'end', 'annotate', 'fail'],
  onHold: ['resume', 'consult', 'transfer', 'end', 'annotate', 'fail'],
  inConsult: ['endConsult', 'conference', 'transfer', 'end', 'annotate', 'fail'],
  conferenced: ['end', 'annotate', 'fail'],
  wrapUp: ['complete', 'annotate'],
  completed: [],
  abandoned: [],
  failed: [],
};

/** Whether a contact has reached the end of its lifecycle. */
export function isFinished(contact: Contact): boolean {
  return contactTransitions[contact.status].length === 0;
}

/** No holder: one frozen list shared by every contact nobody holds (most statuses of most events). */
export const noHolders: readonly NonNullable<Contact['agentId']>[] = Object.freeze([]);

/**
 * The agents a contact occupies in its current status (they hold capacity for it). The list is
 * read-only; the empty one is shared.
 */
export function holdersOf(contact: Contact): readonly NonNullable<Contact['agentId']>[] {
  switch (contact.status) {
    case 'inConsult':
      return contact.agentId ? [contact.agentId, contact.consultAgentId] : [contact.consultAgentId];
    case 'conferenced':
      return contact.participants;
    case 'offered':
    case 'accepted':
    case 'connected':
    case 'onHold':
    case 'wrapUp':
      return contact.agentId ? [contact.agentId] : noHolders;
    default:
      return noHolders;
  }
}

/** What the contact machine needs to know beyond the contact itself. */
export interface ContactDecisionContext {
  /** The current time. */
  readonly now: number;
  /** How long an offer lasts when the command names no time-out. */
  readonly offerTimeoutMs: number;
}

/**
 * Decides what a command does to a contact at time `now`: the events it produces, in order,
 * or a `SwitchboardError` with code `INVALID_TRANSITION` that changes nothing. Pure.
 */
export function decideContact(
  contact: Contact,
  command: ContactCommand,
  context: ContactDecisionContext,
): ContactEvent[] {
  const { now } = context;
  if (!contactTransitions[contact.status].includes(command.type)) {
    throw invalid(contact, command, 'not allowed in this status');
  }
  // Each event names its fields: a spread of shared ones into the middle of a literal costs V8
  // a generic copy, property by property, and leaves an object that the centre's own spread
  // (event plus state, for the listeners) can only copy slowly in turn.
  const contactId = contact.id;
  const owner = () => {
    if (!contact.agentId) throw invalid(contact, command, 'nobody holds the contact');
    return contact.agentId;
  };
  const backToQueue = contact.queueId
    ? [{ type: 'contact.queued', at: now, contactId, queueId: contact.queueId } as const]
    : [];

  switch (command.type) {
    case 'enterIvr':
      return [{ type: 'contact.ivrEntered', at: now, contactId }];
    case 'queue':
      return [
        command.classification
          ? {
              type: 'contact.queued',
              at: now,
              contactId,
              queueId: command.queueId,
              classification: command.classification,
            }
          : { type: 'contact.queued', at: now, contactId, queueId: command.queueId },
      ];
    case 'offer':
      return [
        {
          type: 'contact.offered',
          at: now,
          contactId,
          agentId: command.agentId,
          expiresAt: now + (command.timeoutMs ?? context.offerTimeoutMs),
        },
      ];
    case 'accept':
      requireOwner(contact, command, command.agentId);
      return [{ type: 'contact.accepted', at: now, contactId, agentId: command.agentId }];
    case 'reject':
      requireOwner(contact, command, command.agentId);
      return [
        { type: 'contact.rejected', at: now, contactId, agentId: command.agentId },
        ...backToQueue,
      ];
    case 'miss':
      return [{ type: 'contact.missed', at: now, contactId, agentId: owner() }, ...backToQueue];
    case 'connect':
      return [{ type: 'contact.connected', at: now, contactId, agentId: owner() }];
    case 'hold':
      return [{ type: 'contact.held', at: now, contactId }];
    case 'resume':
      return [{ type: 'contact.resumed', at: now, contactId }];
    case 'consult':
      if (command.agentId === contact.agentId)
        throw invalid(contact, command, 'an agent cannot consult themselves');
      return [
        { type: 'contact.consultStarted', at: now, contactId, consultAgentId: command.agentId },
      ];
    case 'endConsult':
      return [{ type: 'contact.consultEnded', at: now, contactId }];
    case 'conference':
      if (contact.status !== 'inConsult')
        throw invalid(contact, command, 'no consultation to join');
      return [
        {
          type: 'contact.conferenced',
          at: now,
          contactId,
          participants: [owner(), contact.consultAgentId],
        },
      ];
    case 'transfer':
      return transfer(contact, command, context);
    case 'end':
      return [{ type: 'contact.wrapUpStarted', at: now, contactId, agentId: owner() }];
    case 'requestCallback':
      if (contact.channel === 'callback')
        throw invalid(contact, command, 'it is a callback already');
      return [
        command.phone === undefined
          ? { type: 'contact.callbackRequested', at: now, contactId }
          : { type: 'contact.callbackRequested', at: now, contactId, phone: command.phone },
      ];
    case 'complete':
      return [
        {
          type: 'contact.completed',
          at: now,
          contactId,
          agentId: contact.agentId,
          disposition: command.disposition,
        },
      ];
    case 'abandon':
      return [{ type: 'contact.abandoned', at: now, contactId }];
    case 'annotate':
      return [
        {
          type: 'contact.annotated',
          at: now,
          contactId,
          agentId: contact.agentId,
          attributes: command.attributes,
        },
      ];
    case 'fail':
      return [{ type: 'contact.failed', at: now, contactId, reason: command.reason }];
  }
}

function transfer(
  contact: Contact,
  command: Extract<ContactCommand, { type: 'transfer' }>,
  { now, offerTimeoutMs }: ContactDecisionContext,
): ContactEvent[] {
  const fromAgentId = contact.agentId;
  if (!fromAgentId) throw invalid(contact, command, 'nobody holds the contact');
  const { target } = command;
  const contactId = contact.id;
  if (target.kind === 'queue') {
    return [
      { type: 'contact.transferred', at: now, contactId, fromAgentId, mode: 'blind', target },
      { type: 'contact.queued', at: now, contactId, queueId: target.queueId },
    ];
  }
  if (target.agentId === fromAgentId)
    throw invalid(contact, command, 'cannot transfer to the same agent');
  if (contact.status === 'inConsult' && contact.consultAgentId === target.agentId) {
    return [
      { type: 'contact.transferred', at: now, contactId, fromAgentId, mode: 'consult', target },
      { type: 'contact.connected', at: now, contactId, agentId: target.agentId },
    ];
  }
  return [
    { type: 'contact.transferred', at: now, contactId, fromAgentId, mode: 'blind', target },
    {
      type: 'contact.offered',
      at: now,
      contactId,
      agentId: target.agentId,
      expiresAt: now + (command.timeoutMs ?? offerTimeoutMs),
    },
  ];
}

function requireOwner(contact: Contact, command: ContactCommand, agentId: string): void {
  if (contact.agentId !== agentId)
    throw invalid(contact, command, 'it is offered to another agent');
}

function invalid(contact: Contact, command: ContactCommand, why: string): SwitchboardError {
  return new SwitchboardError(
    'INVALID_TRANSITION',
    `Contact ${contact.id} cannot ${command.type} while ${contact.status}: ${why}.`,
    { details: { contactId: contact.id, status: contact.status, command: command.type } },
  );
}
