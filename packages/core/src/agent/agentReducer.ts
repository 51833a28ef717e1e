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
      return agents.set(
        event.agent.id,
        agentState(event.agent, { status: 'offline' }, event.at, 0, event.at, [], {
          voice: 0,
          chat: 0,
          email: 0,
          sms: 0,
          social: 0,
        }),
      );
    case 'agent.statusChanged':
      return update(agents, event.agentId, (agent) =>
        agentState(
          agent.profile,
          event.presence,
          event.at,
          event.previous.status === 'offline' ? 0 : agent.missedOffers,
          event.presence.status === 'available' && agent.contactIds.length === 0
            ? event.at
            : agent.idleSince,
          agent.contactIds,
          agent.load,
        ),
      );
    case 'agent.profileChanged':
      return update(agents, event.agentId, (agent) =>
        withMissedOffers(agent, agent.missedOffers, event.agent),
      );
    case 'contact.accepted':
      // Usually already 0: keeping the same state lets the centre skip refiling the agent.
      return update(agents, event.agentId, (agent) =>
        agent.missedOffers ? withMissedOffers(agent, 0, agent.profile) : agent,
      );
    case 'contact.missed':
      return update(agents, event.agentId, (agent) =>
        withMissedOffers(agent, agent.missedOffers + 1, agent.profile),
      );
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
      return agentState(
        agent.profile,
        agent.presence,
        agent.since,
        agent.missedOffers,
        contactIds.length === 0 ? at : agent.idleSince,
        contactIds,
        loadWith(agent.load, channel, -1),
      );
    });
  }
  for (const agentId of after) {
    // Most contact events keep their holder (connected, wrap-up, hold): it has the contact.
    if (before.includes(agentId)) continue;
    next = update(next, agentId, (agent) =>
      agent.contactIds.includes(contact.id)
        ? agent
        : agentState(
            agent.profile,
            agent.presence,
            agent.since,
            agent.missedOffers,
            agent.idleSince,
            [...agent.contactIds, contact.id],
            loadWith(agent.load, channel, 1),
          ),
    );
  }
  return next;
}

/**
 * An agent state with every field named, in the order of the interface: V8 builds it in
 * one step with one shape, where a spread of the previous state is its slow generic copy (this
 * runs for every offer, completion and status change).
 */
function agentState(
  profile: AgentState['profile'],
  presence: AgentState['presence'],
  since: number,
  missedOffers: number,
  idleSince: number,
  contactIds: AgentState['contactIds'],
  load: AgentState['load'],
): AgentState {
  return { profile, presence, since, missedOffers, idleSince, contactIds, load };
}

/** `agent` with another missed-offer count and profile, the rest unchanged. */
function withMissedOffers(
  agent: AgentState,
  missedOffers: number,
  profile: AgentState['profile'],
): AgentState {
  return agentState(
    profile,
    agent.presence,
    agent.since,
    missedOffers,
    agent.idleSince,
    agent.contactIds,
    agent.load,
  );
}

/** `load` with `delta` more contacts on `channel`, every channel named (no computed-key spread). */
function loadWith(
  load: AgentState['load'],
  channel: keyof AgentState['load'],
  delta: number,
): AgentState['load'] {
  return {
    voice: channel === 'voice' ? load.voice + delta : load.voice,
    chat: channel === 'chat' ? load.chat + delta : load.chat,
    email: channel === 'email' ? load.email + delta : load.email,
    sms: channel === 'sms' ? load.sms + delta : load.sms,
    social: channel === 'social' ? load.social + delta : load.social,
  };
}

function update(
  agents: AgentsById,
  agentId: AgentId,
  change: (agent: AgentState) => AgentState,
): AgentsById {
  const agent = agents.get(agentId);
  return agent ? agents.set(agentId, change(agent)) : agents;
}
