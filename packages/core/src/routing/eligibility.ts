import type { AgentState } from '../agent/agentState';
import { capacityChannel, type Channel } from '../model/channel';
import type { SkillRequirement } from '../model/queue';

/**
 * Whether the agent can take one more contact on `channel`. Voice is exclusive both ways:
 * a call needs an otherwise empty desk, and nothing else is offered during a call.
 */
export function hasFreeCapacity(agent: AgentState, contactChannel: Channel): boolean {
  const channel = capacityChannel(contactChannel);
  if (channel !== 'voice' && agent.load.voice > 0) return false;
  if (channel === 'voice' && agent.contactIds.length > 0) return false;
  return agent.load[channel] < agent.profile.capacity[channel];
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
