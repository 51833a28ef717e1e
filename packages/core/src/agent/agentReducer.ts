import type { DomainEvent } from '../events/domainEvents';
import { capacityChannel } from '../model/channel';
import type { Contact } from '../model/contact';
import type { AgentId } from '../model/ids';
import type { PersistentMap } from '../store/persistentMap';
import type { AgentState } from './agentState';

/** The agents of a centre, by id. */
export type AgentsById = PersistentMap<AgentId, AgentState>;

/** Applies an agent event, or the offer counters of a contact event, to the agents it concerns. */
export function evolveAgents(agents: AgentsById, event: DomainEvent): AgentsById {
  switch (event.type) {
    case 'agent.registered':
      return agents.set(event.agent.id, {
        profile: event.agent,
        presence: { status: 'offline' },
        since: event.at,
        missedOffers: 0,
        idleSince: event.at,
        contactIds: [],
        load: { voice: 0, chat: 0, email: 0, sms: 0, social: 0 },
      });
    case 'agent.statusChanged':
      return update(agents, event.agentId, (agent) => ({
        ...agent,
        presence: event.presence,
        since: event.at,
        missedOffers: event.previous.status === 'offline' ? 0 : agent.missedOffers,
        idleSince:
          event.presence.status === 'available' && agent.contactIds.length === 0
            ? event.at
            : agent.idleSince,
      }));
    case 'agent.profileChanged':
      return update(agents, event.agentId, (agent) => ({ ...agent, profile: event.agent }));
    case 'contact.accepted':
      // Usually already 0: keeping the same state lets the centre skip refiling the agent.
      return update(agents, event.agentId, (agent) =>
        agent.missedOffers ? { ...agent, missedOffers: 0 } : agent,
      );
    case 'contact.missed':
      return update(agents, event.agentId, (agent) => ({
        ...agent,
        missedOffers: agent.missedOffers + 1,
      }));
    default:
      return agents;
  }
}

/**
 * Moves a contact between the agents holding it: those in `before` but not in `after` let go
 * (and start idling when they hold nothing else), those only in `after` take it.
 */
export function syncHolders(
  agents: AgentsById,
  contact: Pick<Contact, 'id' | 'channel'>,
  before: readonly AgentId[],
  after: readonly AgentId[],
  at: number,
): AgentsById {
  const channel = capacityChannel(contact.channel);
  let next = agents;
  for (const agentId of before) {
    if (after.includes(agentId)) continue;
    next = update(next, agentId, (agent) => {
      const contactIds = agent.contactIds.filter((id) => id !== contact.id);
      if (contactIds.length === agent.contactIds.length) return agent;
      return {
        ...agent,
        contactIds,
        load: { ...agent.load, [channel]: agent.load[channel] - 1 },
        idleSince: contactIds.length === 0 ? at : agent.idleSince,
      };
    });
  }
  for (const agentId of after) {
    // Most contact events keep their holder (connected, wrap-up, hold): it has the contact.
    if (before.includes(agentId)) continue;
    next = update(next, agentId, (agent) =>
      agent.contactIds.includes(contact.id)
        ? agent
        : {
            ...agent,
            contactIds: [...agent.contactIds, contact.id],
            load: { ...agent.load, [channel]: agent.load[channel] + 1 },
          },
    );
  }
  return next;
}

function update(
  agents: AgentsById,
  agentId: AgentId,
  change: (agent: AgentState) => AgentState,
): AgentsById {
  const agent = agents.get(agentId);
  return agent ? agents.set(agentId, change(agent)) : agents;
}
