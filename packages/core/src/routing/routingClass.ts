import { capacityChannel, type Channel } from '../model/channel';
import type { Contact } from '../model/contact';
import type { Queue } from '../model/queue';
import { skillBits } from './classTrie';
import { RankedHeap, type Ranked } from './rankedHeap';

/** The capacity channels in the order the router's bit masks use. */
export const routedChannels = ['voice', 'chat', 'email', 'sms', 'social'] as const;

/** The bit of a contact channel's capacity channel in the router's masks. */
export function channelBit(channel: Channel): number {
  return 1 << routedChannels.indexOf(capacityChannel(channel));
}

/** Skill names as small integers, so skill sets can be keyed by numbers. */
export class SkillCodes {
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly requirements: CodedRequirement[] = [];

  /** The code of `skill`, assigned on first use. */
  code(skill: string): number {
    let code = this.codes.get(skill);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(skill, code);
      this.names.push(skill);
    }
    return code;
  }

  /** The name behind a code. */
  name(code: number): string {
    return this.names[code] ?? '';
  }

  /**
   * The requirement of skill `code` at `min`: one shared object per pair, as thousands of waiting
   * contacts hold the same few. Levels are whole numbers up to 10; any other gets its own object.
   */
  requirement(code: number, min: number): CodedRequirement {
    if (min !== (min & 15)) return { code, min };
    return (this.requirements[code * 16 + min] ??= { code, min });
  }
}

/**
 * A class is filed under its first (lowest) skill codes, up to this many. An agent finds every
 * class it may serve under its own skill subsets of up to this size; a class with more skills is
 * found under its first ones and checked for the rest.
 */
export const maxKeyedSkills = 3;

/** A skill requirement in codes. */
export interface CodedRequirement {
  /** The skill's code. */
  readonly code: number;
  /** The lowest proficiency accepted. */
  readonly min: number;
}

/** One waiting contact's place in one {@link RoutingClass}. */
export interface Membership<E> extends Ranked {
  /** The contact's router entry. */
  readonly entry: E;
  /** The class it waits in. */
  readonly routingClass: RoutingClass<E>;
  /** Its requirements there: the class's skills, each with the minimum in force. */
  readonly requirements: readonly CodedRequirement[];
}

/**
 * Contacts that need agents with the same skills: one queue, one capacity channel, one skill set
 * (minimum proficiencies may differ per contact). They wait in one heap, best first.
 */
export interface RoutingClass<E> {
  /** Queue, channel and skill set as a string. */
  readonly key: string;
  /** The queue whose priority, ageing and strategy apply. */
  readonly queue: Queue;
  /** The capacity channel's bit. */
  readonly channelBit: number;
  /** The skill codes its contacts need, ascending. */
  readonly codes: readonly number[];
  /** The codes' {@link skillBits}, for the class trie. */
  readonly needs: number;
  /** Ageing in rank points per ms. */
  readonly agingPerMs: number;
  /** The rank of its best waiting contact as the class trie knows it; -Infinity when none. */
  headRank: number;
  /** The waiting contacts. */
  readonly heap: RankedHeap<Membership<E>>;
}

/**
 * The requirements of a contact in `queue`: the queue's and the contact's own skills (the higher
 * minimum wins), with minimums lowered to `relaxTo` when an escalation step relaxed them.
 */
export function requirementsOf(
  contact: Contact,
  queue: Queue,
  relaxTo: number | undefined,
  skills: SkillCodes,
): CodedRequirement[] {
  // Few requirements: an array kept sorted by code, sized for all of them and trimmed when a
  // skill comes twice (no Map, sort, closure or spare capacity: it is kept per waiting contact).
  const found = new Array<CodedRequirement>(
    queue.requiredSkills.length + contact.requiredSkills.length,
  );
  let length = 0;
  for (const list of [queue.requiredSkills, contact.requiredSkills]) {
    for (const requirement of list) {
      const code = skills.code(requirement.skill);
      // Relaxing each before taking the higher minimum is the same as relaxing the result.
      const min = Math.min(Math.max(requirement.minProficiency, 1), relaxTo ?? Infinity);
      let slot = length;
      while (slot > 0 && (found[slot - 1] as CodedRequirement).code > code) slot -= 1;
      const same = found[slot - 1];
      if (same?.code === code) {
        found[slot - 1] = skills.requirement(code, Math.max(min, same.min));
        continue;
      }
      for (let i = length; i > slot; i -= 1) found[i] = found[i - 1] as CodedRequirement;
      found[slot] = skills.requirement(code, min);
      length += 1;
    }
  }
  found.length = length;
  return found;
}

/** The string key of a class: queue, capacity channel and the requirements' skill codes. */
export function classKey(
  queue: Queue,
  channel: Channel,
  requirements: readonly CodedRequirement[],
): string {
  let key = `${queue.id}\u0000${capacityChannel(channel)}\u0000`;
  for (const requirement of requirements) key += `${requirement.code},`;
  return key;
}

/** A waiting contact's effective priority at `now`: its rank plus its class's ageing. */
export const scoreOf = <E>(member: Membership<E>, now: number): number =>
  member.rank + member.routingClass.agingPerMs * now;

/** Whether `a` goes before `b` at `now`: a higher score, then earlier arrival. */
export function ranksAbove<E>(a: Membership<E>, b: Membership<E>, now: number): boolean {
  const difference = scoreOf(a, now) - scoreOf(b, now);
  return difference > 0 || (difference === 0 && a.order < b.order);
}

/** A queue's ageing in rank points per ms. */
export const agingOf = (queue: Queue): number => queue.agingPerMinute / 60_000;

/** A new, empty class. */
export function newRoutingClass<E>(
  key: string,
  queue: Queue,
  channel: Channel,
  codes: readonly number[],
): RoutingClass<E> {
  return {
    key,
    queue,
    channelBit: channelBit(channel),
    codes,
    needs: skillBits(codes),
    agingPerMs: agingOf(queue),
    headRank: -Infinity,
    heap: new RankedHeap<Membership<E>>(),
  };
}
