import type { AgentState } from '../agent/agentState';
import type { AgentId } from '../model/ids';
import { ChannelSets, rowOf, topLevel } from './channelSets';
import { skillBits } from './classTrie';
import { routedChannels, type CodedRequirement, type SkillCodes } from './routingClass';

/** The longest walk in idle order is expected at (free agents / qualified ones) at most this. */
const idleWalkRatio = 16;
/** A walk in idle order gives up after this many agents and lets the bitsets decide. */
const idleWalkLimit = 64;

/** The router's record of one agent. */
export interface AgentEntry {
  /** The agent's state as last filed. */
  state: AgentState;
  /** Its slot in the index's sets: registration order, which also breaks idle-time ties. */
  readonly slot: number;
  /** Skill codes, ascending. */
  codes: number[];
  /** The codes' {@link skillBits}. */
  holds: number;
  /** Proficiency by skill code (holes for skills the agent lacks). */
  proficiency: number[];
  /** Proficiency by skill name, for strategies. */
  skillsByName: ReadonlyMap<string, number>;
  /** Channels (bits) the agent is listed on: available with free capacity there. */
  listedOn: number;
  /** When the router last offered the agent a contact; 0 if never. */
  lastOfferedAt: number;
  /** Whether the agent waits in the router's work queue. */
  queued: boolean;
}

/** Whether the agent has every requirement at its minimum. */
export function qualifies(agent: AgentEntry, requirements: readonly CodedRequirement[]): boolean {
  for (const requirement of requirements) {
    if ((agent.proficiency[requirement.code] ?? 0) < requirement.min) return false;
  }
  return true;
}

/** The channel bits on which `agent` could take one more contact right now. */
export function freeChannels(agent: AgentState): number {
  if (agent.presence.status !== 'available') return 0;
  if (agent.load.voice > 0) return 0;
  let bits = 0;
  for (let index = 0; index < routedChannels.length; index += 1) {
    const channel = routedChannels[index] as (typeof routedChannels)[number];
    if (channel === 'voice' && agent.contactIds.length > 0) continue;
    if (agent.load[channel] < agent.profile.capacity[channel]) bits |= 1 << index;
  }
  return bits;
}

/**
 * The free agents as sets of slots: per channel, everyone free there, and per channel, skill and
 * proficiency level, those free there with at least that level. The agents who meet a contact's
 * requirements are the intersection of one set per requirement, so finding them costs a pass over
 * a few bitsets (about 1.3 KB each for 10,000 agents), whatever the skills' popularity. A
 * channel's sets are rows of one array ({@link ChannelSets}).
 */
export class AgentIndex {
  /** Every filed agent by id. */
  readonly agents = new Map<AgentId, AgentEntry>();
  /** Every filed agent by slot. */
  readonly bySlot: AgentEntry[] = [];
  /** The slots of the last {@link AgentIndex.qualified} search, in slot order. */
  found = new Int32Array(64);
  /** When each agent last became idle, by slot: ordering candidates reads no agent record. */
  idleSince = new Float64Array(64);
  /** The sets by channel index. */
  private readonly channels: ChannelSets[] = [];
  /** The rows of the running search. */
  private readonly scratch: number[] = [];

  constructor(private readonly skills: SkillCodes) {}

  /**
   * Files an agent's new state. Returns the channel bits the agent was not listed on before:
   * where new work may now match.
   */
  file(state: AgentState): number {
    let entry = this.agents.get(state.profile.id);
    const isNew = !entry;
    if (!entry) {
      entry = {
        state,
        slot: this.bySlot.length,
        codes: [],
        holds: 0,
        proficiency: [],
        skillsByName: new Map(),
        listedOn: 0,
        lastOfferedAt: 0,
        queued: false,
      };
      this.agents.set(state.profile.id, entry);
      this.bySlot.push(entry);
      if (entry.slot >= this.idleSince.length) {
        const grown = new Float64Array(this.idleSince.length * 2);
        grown.set(this.idleSince);
        this.idleSince = grown;
        this.found = new Int32Array(grown.length);
      }
    }
    const wanted = freeChannels(state);
    const profileChanged = isNew || entry.state.profile !== state.profile;
    // New skills may match waiting work on every free channel, not only newly free ones.
    const gained = profileChanged ? wanted : wanted & ~entry.listedOn;
    // New skills, or a new idle time (a new place in idle order), list the agent afresh.
    const afresh = profileChanged || this.idleSince[entry.slot] !== state.idleSince;
    this.unlist(entry, afresh ? entry.listedOn : entry.listedOn & ~wanted);
    entry.state = state;
    if (profileChanged) this.learnSkills(entry);
    this.idleSince[entry.slot] = state.idleSince;
    this.list(entry, afresh ? wanted : gained);
    return gained;
  }

