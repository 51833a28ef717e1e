import type { QueueId } from '../model/ids';
import type { Queue } from '../model/queue';
import { ClassTrie } from './classTrie';
import { isHeld, rankIn, type ContactEntry } from './contactEntry';
import {
  classKey,
  maxKeyedSkills,
  newRoutingClass,
  requirementsOf,
  type CodedRequirement,
  type Membership,
  type RoutingClass,
  type SkillCodes,
} from './routingClass';

/** The queues a waiting contact reaches at its step, and the proficiency its steps relaxed to. */
export interface Reach {
  /** Its own queue first, then those its steps added. */
  readonly queues: readonly Queue[];
  /** The minimum proficiency in force, when a step lowered it. */
  readonly relaxTo: number | undefined;
}

/**
 * Where waiting contacts wait: one class per queue, channel and skill set, each a heap of its
 * contacts best first, filed in a {@link ClassTrie} that freed agents search. A contact waits in
 * the class of every queue it reaches. New contacts are routed before they are filed: most find an
 * agent at once and never need a place here; one that waits is placed when its first search
 * fails, or by {@link WaitingClasses.placeNew} before anything reads the heaps.
 *
 * @internal
 */
export class WaitingClasses {
  /** The classes filed by their first skill codes. */
  readonly trie = new ClassTrie<RoutingClass<ContactEntry>>(maxKeyedSkills);
  /** The contacts admitted but not placed yet. */
  readonly unplaced = new Set<ContactEntry>();
  private readonly classes = new Map<string, RoutingClass<ContactEntry>>();

  constructor(
    private readonly skills: SkillCodes,
    private readonly reach: (entry: ContactEntry) => Reach,
  ) {}

  /** A contact's requirements in one of the queues it reaches. */
  requirementsIn(
    entry: ContactEntry,
    queue: Queue,
    relaxTo: number | undefined,
  ): readonly CodedRequirement[] {
    return queue === entry.queue && relaxTo === undefined
      ? entry.own
      : requirementsOf(entry.contact, queue, relaxTo, this.skills);
  }

  /** A contact's place in its class for `queue` (the class is made on first use), not filed yet. */
  memberOf(
    entry: ContactEntry,
    queue: Queue,
    relaxTo: number | undefined,
  ): Membership<ContactEntry> {
    const requirements = this.requirementsIn(entry, queue, relaxTo);
    const key = classKey(queue, entry.contact.channel, requirements);
    let routingClass = this.classes.get(key);
    if (!routingClass) {
      const codes = requirements.map((requirement) => requirement.code);
      routingClass = newRoutingClass<ContactEntry>(key, queue, entry.contact.channel, codes);
      this.classes.set(key, routingClass);
      this.trie.add(codes, routingClass);
    }
    return {
      entry,
      routingClass,
      requirements,
      rank: rankIn(entry, queue),
      order: entry.order,
      slot: -1,
    };
  }

  /** Files the contact in the classes of the queues it reaches now; a held one waits in none. */
  place(entry: ContactEntry, now: number): void {
    this.remove(entry);
    if (isHeld(entry, now)) return;
    const { queues, relaxTo } = this.reach(entry);
    for (const queue of queues) {
      const member = this.memberOf(entry, queue, relaxTo);
      member.routingClass.heap.push(member);
      this.headChanged(member.routingClass);
      entry.memberships.push(member);
    }
  }

  /** Forgets a contact: it leaves its classes, or the contacts not placed yet. */
  remove(entry: ContactEntry): void {
    this.unplace(entry);
    this.unplaced.delete(entry);
  }

  /** Takes the contact out of every class it waits in. */
  private unplace(entry: ContactEntry): void {
    for (const member of entry.memberships) {
      member.routingClass.heap.remove(member);
      this.headChanged(member.routingClass);
    }
    entry.memberships = [];
  }

  /** Places the contacts routed before filing that still wait. */
  placeNew(now: number): void {
    for (const entry of this.unplaced) this.place(entry, now);
  }

  /** Drops the classes of a queue whose rules changed; its contacts were taken out first. */
  forgetQueue(queueId: QueueId): void {
    for (const [key, routingClass] of this.classes) {
      if (routingClass.queue.id !== queueId) continue;
      this.classes.delete(key);
      this.trie.delete(routingClass.codes, routingClass);
    }
  }

  /** Tells the trie the rank of a class's best contact after its heap changed. */
  private headChanged(routingClass: RoutingClass<ContactEntry>): void {
    const rank = routingClass.heap.peek()?.rank ?? -Infinity;
    if (rank !== routingClass.headRank) this.trie.update(routingClass.codes, routingClass, rank);
  }
}
