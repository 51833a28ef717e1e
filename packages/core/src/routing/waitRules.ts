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
export class WaitRules {
  /** The contacts held back for each preferred agent. */
  readonly preferredHolds = new Map<AgentId, Set<ContactEntry>>();
  private readonly due = new RankedHeap<DueItem>();
  private readonly stepsByQueue = new Map<QueueId, EscalationStep[]>();

  constructor(
    private readonly queues: ReadonlyMap<QueueId, Queue>,
    private readonly decide: (decision: RoutingDecision) => void,
  ) {
    for (const queue of queues.values()) this.learn(queue);
  }

  /** Takes a queue's escalation steps, in time order. */
  learn(queue: Queue): void {
    this.stepsByQueue.set(
      queue.id,
      [...queue.escalation].sort((a, b) => a.afterMs - b.afterMs),
    );
  }

  /** A queue's escalation steps, in time order. */
  stepsOf(queue: Queue): readonly EscalationStep[] {
    return this.stepsByQueue.get(queue.id) ?? [];
  }

  /** Files when the contact's next change is due, replacing what was filed. */
  schedule(entry: ContactEntry, now: number): void {
    if (entry.due && entry.due.slot >= 0) this.due.remove(entry.due);
    const at = dueAt(entry, this.stepsOf(entry.queue), now);
    if (at === Infinity) return;
    entry.due ??= { rank: 0, order: entry.order, slot: -1, entry };
    entry.due.rank = -at;
    this.due.push(entry.due);
  }

  /** Takes out the contact whose change is due first, if it is due by `now`. */
  takeDue(now: number): ContactEntry | undefined {
    const item = this.due.peek();
    if (!item || -item.rank > now) return undefined;
    this.due.remove(item);
    return item.entry;
  }

  /** When the next change is due, or `null`. */
  nextChangeAt(): number | null {
    const item = this.due.peek();
    return item ? -item.rank : null;
  }

  /** Applies the steps and limits due by `now`; true when the contact's reach changed. */
  apply(entry: ContactEntry, now: number): boolean {
    const steps = this.stepsOf(entry.queue);
    const waited = now - entry.waitingSince;
    const before = entry.step;
    while (entry.step < steps.length && (steps[entry.step]?.afterMs ?? Infinity) <= waited) {
      if (steps[entry.step]?.offerCallback) {
        this.decide({ kind: 'offerCallback', contactId: entry.contact.id, reason: 'escalation' });
      }
      entry.step += 1;
    }
    if (
      entry.queue.maxWaitMs !== null &&
      !entry.maxWaitHandled &&
      waited >= entry.queue.maxWaitMs
    ) {
      entry.maxWaitHandled = true;
      this.decide(exitFor(entry, entry.queue.onMaxWait, 'maxWait', now, this.queues));
    }
    let released = false;
    if (entry.preferredUntil !== -Infinity && entry.preferredUntil <= now) {
      this.hold(entry, false);
      entry.preferredUntil = -Infinity;
      released = true;
    }
    if (entry.callableAt !== -Infinity && entry.callableAt <= now) {
      entry.callableAt = -Infinity;
      released = true;
    }
    return released || entry.step !== before;
  }

  /** Holds the contact back for its preferred agent, or ends the hold. */
  hold(entry: ContactEntry, on: boolean): void {
    if (!entry.preferredAgentId) return;
    const holds = this.preferredHolds.get(entry.preferredAgentId) ?? new Set<ContactEntry>();
    if (on) holds.add(entry);
    else holds.delete(entry);
    if (holds.size > 0) this.preferredHolds.set(entry.preferredAgentId, holds);
    else this.preferredHolds.delete(entry.preferredAgentId);
  }

  /** Forgets a contact that left: its hold and its due change. */
  forget(entry: ContactEntry): void {
    this.hold(entry, false);
    if (entry.due && entry.due.slot >= 0) this.due.remove(entry.due);
  }
}
