import type { Draft } from 'immer';
import { evolveAgents, syncHolders, type AgentsById } from '../agent/agentReducer';
import { holdersOf, noHolders } from '../contact/contactMachine';
import { evolveContact } from '../contact/contactReducer';
import { contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId } from '../model/ids';
import type { AgentState } from '../agent/agentState';
import { PersistentMap } from '../store/persistentMap';

/**
 * The live state of a contact centre: every agent and every contact, by id. Immutable: each
 * change makes a new state that shares everything unchanged with the previous one.
 */
export interface CenterState {
  /** Agents by id. */
  readonly agents: AgentsById;
  /** Contacts by id, finished ones included. */
  readonly contacts: PersistentMap<ContactId, Contact>;
}

/** A centre with no agents and no contacts. */
export const emptyCenterState: CenterState = Object.freeze({
  agents: PersistentMap.empty<AgentId, AgentState>(),
  contacts: PersistentMap.empty<ContactId, Contact>(),
});

/**
 * Applies one domain event to the centre: to the contact it concerns, to the agents it
 * concerns, and moves the contact between the agents holding it. Pure; replaying the event log
 * through it rebuilds the same state.
 */
export function evolveCenter(state: CenterState, event: DomainEvent): CenterState {
  const agents = evolveAgents(state.agents, event);
  if (isAgentEvent(event))
    return agents === state.agents ? state : centerState(agents, state.contacts);
  const id = contactIdOf(event);
  const before = state.contacts.get(id);
  const current = before ?? (event.type === 'contact.created' ? event.contact : undefined);
  if (!current) return agents === state.agents ? state : centerState(agents, state.contacts);
  const after = evolveContact(current, event);
  return centerState(
    syncHolders(agents, after, before ? holdersOf(before) : noHolders, holdersOf(after), event.at),
    state.contacts.set(id, after),
  );
}

/**
 * A frozen state of the two maps (themselves frozen): a store's deep freeze of it then stops
 * at once, instead of walking its fields after every event.
 */
function centerState(agents: AgentsById, contacts: CenterState['contacts']): CenterState {
  return Object.freeze({ agents, contacts });
}

/**
 * {@link evolveCenter} as a store reducer. The persistent maps are not drafted by immer (they
 * are class instances), so the reducer swaps them whole: a change costs O(log n), not O(n).
 */
export function reduceCenter(draft: Draft<CenterState>, event: DomainEvent): void {
  const state = draft as unknown as CenterState;
  const next = evolveCenter(state, event);
  if (next === state) return;
  Object.assign(draft, next);
}
