import type { AgentState } from '../agent/agentState';
import { capacityChannel, type Channel } from '../model/channel';
import type { Contact } from '../model/contact';
import type { SkillRequirement } from '../model/queue';

/** How many contacts an agent holds on each capacity channel. */
export function loadOf(
  agent: AgentState,
  contacts: ReadonlyMap<string, Contact>,
): Record<ReturnType<typeof capacityChannel>, number> {
  const load = { voice: 0, chat: 0, email: 0, sms: 0, social: 0 };
  for (const id of agent.contactIds) {
    const contact = contacts.get(id);
    if (contact) load[capacityChannel(contact.channel)] += 1;
  }
  return load;
}

/**
 * Whether the agent can take one more contact on `channel`. Voice is exclusive both ways:
 * a call needs an otherwise empty desk, and nothing else is offered during a call.
 */
export function hasFreeCapacity(
  agent: AgentState,
  contactChannel: Channel,
  contacts: ReadonlyMap<string, Contact>,
): boolean {
  const channel = capacityChannel(contactChannel);
  const load = loadOf(agent, contacts);
  if (channel !== 'voice' && load.voice > 0) return false;
  if (channel === 'voice' && agent.contactIds.length > 0) return false;
  return load[channel] < agent.profile.capacity[channel];
}

/** Whether the agent has every required skill at its minimum proficiency. */
export function hasSkills(agent: AgentState, requirements: readonly SkillRequirement[]): boolean {
  return requirements.every((requirement) =>
    agent.profile.skills.some(
      (level) =>
        level.skill === requirement.skill && level.proficiency >= requirement.minProficiency,
    ),
  );
}
