import type { AgentEntry, AgentIndex } from './agentIndex';
import type { Candidacy } from './contactEntry';
import { candidateOf } from './decisionRecord';
import type { PassedOver } from './routingDecision';
import { channelBit } from './routingClass';
import type { RoutingStrategy, StrategyCandidate } from './strategies';

/** The agent chosen for a contact, with what the decision records of the choice. */
export interface AgentChoice {
  /** The chosen agent. */
  readonly agent: AgentEntry;
  /** The free agents who qualified. */
  readonly considered: number;
  /** The best agent the chosen one beat, when the strategy compared several. */
  readonly runnerUp: StrategyCandidate | null;
}

/**
 * Chooses, among the free agents who meet the candidacy's requirements on its channel and did not
 * pass the contact over, the one `strategy` ranks first; ties go to the longer idle, then to the
 * earlier registered. For `longestIdle` queues the index finds that agent alone ({@link
 * AgentIndex.longestIdle}); the others are read only when it passed the contact over.
 *
 * @internal
 */
export function chooseAgent(
  index: AgentIndex,
  candidacy: Candidacy,
  strategy: RoutingStrategy,
  passedOver: PassedOver,
): AgentChoice | undefined {
  const { entry, queue, requirements } = candidacy;
  const contactId = entry.contact.id;
  const bit = channelBit(entry.contact.channel);
  const { found, bySlot } = index;
  if (queue.strategy === 'longestIdle') {
    const count = index.longestIdle(bit, requirements);
    if (count === 0) return undefined;
    const agent = bySlot[found[0] as number] as AgentEntry;
    if (!passedOver(contactId, agent.state.profile.id))
      return { agent, considered: count, runnerUp: null };
  }
  const count = index.qualified(bit, requirements);
  // Equal for the strategy: the longer idle wins, then the lower slot (the order of `found`).
  const compare = (a: StrategyCandidate, b: StrategyCandidate) =>
    strategy(a, b) || a.idleSince - b.idleSince;
  let chosen: AgentEntry | undefined;
  let best: StrategyCandidate | undefined;
  let runnerUp: StrategyCandidate | null = null;
  for (let i = 0; i < count; i += 1) {
    const agent = bySlot[found[i] as number] as AgentEntry;
    if (passedOver(contactId, agent.state.profile.id)) continue;
    const candidate = candidateOf(agent, requirements);
    if (!best || compare(candidate, best) < 0) {
      runnerUp = best ?? null;
      best = candidate;
      chosen = agent;
    } else if (!runnerUp || compare(candidate, runnerUp) < 0) runnerUp = candidate;
  }
  return chosen && { agent: chosen, considered: count, runnerUp };
}
