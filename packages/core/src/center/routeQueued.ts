import type { AgentState } from '../agent/agentState';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId, QueueId } from '../model/ids';
import type { Queue } from '../model/queue';
import { hasFreeCapacity, hasSkills } from '../routing/eligibility';
import type { CenterState } from './centerState';

/** One routing decision: offer this contact to this agent. */
export interface RouteDecision {
  /** The contact to offer. */
  readonly contactId: ContactId;
  /** The agent to offer it to. */
  readonly agentId: AgentId;
}

/**
 * The embedded centre's first routing decision, or `null` when no queued contact has an
 * eligible agent. Contacts go by priority (queue + contact), then time queued; agents by
 * longest idle. `passedOver` excludes pairs, e.g. an agent who just declined or missed the contact.
 * This is the plain scan the ACD engine (`routing/`) will replace with indexes.
 */
export function nextRoute(
  state: CenterState,
  queues: ReadonlyMap<QueueId, Queue>,
  passedOver: (contactId: ContactId, agentId: AgentId) => boolean,
): RouteDecision | null {
  const available = Object.values(state.agents)
    .filter((agent) => agent.presence.status === 'available')
    .sort((a, b) => a.idleSince - b.idleSince);
  if (available.length === 0) return null;
  const waiting = Object.values(state.contacts)
    .filter((contact) => contact.status === 'queued')
    .sort((a, b) => priorityOf(b, queues) - priorityOf(a, queues) || queuedAt(a) - queuedAt(b));
  for (const contact of waiting) {
    const queue = contact.queueId ? queues.get(contact.queueId) : undefined;
    const agent = available.find(
      (candidate: AgentState) =>
        !passedOver(contact.id, candidate.profile.id) &&
        hasSkills(candidate, queue?.requiredSkills ?? []) &&
        hasFreeCapacity(candidate, contact.channel, state.contacts),
    );
    if (agent) return { contactId: contact.id, agentId: agent.profile.id };
  }
  return null;
}

function priorityOf(contact: Contact, queues: ReadonlyMap<QueueId, Queue>): number {
  return contact.priority + (contact.queueId ? (queues.get(contact.queueId)?.priority ?? 0) : 0);
}

function queuedAt(contact: Contact): number {
  return contact.timestamps.queued ?? contact.since;
}
