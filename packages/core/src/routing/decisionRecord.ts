import type { Agent } from '../model/agent';
import type { ContactId } from '../model/ids';
import type { Queue, SkillRequirement } from '../model/queue';
import type { AgentEntry } from './agentIndex';
import type { CandidateAccount, RoutedExplanation, RoutingTrigger } from './explanation';
import type { CodedRequirement, SkillCodes } from './routingClass';
import type { StrategyCandidate } from './strategies';

/**
 * A decision as the router's `explain` needs it: the figures of that moment, flat; the JSON
 * explanation, with the requirements' names, is built only when asked.
 *
 * @internal
 */
export interface DecisionRecord {
  /** The chosen agent's profile then. */
  readonly profile: Agent;
  /** When the chosen agent had become idle. */
  readonly idleSince: number;
  /** How many contacts the chosen agent held then. */
  readonly held: number;
  /** When the router had last offered that agent a contact before. */
  readonly lastOfferedAt: number;
  /** The agent's proficiency summed over the requirements. */
  readonly proficiency: number;
  /** When it was decided. */
  readonly decidedAt: number;
  /** What made the router decide. */
  readonly trigger: RoutingTrigger;
  /** The queue whose rules matched, as it was then. */
  readonly queue: Queue;
  /** The requirements in force. */
  readonly requirements: readonly CodedRequirement[];
  /** The escalation step in force. */
  readonly step: number;
  /** The best agent the chosen one beat, when the strategy compared several. */
  readonly runnerUp: StrategyCandidate | null;
  /** Free agents who qualified, or classes looked at. */
  readonly considered: number;
  /** The contact's score then. */
  readonly score: number;
}

/** The explanation of a decision on record. */
export function explainRouted(
  contactId: ContactId,
  decided: DecisionRecord,
  skills: SkillCodes,
): RoutedExplanation {
  const { profile, trigger, queue } = decided;
  const agentId = profile.id;
  return {
    contactId,
    status: 'routed',
    agentId,
    decidedAt: decided.decidedAt,
    trigger,
    queueId: queue.id,
    strategy: trigger === 'contactArrived' ? queue.strategy : 'bestContactForAgent',
    requirements: requirementNames(decided.requirements, skills),
    step: decided.step,
    chosen: {
      agentId,
      idleSince: decided.idleSince,
      lastOfferedAt: decided.lastOfferedAt,
      occupancy: occupancyOf(profile, decided.held),
      proficiency: decided.proficiency,
    },
    runnerUp: decided.runnerUp && accountOf(decided.runnerUp),
    considered: decided.considered,
    score: decided.score,
  };
}

/** Requirements in skill names, as explanations show them. */
export function requirementNames(
  requirements: readonly CodedRequirement[],
  skills: SkillCodes,
): SkillRequirement[] {
  return requirements.map((requirement) => ({
    skill: skills.name(requirement.code),
    minProficiency: requirement.min,
  }));
}

/** What a strategy knows of an agent for a contact with `requirements`. */
export function candidateOf(
  agent: AgentEntry,
  requirements: readonly CodedRequirement[],
): StrategyCandidate {
  const { state } = agent;
  return {
    agentId: state.profile.id,
    idleSince: state.idleSince,
    lastOfferedAt: agent.lastOfferedAt,
    occupancy: occupancyOf(state.profile, state.contactIds.length),
    proficiency: proficiencyOf(agent, requirements),
    skills: agent.skillsByName,
  };
}

/** The agent's proficiency summed over `requirements`. */
export function proficiencyOf(
  agent: AgentEntry,
  requirements: readonly CodedRequirement[],
): number {
  let proficiency = 0;
  for (const requirement of requirements) proficiency += agent.proficiency[requirement.code] ?? 0;
  return proficiency;
}

/** `held` contacts over the agent's total capacity, 0 to 1. */
function occupancyOf(profile: Agent, held: number): number {
  const { voice, chat, email, sms, social } = profile.capacity;
  const capacity = voice + chat + email + sms + social;
  return capacity === 0 ? 1 : held / capacity;
}

const accountOf = (candidate: StrategyCandidate): CandidateAccount => ({
  agentId: candidate.agentId,
  idleSince: candidate.idleSince,
  lastOfferedAt: candidate.lastOfferedAt,
  occupancy: candidate.occupancy,
  proficiency: candidate.proficiency,
});