  /**
   * Finds the free agents on the channel bit who meet every requirement: their slots, ascending,
   * fill {@link AgentIndex.found}; returns how many there are.
   */
  qualified(channelBit: number, requirements: readonly CodedRequirement[]): number {
    const sets = this.setsOn(channelBit);
    if (!sets) return 0;
    const rows = this.scratch;
    rows.length = 0;
    for (const requirement of requirements) {
      const row = sets.rowFor(requirement);
      if (row < 0) return 0;
      rows.push(row * sets.width);
    }
    if (rows.length === 0) rows.push(0);
    const { words } = sets;
    const length = Math.min((this.bySlot.length + 31) >>> 5, sets.width);
    let count = 0;
    for (let word = 0; word < length; word += 1) {
      let bits = 0xffffffff;
      for (let i = 0; i < rows.length && bits !== 0; i += 1)
        bits &= words[(rows[i] as number) + word] as number;
      while (bits !== 0) {
        const lowest = bits & -bits;
        this.found[count++] = word * 32 + 31 - Math.clz32(lowest);
        bits ^= lowest;
      }
    }
    return count;
  }

  /**
   * Finds the longest idle free agent on the channel bit who meets every requirement (ties to the
   * lower slot): its slot goes to `found[0]`; returns how many agents qualify. With at most one
   * requirement met by many, a short walk in idle order finds it; otherwise {@link
   * AgentIndex.qualified} and a pass over their idle times do.
   */
  longestIdle(channelBit: number, requirements: readonly CodedRequirement[]): number {
    const walked = this.walkIdle(channelBit, requirements);
    if (walked > 0) return walked;
    const count = this.qualified(channelBit, requirements);
    const { found, idleSince } = this;
    let best = found[0] as number;
    for (let i = 1; i < count; i += 1) {
      const slot = found[i] as number;
      if ((idleSince[slot] as number) < (idleSince[best] as number)) best = slot;
    }
    found[0] = best;
    return count;
  }

  /**
   * The walk of {@link AgentIndex.longestIdle}: 0 when it does not apply (several requirements, a
   * row so sparse that the walk would be long) or gave up after {@link idleWalkLimit} agents.
   */
  private walkIdle(channelBit: number, requirements: readonly CodedRequirement[]): number {
    const sets = this.setsOn(channelBit);
    if (!sets || requirements.length > 1) return 0;
    const requirement = requirements[0];
    const row = requirement ? sets.rowFor(requirement) : 0;
    if (row < 0) return 0;
    const count = sets.counts[row] as number;
    // Expect a walk of (free agents / qualified) steps; beyond a few, the bitset pass wins.
    if (count * idleWalkRatio < (sets.counts[0] as number)) return 0;
    const { words, width, idle } = sets;
    const base = row * width;
    let slot = idle.head;
    for (let step = 0; slot !== -1 && step < idleWalkLimit; step += 1) {
      if (((words[base + (slot >>> 5)] as number) & (1 << (slot & 31))) !== 0) {
        this.found[0] = slot;
        return count;
      }
      slot = idle.links[2 * slot] as number;
    }
    return 0;
  }

  /** The sets of the channel bit, if any agent was ever free there. */
  private setsOn(channelBit: number): ChannelSets | undefined {
    return this.channels[31 - Math.clz32(channelBit)];
  }

  private learnSkills(entry: AgentEntry): void {
    entry.proficiency = [];
    for (const level of entry.state.profile.skills)
      entry.proficiency[this.skills.code(level.skill)] = level.proficiency;
    entry.codes = entry.state.profile.skills
      .map((level) => this.skills.code(level.skill))
      .sort((a, b) => a - b);
    entry.holds = skillBits(entry.codes);
    entry.skillsByName = new Map(
      entry.state.profile.skills.map((level) => [level.skill, level.proficiency]),
    );
  }

  private list(entry: AgentEntry, bits: number): void {
    this.mark(entry, bits, true);
    entry.listedOn |= bits;
  }

  private unlist(entry: AgentEntry, bits: number): void {
    this.mark(entry, bits, false);
    entry.listedOn &= ~bits;
  }

  /** Adds the agent to (or removes it from) its rows on the channel bits. */
  private mark(entry: AgentEntry, bits: number, present: boolean): void {
    const { slot, codes } = entry;
    for (let bit = 1, channel = 0; bit <= bits; bit <<= 1, channel += 1) {
      if ((bits & bit) === 0) continue;
      const sets = (this.channels[channel] ??= new ChannelSets());
      if (present) sets.fit(slot, codes[codes.length - 1] ?? 0);
      sets.mark(0, slot, present);
      if (present) sets.idle.insert(slot, this.idleSince);
      else sets.idle.remove(slot);
      for (const code of codes) {
        const top = Math.min(entry.proficiency[code] ?? 0, topLevel);
        for (let level = 1; level <= top; level += 1) sets.mark(rowOf(code, level), slot, present);
      }
    }
  }
}
