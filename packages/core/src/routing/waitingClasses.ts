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
 * fails, or by `placeNew` before anything reads the heaps.
 *
 * @internal
 */
export interface WaitingClasses {
  /** The classes filed by their first skill codes. */
  readonly trie: ClassTrie<RoutingClass<ContactEntry>>;
  /** The contacts admitted but not placed yet. */
  readonly unplaced: Set<ContactEntry>;
  /** A contact's requirements in one of the queues it reaches. */
  requirementsIn(
    entry: ContactEntry,
    queue: Queue,
    relaxTo: number | undefined,
  ): readonly CodedRequirement[];
  /** A contact's place in its class for `queue` (the class is made on first use), not filed yet. */
  memberOf(
    entry: ContactEntry,
    queue: Queue,
    relaxTo: number | undefined,
  ): Membership<ContactEntry>;
  /** Files the contact in the classes of the queues it reaches now; a held one waits in none. */
  place(entry: ContactEntry, now: number): void;
  /** Forgets a contact: it leaves its classes, or the contacts not placed yet. */
  remove(entry: ContactEntry): void;
  /** Places the contacts routed before filing that still wait. */
  placeNew(now: number): void;
  /** Drops the classes of a queue whose rules changed; its contacts were taken out first. */
  forgetQueue(queueId: QueueId): void;
}

/** Creates the {@link WaitingClasses} of a router. @internal */
export function createWaitingClasses(
  skills: SkillCodes,
  reach: (entry: ContactEntry) => Reach,
): WaitingClasses {
  const trie = new ClassTrie<RoutingClass<ContactEntry>>(maxKeyedSkills);
  const unplaced = new Set<ContactEntry>();
  const classes = new Map<string, RoutingClass<ContactEntry>>();

  const requirementsIn = (entry: ContactEntry, queue: Queue, relaxTo: number | undefined) =>
    queue === entry.queue && relaxTo === undefined
      ? entry.own
      : requirementsOf(entry.contact, queue, relaxTo, skills);

  function memberOf(
    entry: ContactEntry,
    queue: Queue,
    relaxTo: number | undefined,
  ): Membership<ContactEntry> {
    const requirements = requirementsIn(entry, queue, relaxTo);
    const key = classKey(queue, entry.contact.channel, requirements);
    let routingClass = classes.get(key);
    if (!routingClass) {
      const codes = requirements.map((requirement) => requirement.code);
      routingClass = newRoutingClass<ContactEntry>(key, queue, entry.contact.channel, codes);
      classes.set(key, routingClass);
      trie.add(codes, routingClass);
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

  /** Tells the trie the rank of a class's best contact after its heap changed. */
  function headChanged(routingClass: RoutingClass<ContactEntry>) {
    const rank = routingClass.heap.peek()?.rank ?? -Infinity;
    if (rank !== routingClass.headRank) trie.update(routingClass.codes, routingClass, rank);
  }

  function remove(entry: ContactEntry) {
    for (const member of entry.memberships) {
      member.routingClass.heap.remove(member);
      headChanged(member.routingClass);
    }
    entry.memberships = [];
    unplaced.delete(entry);
  }

  function place(entry: ContactEntry, now: number) {
    remove(entry);
    if (isHeld(entry, now)) return;
    const { queues, relaxTo } = reach(entry);
    for (const queue of queues) {
      const member = memberOf(entry, queue, relaxTo);
      member.routingClass.heap.push(member);
      headChanged(member.routingClass);
      entry.memberships.push(member);
    }
  }

  return {
    trie,
    unplaced,
    requirementsIn,
    memberOf,
    place,
    remove,
    placeNew(now) {
      for (const entry of unplaced) place(entry, now);
    },
    forgetQueue(queueId) {
      for (const [key, routingClass] of classes) {
        if (routingClass.queue.id !== queueId) continue;
        classes.delete(key);
        trie.delete(routingClass.codes, routingClass);
      }
    },
  };
}
