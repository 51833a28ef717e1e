import type { AgentPresence } from '../agent/agentState';
import type { Classification } from '../contact/contactCommands';
import type { Agent } from '../model/agent';
import type { Contact } from '../model/contact';
import type { Customer } from '../model/customer';
import type { AgentId, ContactId, QueueId } from '../model/ids';

/** Fields of every domain event. */
interface Base<T extends string> {
  /** The event's name, `domain.pastTense`. */
  readonly type: T;
  /** When it happened (ms since epoch, from the injected clock). */
  readonly at: number;
}

/** An agent joined the centre's roster. */
export interface AgentRegistered extends Base<'agent.registered'> {
  /** The agent's profile. */
  readonly agent: Agent;
}
/** An agent's presence changed (log in and log out included). */
export interface AgentStatusChanged extends Base<'agent.statusChanged'> {
  /** Whose. */
  readonly agentId: AgentId;
  /** The new presence. */
  readonly presence: AgentPresence;
  /** The presence before. */
  readonly previous: AgentPresence;
}

/** An admin changed an agent's profile (name, roles, skills, capacity). */
export interface AgentProfileChanged extends Base<'agent.profileChanged'> {
  /** Whose. */
  readonly agentId: AgentId;
  /** The new profile. */
  readonly agent: Agent;
}

/** A contact was opened. */
export interface ContactCreated extends Base<'contact.created'> {
  /** The contact as created. */
  readonly contact: Contact;
}
/** A contact entered an IVR menu. */
export interface ContactIvrEntered extends Base<'contact.ivrEntered'> {
  /** Which contact. */
  readonly contactId: ContactId;
}
/** A contact started waiting in a queue. */
export interface ContactQueued extends Base<'contact.queued'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Which queue. */
  readonly queueId: QueueId;
  /** What an IVR or bot learnt, applied to the contact as it queues. */
  readonly classification?: Classification;
}
/** A waiting customer asked to be called back: the contact became a callback, in its place. */
export interface ContactCallbackRequested extends Base<'contact.callbackRequested'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The number to call back, when the customer gave one. */
  readonly phone?: string;
}
/** A contact was reserved for one agent until `expiresAt`. */
export interface ContactOffered extends Base<'contact.offered'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** To whom. */
  readonly agentId: AgentId;
  /** When the offer lapses. */
  readonly expiresAt: number;
}
/** The agent took the offered contact. */
export interface ContactAccepted extends Base<'contact.accepted'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Who accepted. */
  readonly agentId: AgentId;
}
/** The agent declined the offer; the contact goes back to its queue. */
export interface ContactRejected extends Base<'contact.rejected'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Who declined. */
  readonly agentId: AgentId;
}
/** The offer lapsed unanswered; the contact goes back to its queue. */
export interface ContactMissed extends Base<'contact.missed'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Who missed it. */
  readonly agentId: AgentId;
}
/** Agent and customer are connected (media up, chat open). */
export interface ContactConnected extends Base<'contact.connected'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent connected. */
  readonly agentId: AgentId;
}
/** The customer was put on hold. */
export interface ContactHeld extends Base<'contact.held'> {
  /** Which contact. */
  readonly contactId: ContactId;
}
/** The customer was taken off hold. */
export interface ContactResumed extends Base<'contact.resumed'> {
  /** Which contact. */
  readonly contactId: ContactId;
}
/** The agent started consulting another agent while the customer waits. */
export interface ContactConsultStarted extends Base<'contact.consultStarted'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent consulted. */
  readonly consultAgentId: AgentId;
}
/** The consultation ended without a transfer; the customer is back with the agent. */
export interface ContactConsultEnded extends Base<'contact.consultEnded'> {
  /** Which contact. */
  readonly contactId: ContactId;
}
/** The consulted agent joined agent and customer in a conference. */
export interface ContactConferenced extends Base<'contact.conferenced'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Every agent in the conference, owner first. */
  readonly participants: readonly AgentId[];
}
/** The contact moved to another agent or queue. */
export interface ContactTransferred extends Base<'contact.transferred'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent who transferred it. */
  readonly fromAgentId: AgentId;
  /** `blind` (the target is offered the contact) or `consult` (the target already spoke to the agent). */
  readonly mode: 'blind' | 'consult';
  /** Where it went. */
  readonly target: TransferTarget;
}
/** The conversation ended and the agent is wrapping up. */
export interface ContactWrapUpStarted extends Base<'contact.wrapUpStarted'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent wrapping up. */
  readonly agentId: AgentId;
}
/** The agent finished the contact. */
export interface ContactCompleted extends Base<'contact.completed'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent who completed it, if any. */
  readonly agentId: AgentId | null;
  /** The disposition code recorded, if any. */
  readonly disposition: string | null;
}
/** The customer left before being served. */
export interface ContactAbandoned extends Base<'contact.abandoned'> {
  /** Which contact. */
  readonly contactId: ContactId;
}
/** The contact could not continue (media or delivery failure). */
export interface ContactFailed extends Base<'contact.failed'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** Why. */
  readonly reason: string;
}

/** Where a transfer goes: another agent or a queue. */
export type TransferTarget =
  | {
      /** To an agent. */
      readonly kind: 'agent';
      /** Which agent. */
      readonly agentId: AgentId;
    }
  | {
      /** To a queue. */
      readonly kind: 'queue';
      /** Which queue. */
      readonly queueId: QueueId;
    };

/** Facts were merged into a contact's attributes (a host or plugin annotated it). */
export interface ContactAnnotated extends Base<'contact.annotated'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent holding the contact, if any (their desk hears of it). */
  readonly agentId: AgentId | null;
  /** The facts merged into `attributes`. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * A customer's personal data was erased from a contact (access and erasure requests): the
 * customer became a tombstone and the attributes lost their strings, except the kept ones.
 * Everything KPIs read (ids, channel, queue, times, agents) stays.
 */
export interface ContactErased extends Base<'contact.erased'> {
  /** Which contact. */
  readonly contactId: ContactId;
  /** The agent holding the contact, if any (their desk hears of it). */
  readonly agentId: AgentId | null;
  /** The customer as erasure leaves them: `{ id: tombstone, attributes: {} }`. */
  readonly customer: Customer;
  /** The attributes as erasure leaves them. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Every event about agents. */
export type AgentEvent = AgentRegistered | AgentStatusChanged | AgentProfileChanged;

/** Every event about contacts. */
export type ContactEvent =
  | ContactCreated
  | ContactIvrEntered
  | ContactQueued
  | ContactCallbackRequested
  | ContactOffered
  | ContactAccepted
  | ContactRejected
  | ContactMissed
  | ContactConnected
  | ContactHeld
  | ContactResumed
  | ContactConsultStarted
  | ContactConsultEnded
  | ContactConferenced
  | ContactTransferred
  | ContactWrapUpStarted
  | ContactCompleted
  | ContactAbandoned
  | ContactAnnotated
  | ContactErased
  | ContactFailed;

/** Every event the state machines produce: the append-only history of a centre. */
export type DomainEvent = AgentEvent | ContactEvent;

/** Whether an event is about an agent (rather than a contact). */
export function isAgentEvent(event: DomainEvent): event is AgentEvent {
  return event.type.startsWith('agent.');
}

/** The id of the contact an event is about. */
export function contactIdOf(event: ContactEvent): ContactId {
  return event.type === 'contact.created' ? event.contact.id : event.contactId;
}

/** The id of the agent an agent event is about. */
export function agentIdOf(event: AgentEvent): AgentId {
  return event.type === 'agent.registered' ? event.agent.id : event.agentId;
}
