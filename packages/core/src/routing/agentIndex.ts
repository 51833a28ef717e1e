import type { AgentState } from '../agent/agentState';
import type { AgentId } from '../model/ids';
import { IdleLine, type IdleOrdered } from './idleLine';
import { routedChannels, type CodedRequirement, type SkillCodes } from './routingClass';

/** The router's record of one agent. */
export interface AgentEntry extends IdleOrdered {
  /** The agent's state as last filed. */
  state: AgentState;
  /** Skill codes, ascending. */
  codes: number[];
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
  /** The lines the agent belongs in, per channel index; found once per profile. */
  lines: IdleLine<AgentEntry>[][];
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
 * Lines of free agents, longest idle first: one per channel for everyone, one per channel and
 * skill, and one per channel and pair of skills. A search walks the shortest line that can hold a
 * qualified agent.
 */
export class AgentIndex {
  /** Every filed agent by id. */
  readonly agents = new Map<AgentId, AgentEntry>();
  private readonly lines = new Map<number, IdleLine<AgentEntry>>();

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
        codes: [],
        proficiency: [],
        skillsByName: new Map(),
        listedOn: 0,
        listedIdleSince: state.idleSince,
        order: this.agents.size,
        lastOfferedAt: 0,
        queued: false,
        lines: [],
      };
      this.agents.set(state.profile.id, entry);
    }
    const wanted = freeChannels(state);
    const profileChanged = isNew || entry.state.profile !== state.profile;
    const relist = profileChanged || entry.listedIdleSince !== state.idleSince;
    // New skills may match waiting work on every free channel, not only newly free ones.
    const gained = profileChanged ? wanted : wanted & ~entry.listedOn;
    if (relist) this.unlist(entry, entry.listedOn);
    else this.unlist(entry, entry.listedOn & ~wanted);
    entry.state = state;
    if (profileChanged) this.learnSkills(entry);
    entry.listedIdleSince = state.idleSince;
    this.list(entry, relist ? wanted : gained);
    return gained;
  }

  /** The free agents on a channel bit, or those with one skill there, longest idle first. */
  line(channelBit: number, code?: number): readonly AgentEntry[] {
    return this.lines.get(lineKey(channelBit, code))?.items ?? [];
  }

  /**
   * The shortest line that holds every free agent on the channel bit with all of `requirements`
   * (distinct codes, ascending, as `requirementsOf` gives them): the channel's, a skill's, or a
   * pair of skills'.
   */
  shortestLine(
    channelBit: number,
    requirements: readonly CodedRequirement[],
  ): readonly AgentEntry[] {
    let line = this.line(channelBit);
    for (let i = 0; i < requirements.length; i += 1) {
      const code = (requirements[i] as CodedRequirement).code;
      const single = this.line(channelBit, code);
      if (single.length < line.length) line = single;
      for (let j = i + 1; j < requirements.length; j += 1) {
        const other = (requirements[j] as CodedRequirement).code;
        if (other >= pairCodeLimit) continue;
        const pair = this.lines.get(pairKey(channelBit, code, other))?.items ?? [];
        if (pair.length < line.length) line = pair;
      }
    }
    return line;
  }

  private learnSkills(entry: AgentEntry): void {
    entry.lines = [];
    entry.proficiency = [];
    for (const level of entry.state.profile.skills)
      entry.proficiency[this.skills.code(level.skill)] = level.proficiency;
    entry.codes = entry.state.profile.skills
      .map((level) => this.skills.code(level.skill))
      .sort((a, b) => a - b);
    entry.skillsByName = new Map(
      entry.state.profile.skills.map((level) => [level.skill, level.proficiency]),
    );
  }

  private list(entry: AgentEntry, bits: number): void {
    for (let bit = 1, channel = 0; bit <= bits; bit <<= 1, channel += 1) {
      if ((bits & bit) === 0) continue;
      for (const line of this.linesOf(entry, bit, channel)) line.add(entry);
    }
    entry.listedOn |= bits;
  }

  private unlist(entry: AgentEntry, bits: number): void {
    for (let bit = 1, channel = 0; bit <= bits; bit <<= 1, channel += 1) {
      if ((bits & bit) === 0) continue;
      for (const line of this.linesOf(entry, bit, channel)) line.delete(entry);
    }
    entry.listedOn &= ~bits;
  }

  /** The lines of the agent on one channel: the channel's, its skills' and its pairs'. */
  private linesOf(entry: AgentEntry, bit: number, channel: number): IdleLine<AgentEntry>[] {
    let lines = entry.lines[channel];
    if (lines) return lines;
    lines = [this.lineAt(lineKey(bit))];
    const codes = entry.codes;
    for (let i = 0; i < codes.length; i += 1) {
      const code = codes[i] as number;
      lines.push(this.lineAt(lineKey(bit, code)));
      for (let j = i + 1; j < codes.length; j += 1) {
        const other = codes[j] as number;
        if (other < pairCodeLimit) lines.push(this.lineAt(pairKey(bit, code, other)));
      }
    }
    entry.lines[channel] = lines;
    return lines;
  }

  private lineAt(key: number): IdleLine<AgentEntry> {
    let line = this.lines.get(key);
    if (!line) {
      line = new IdleLine<AgentEntry>();
      this.lines.set(key, line);
    }
    return line;
  }
}

/** Skills with codes from here on get no pair lines (keeps pair keys small integers). */
const pairCodeLimit = 1023;

/** A channel's line (positive keys), or a channel and skill's (negative keys). */
function lineKey(channelBit: number, code?: number): number {
  return code === undefined ? channelBit : -((code + 1) * 32 + channelBit);
}

/** A channel and skill pair's line, `low` < `high` < {@link pairCodeLimit}: keys above 32. */
function pairKey(channelBit: number, low: number, high: number): number {
  return ((low + 1) * 1024 + high + 1) * 32 + channelBit;
}
