import type { Draft } from 'immer';
import { reduceAgents, syncHolders, type AgentsById } from '../agent/agentReducer';
import { holdersOf } from '../contact/contactMachine';
import { evolveContact } from '../contact/contactReducer';
import { contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
import type { Contact } from '../model/contact';
import type { ContactId } from '../model/ids';

/** The live state of a contact centre: every agent and every contact, by id. Frozen. */
export interface CenterState {
  /** Agents by id. */
  readonly agents: Readonly<AgentsById>;
  /** Contacts by id, finished ones included. */
  readonly contacts: Readonly<Record<ContactId, Contact>>;
}

/** A centre with no agents and no contacts. */
export const emptyCenterState: CenterState = { agents: {}, contacts: {} };

/**
 * Applies one domain event to the centre: to the contact it concerns, to the agents it
 * concerns, and moves the contact between the agents holding it. Replaying the event log
 * through this reducer rebuilds the same state.
 */
export function reduceCenter(draft: Draft<CenterState>, event: DomainEvent): void {
  reduceAgents(draft.agents, event);
  if (isAgentEvent(event)) return;
  const id = contactIdOf(event);
  const before = draft.contacts[id] as Contact | undefined;
  const current = before ?? (event.type === 'contact.created' ? event.contact : undefined);
  if (!current) return;
  const after = evolveContact(current, event);
  draft.contacts[id] = after as Draft<Contact>;
  syncHolders(draft.agents, id, before ? holdersOf(before) : [], holdersOf(after), event.at);
}
