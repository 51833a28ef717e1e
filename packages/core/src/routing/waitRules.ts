import type { AgentId, QueueId } from '../model/ids';
import type { EscalationStep, Queue } from '../model/queue';
import { dueAt, exitFor, type ContactEntry, type DueItem } from './contactEntry';
import { RankedHeap } from './rankedHeap';
import type { RoutingDecision } from './routingDecision';

/**
 * The time-based rules of waiting contacts: their queues' escalation steps (in time order) and
 * maximum waits, the hold for a preferred agent and calling hours. A heap keeps when each
 * contact's next change is due; what a rule decides (a callback offer, an exit) goes to `decide`.
 *
 * @internal
 */
export interface WaitRules {
  /** The contacts held back for each preferred agent. */
  readonly preferredHolds: ReadonlyMap<AgentId, ReadonlySet<ContactEntry>>;
  /** Takes a queue's escalation steps, in time order. */
  learn(queue: Queue): void;
  /** A queue's escalation steps, in time order. */
  stepsOf(queue: Queue): readonly EscalationStep[];
  /** Files when the contact's next change is due, replacing what was filed. */
  schedule(entry: ContactEntry, now: number): void;
  /** Takes out the contact whose change is due first, if it is due by `now`. */
  takeDue(now: number): ContactEntry | undefined;
  /** When the next change is due, or `null`. */
  nextChangeAt(): number | null;
  /** Applies the steps and limits due by `now`; true when the contact's reach changed. */
  apply(entry: ContactEntry, now: number): boolean;
  /** Holds the contact back for its preferred agent, or ends the hold. */
  hold(entry: ContactEntry, on: boolean): void;
  /** Forgets a contact that left: its hold and its due change. */
  forget(entry: ContactEntry): void;
}

/** Creates the {@link WaitRules} of a router's `queues`. @internal */
export function createWaitRules(
  queues: ReadonlyMap<QueueId, Queue>,
  decide: (decision: RoutingDecision) => void,
): WaitRules {
  const preferredHolds = new Map<AgentId, Set<ContactEntry>>();
  const due = new RankedHeap<DueItem>();
  const stepsByQueue = new Map<QueueId, EscalationStep[]>();
  const stepsOf = (queue: Queue): readonly EscalationStep[] => stepsByQueue.get(queue.id) ?? [];
  const learn = (queue: Queue) => {
    stepsByQueue.set(
      queue.id,
      [...queue.escalation].sort((a, b) => a.afterMs - b.afterMs),
    );
  };
  for (const queue of queues.values()) learn(queue);

  function hold(entry: ContactEntry, on: boolean) {
    if (!entry.preferredAgentId) return;
    const holds = preferredHolds.get(entry.preferredAgentId) ?? new Set<ContactEntry>();
    if (on) holds.add(entry);
    else holds.delete(entry);
    if (holds.size > 0) preferredHolds.set(entry.preferredAgentId, holds);
    else preferredHolds.delete(entry.preferredAgentId);
  }

  return {
    preferredHolds,
    learn,
    stepsOf,
    hold,
    schedule(entry, now) {
      if (entry.due && entry.due.slot >= 0) due.remove(entry.due);
      const at = dueAt(entry, stepsOf(entry.queue), now);
      if (at === Infinity) return;
      entry.due ??= { rank: 0, order: entry.order, slot: -1, entry };
      entry.due.rank = -at;
      due.push(entry.due);
    },
    takeDue(now) {
      const item = due.peek();
      if (!item || -item.rank > now) return undefined;
      due.remove(item);
      return item.entry;
    },
    nextChangeAt() {
      const item = due.peek();
      return item ? -item.rank : null;
    },
    apply(entry, now) {
      const steps = stepsOf(entry.queue);
      const waited = now - entry.waitingSince;
      const before = entry.step;
      while (entry.step < steps.length && (steps[entry.step]?.afterMs ?? Infinity) <= waited) {
        if (steps[entry.step]?.offerCallback) {
          decide({ kind: 'offerCallback', contactId: entry.contact.id, reason: 'escalation' });
        }
        entry.step += 1;
      }
      if (
        entry.queue.maxWaitMs !== null &&
        !entry.maxWaitHandled &&
        waited >= entry.queue.maxWaitMs
      ) {
        entry.maxWaitHandled = true;
        decide(exitFor(entry, entry.queue.onMaxWait, 'maxWait', now, queues));
      }
      let released = false;
      if (entry.preferredUntil !== -Infinity && entry.preferredUntil <= now) {
        hold(entry, false);
        entry.preferredUntil = -Infinity;
        released = true;
      }
      if (entry.callableAt !== -Infinity && entry.callableAt <= now) {
        entry.callableAt = -Infinity;
        released = true;
      }
      return released || entry.step !== before;
    },
    forget(entry) {
      hold(entry, false);
      if (entry.due && entry.due.slot >= 0) due.remove(entry.due);
    },
  };
}
