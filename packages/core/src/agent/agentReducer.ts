import type { Draft } from 'immer';
import type { DomainEvent } from '../events/domainEvents';
import type { AgentId, ContactId } from '../model/ids';
import type { AgentState } from './agentState';

/** The agents of a centre, by id. */
export type AgentsById = Record<AgentId, AgentState>;

/** Applies an agent event, or the offer counters of a contact event, to the agents it concerns. */
export function reduceAgents(agents: Draft<AgentsById>, event: DomainEvent): void {
  switch (event.type) {
    case 'agent.registered':
      agents[event.agent.id] = {
        profile: event.agent,
        presence: { status: 'offline' },
        since: event.at,
        missedOffers: 0,
        idleSince: event.at,
        contactIds: [],
      };
      return;
    case 'agent.statusChanged': {
      const agent = agents[event.agentId];
      if (!agent) return;
      agent.presence = event.presence;
      agent.since = event.at;
      if (event.previous.status === 'offline') agent.missedOffers = 0;
      return;
    }
    case 'contact.accepted': {
      const agent = agents[event.agentId];
      if (agent) agent.missedOffers = 0;
      return;
    }
    case 'contact.missed': {
      const agent = agents[event.agentId];
      if (agent) agent.missedOffers += 1;
      return;
    }
    default:
      return;
  }
}

/**
 * Moves a contact between the agents holding it: those in `before` but not in `after` let go
 * (and start idling when they hold nothing else), those only in `after` take it.
 */
export function syncHolders(
  agents: Draft<AgentsById>,
  contactId: ContactId,
  before: readonly AgentId[],
  after: readonly AgentId[],
  at: number,
): void {
  for (const agentId of before) {
    const agent = agents[agentId];
    if (!agent || after.includes(agentId)) continue;
    const index = agent.contactIds.indexOf(contactId);
    if (index === -1) continue;
    agent.contactIds.splice(index, 1);
    if (agent.contactIds.length === 0) agent.idleSince = at;
  }
  for (const agentId of after) {
    const agent = agents[agentId];
    if (agent && !agent.contactIds.includes(contactId)) agent.contactIds.push(contactId);
  }
}
