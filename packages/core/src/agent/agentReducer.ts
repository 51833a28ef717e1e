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
      return update(agents, event.agentId, (agent, next) => {
        next.presence = event.presence;
        next.since = event.at;
        if (event.previous.status === 'offline') next.missedOffers = 0;
        if (event.presence.status === 'available' && agent.contactIds.length === 0)
          next.idleSince = event.at;
        return next;
      });
    case 'agent.profileChanged':
      return update(agents, event.agentId, (_agent, next) => {
        next.profile = event.agent;
        return next;
      });
    case 'contact.accepted':
      // Usually already 0: keeping the same state lets the centre skip refiling the agent.
      return update(agents, event.agentId, (agent, next) => {
        if (!agent.missedOffers) return agent;
        next.missedOffers = 0;
        return next;
      });
    case 'contact.missed':
      return update(agents, event.agentId, (agent, next) => {
        next.missedOffers = agent.missedOffers + 1;
        return next;
      });
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
    next = update(next, agentId, (agent, changed) => {
      const contactIds = agent.contactIds.filter((id) => id !== contact.id);
      if (contactIds.length === agent.contactIds.length) return agent;
      changed.contactIds = contactIds;
      changed.load = loadWith(agent.load, channel, -1);
      if (contactIds.length === 0) changed.idleSince = at;
      return changed;
    });
  }
  for (const agentId of after) {
    // Most contact events keep their holder (connected, wrap-up, hold): it has the contact.
    if (before.includes(agentId)) continue;
    next = update(next, agentId, (agent, changed) => {
      if (agent.contactIds.includes(contact.id)) return agent;
      changed.contactIds = [...agent.contactIds, contact.id];
      changed.load = loadWith(agent.load, channel, 1);
      return changed;
    });
  }
  return next;
}

/** `load` with `delta` more contacts on `channel`, every channel named (no computed-key spread). */
function loadWith(
  load: AgentState['load'],
  channel: keyof AgentState['load'],
  delta: number,
): AgentState['load'] {
  const { voice, chat, email, sms, social } = load;
  const next = { voice, chat, email, sms, social };
  next[channel] += delta;
  return next;
}

/** An agent state that may still be changed: the fresh copy `update` hands its change. */
type Draft = { -readonly [K in keyof AgentState]: AgentState[K] };

/**
 * Applies `change` to a copy of the agent; it returns the copy, or the agent to keep it. The copy
 * names every field, so V8 builds it with one shape in one step; a spread of the previous state
 * is its slow generic copy, and this runs for every offer, completion and status change.
 */
function update(
  agents: AgentsById,
  agentId: AgentId,
  change: (agent: AgentState, next: Draft) => AgentState,
): AgentsById {
  const agent = agents.get(agentId);
  if (!agent) return agents;
  const { profile, presence, since, missedOffers, idleSince, contactIds, load } = agent;
  const next = { profile, presence, since, missedOffers, idleSince, contactIds, load };
  return agents.set(agentId, change(agent, next));
}
