import { syncHolders, evolveAgents } from '../agent/agentReducer';
import type { AgentState } from '../agent/agentState';
import { emptyCenterState, type CenterState } from '../center/centerState';
import { holdersOf } from '../contact/contactMachine';
import { isAgentEvent, type DomainEvent } from '../events/domainEvents';
import type { Contact } from '../model/contact';

/** A domain event as a centre server sends it: the event and the state it produced. */
type MirroredEvent = DomainEvent & { readonly state?: AgentState | Contact };

/** The state a server's `welcome` starts a client from. */
export function mirrorSnapshot(snapshot: {
  readonly agents: readonly unknown[];
  readonly contacts: readonly unknown[];
}): CenterState {
  let { agents, contacts } = emptyCenterState;
  for (const agent of snapshot.agents as AgentState[]) agents = agents.set(agent.profile.id, agent);
  for (const contact of snapshot.contacts as Contact[])
    contacts = contacts.set(contact.id, contact);
  return { agents, contacts };
}

/**
 * Applies one event the server sent to a mirrored centre state. Agent events carry the agent's
 * new state; contact events carry the contact's, and the agents holding it are moved as the
 * server's reducer moves them. Events that are not domain events (`routing.*`, `supervisor.*`)
 * leave the state as it is.
 */
export function mirrorEvent(state: CenterState, name: string, payload: unknown): CenterState {
  const event = payload as MirroredEvent | null;
  if (typeof event !== 'object' || event === null || event.type !== name || !event.state) {
    return state;
  }
  if (isAgentEvent(event)) {
    const agent = event.state as AgentState;
    return { ...state, agents: state.agents.set(agent.profile.id, agent) };
  }
  const after = event.state as Contact;
  const before = state.contacts.get(after.id);
  const agents = syncHolders(
    evolveAgents(state.agents, event),
    after,
    before ? holdersOf(before) : [],
    holdersOf(after),
    event.at,
  );
  return { agents, contacts: state.contacts.set(after.id, after) };
}
