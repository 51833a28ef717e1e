import { agentIdOf, contactIdOf, isAgentEvent, type DomainEvent } from '../events/domainEvents';
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

/** The embedded centre's router: which queued contact goes to which available agent next. */
export interface QueueRouter {
  /** Keeps the sets of queued contacts and available agents in step with an applied event. */
  track: (event: DomainEvent, state: CenterState) => void;
  /**
   * The next decision, or `null` when no queued contact has an eligible agent. `passedOver`
   * excludes pairs, e.g. an agent who just declined or missed the contact.
   */
  next: (
    state: CenterState,
    passedOver: (contactId: ContactId, agentId: AgentId) => boolean,
  ) => RouteDecision | null;
}

/**
 * Creates the embedded centre's first router. Contacts go by priority (queue + contact), then
 * time queued; agents by longest idle, among those with every required skill and free capacity.
 * It scans the queued contacts and available agents it tracks; the ACD engine (`routing/`)
 * will replace it with indexes per skill.
 */
export function createQueueRouter(queues: ReadonlyMap<QueueId, Queue>): QueueRouter {
  const queued = new Set<ContactId>();
  const available = new Set<AgentId>();
  const priorityOf = (contact: Contact) =>
    contact.priority + (contact.queueId ? (queues.get(contact.queueId)?.priority ?? 0) : 0);
  const queuedAt = (contact: Contact) => contact.timestamps.queued ?? contact.since;

  return {
    track(event, state) {
      if (isAgentEvent(event)) {
        const agentId = agentIdOf(event);
        if (state.agents.get(agentId)?.presence.status === 'available') available.add(agentId);
        else available.delete(agentId);
        return;
      }
      const contactId = contactIdOf(event);
      if (state.contacts.get(contactId)?.status === 'queued') queued.add(contactId);
      else queued.delete(contactId);
    },
    next(state, passedOver) {
      if (available.size === 0 || queued.size === 0) return null;
      const waiting = [...queued]
        .flatMap((id) => state.contacts.get(id) ?? [])
        .sort((a, b) => priorityOf(b) - priorityOf(a) || queuedAt(a) - queuedAt(b));
      // Contacts of one queue and channel need the same agents: once one of them finds nobody
      // (and no pass-over was involved), the rest of that group is skipped.
      const unservable = new Set<string>();
      for (const contact of waiting) {
        const group = `${contact.queueId ?? ''}\u0000${contact.channel}`;
        if (unservable.has(group)) continue;
        const required = (contact.queueId && queues.get(contact.queueId)?.requiredSkills) || [];
        let chosen: AgentState | undefined;
        let passed = false;
        for (const agentId of available) {
          const agent = state.agents.get(agentId);
          if (!agent || (chosen && agent.idleSince >= chosen.idleSince)) continue;
          if (!hasSkills(agent, required) || !hasFreeCapacity(agent, contact.channel)) continue;
          if (passedOver(contact.id, agentId)) passed = true;
          else chosen = agent;
        }
        if (chosen) return { contactId: contact.id, agentId: chosen.profile.id };
        if (!passed) unservable.add(group);
      }
      return null;
    },
  };
}
