import { qualifies, type AgentEntry } from './agentIndex';
import type { ClassTrie, TrieSearch } from './classTrie';
import type { ContactEntry } from './contactEntry';
import type { PassedOver } from './routingDecision';
import {
  maxKeyedSkills,
  ranksAbove,
  scoreOf,
  type Membership,
  type RoutingClass,
} from './routingClass';

/** The search a freed agent runs for the best waiting contact it may take. */
export interface FreedAgentSearch {
  /**
   * The best contact for `agent` among the classes in the trie, or `undefined`. A branch or a
   * class whose best contact does not reach the best found so far is skipped, and a search inside
   * a class stops at the first contact that does not beat it.
   */
  run(agent: AgentEntry, now: number, passedOver: PassedOver): Membership<ContactEntry> | undefined;
  /** The classes the last run looked at. */
  readonly considered: number;
}

/**
 * Creates the branch and bound search over `trie` for freed agents. It keeps its running state in
 * the closure, so a run allocates no objects.
 *
 * @internal
 */
export function createFreedAgentSearch(
  trie: ClassTrie<RoutingClass<ContactEntry>>,
): FreedAgentSearch {
  let agent: AgentEntry;
  let now = 0;
  let passedOver: PassedOver;
  let pick: Membership<ContactEntry> | undefined;
  let considered = 0;
  const searcher: TrieSearch<RoutingClass<ContactEntry>> = {
    floor: -Infinity,
    holds: 0,
    visit,
  };

  /** Looks at one class the walk reached. */
  function visit(routingClass: RoutingClass<ContactEntry>) {
    const top = routingClass.heap.peek();
    if (top === undefined || (agent.listedOn & routingClass.channelBit) === 0) return;
    // The walk followed the agent's own codes: only codes past the keyed ones need a check.
    const { codes } = routingClass;
    if (codes.length > maxKeyedSkills && !covers(agent, codes)) return;
    considered += 1;
    if (pick && !ranksAbove(top, pick, now)) return;
    const head = routingClass.heap.findInOrder(beatsAndTakes);
    if (head && (!pick || ranksAbove(head, pick, now)) && takes(head)) {
      pick = head;
      searcher.floor = scoreOf(head, now);
    }
  }

  /** Whether the agent qualifies for `member` and did not pass it over. */
  function takes(member: Membership<ContactEntry>): boolean {
    return (
      qualifies(agent, member.requirements) &&
      !passedOver(member.entry.contact.id, agent.state.profile.id)
    );
  }

  /** Stops a search in a class: at a contact that cannot beat the pick, or one the agent takes. */
  function beatsAndTakes(member: Membership<ContactEntry>): boolean {
    return pick && !ranksAbove(member, pick, now) ? true : takes(member);
  }

  return {
    run(forAgent, at, passed) {
      agent = forAgent;
      now = at;
      passedOver = passed;
      pick = undefined;
      considered = 0;
      searcher.floor = -Infinity;
      searcher.holds = agent.holds;
      trie.search(agent.codes, now, searcher);
      const found = pick as Membership<ContactEntry> | undefined; // set by visit
      pick = undefined;
      return found;
    },
    get considered() {
      return considered;
    },
  };
}

/** Whether the agent has every skill of `codes` (at any proficiency). */
function covers(agent: AgentEntry, codes: readonly number[]): boolean {
  for (const code of codes) if (agent.proficiency[code] === undefined) return false;
  return true;
}
