import type { Contact } from '../model/contact';
import type { AgentId, QueueId } from '../model/ids';
import type { EscalationStep, Queue, QueueExit } from '../model/queue';
import { isOpen } from './businessHours';
import type { Ranked } from './rankedHeap';
import { agingOf, type CodedRequirement, type Membership } from './routingClass';
import type { RoutingDecision } from './routingDecision';

/** A waiting contact's place in the router's heap of time-based changes. @internal */
export interface DueItem extends Ranked {
  /** Minus the time the change is due: the earliest comes out first. */
  rank: number;
  /** The contact. */
  readonly entry: ContactEntry;
}

/** The router's record of one waiting contact. @internal */
export interface ContactEntry {
  /** The contact as last filed. */
  contact: Contact;
  /** Whether it waits in the router's work queue. */
  queued: boolean;
  /** The queue it waits in. */
  readonly queue: Queue;
  /** Arrival order: breaks ties between equal scores. */
  readonly order: number;
  /** When it started waiting. */
  readonly waitingSince: number;
  /** Its requirements in its own queue, before any step relaxed them. */
  readonly own: readonly CodedRequirement[];
  /** How many escalation steps of its queue apply. */
  step: number;
  /** Its places in the classes of the queues it reaches; empty until it has to wait. */
  memberships: Membership<ContactEntry>[];
  /** The agent who served this customer last, when the queue prefers them. */
  preferredAgentId: AgentId | null;
  /** Until when it is held for that agent (-Infinity: not held). */
  preferredUntil: number;
  /** When a callback may be placed (-Infinity: at once). */
  callableAt: number;
  /** Whether its queue's closed rule or the do-not-call list ended its routing. */
  closed: boolean;
  /** Whether its maximum wait was dealt with. */
  maxWaitHandled: boolean;
  /** Its place in the time-ordered heap of due changes, made when it first has one. */
  due: DueItem | null;
}

/** A contact as it waits in one queue it reaches: what an offer is made from. @internal */
export interface Candidacy {
  /** The contact. */
  readonly entry: ContactEntry;
  /** The queue whose rules apply. */
  readonly queue: Queue;
  /** Its requirements there. */
  readonly requirements: readonly CodedRequirement[];
  /** Its score there at the moment of the decision. */
  readonly score: number;
}

/** Whether the contact is held back at `now`: closed, outside calling hours or kept for an agent. */
export function isHeld(entry: ContactEntry, now: number): boolean {
  return entry.closed || entry.callableAt > now || entry.preferredUntil > now;
}

/** A contact's rank in `queue`: its score there at time 0 (the score adds ageing × now). */
export function rankIn(entry: ContactEntry, queue: Queue): number {
  return entry.contact.priority + queue.priority - agingOf(queue) * entry.waitingSince;
}

/**
 * The queues a contact may be served from at its step (its own, then those its steps added) and
 * the minimum proficiency its steps relaxed to, if any.
 */
export function reachOf(
  entry: ContactEntry,
  steps: readonly EscalationStep[],
  queues: ReadonlyMap<QueueId, Queue>,
): { queues: Queue[]; relaxTo: number | undefined } {
  const reached = [entry.queue];
  let relaxTo: number | undefined;
  for (let i = 0; i < entry.step; i += 1) {
    const step = steps[i];
    if (!step) break;
    if (step.minProficiency !== undefined) relaxTo = step.minProficiency;
    for (const queueId of step.addQueues) {
      const queue = queues.get(queueId);
      if (queue && !reached.includes(queue)) reached.push(queue);
    }
  }
  return { queues: reached, relaxTo };
}

/** When the contact's next time-based change is due: a step, its maximum wait or a release. */
export function dueAt(entry: ContactEntry, steps: readonly EscalationStep[], now: number): number {
  const next = steps[entry.step];
  return Math.min(
    next ? entry.waitingSince + next.afterMs : Infinity,
    entry.queue.maxWaitMs !== null && !entry.maxWaitHandled
      ? entry.waitingSince + entry.queue.maxWaitMs
      : Infinity,
    entry.preferredUntil > now ? entry.preferredUntil : Infinity,
    entry.callableAt > now ? entry.callableAt : Infinity,
  );
}

/** What a queue's exit rule does with a contact when it is closed or the wait ran out. */
export function exitFor(
  entry: ContactEntry,
  exit: QueueExit,
  reason: 'queueClosed' | 'maxWait',
  now: number,
  queues: ReadonlyMap<QueueId, Queue>,
): RoutingDecision {
  const contactId = entry.contact.id;
  if (exit.type === 'callback') return { kind: 'offerCallback', contactId, reason };
  if (exit.type === 'reject') return { kind: 'end', contactId, reason, message: exit.message };
  const target = exit.queueIds
    .map((queueId) => queues.get(queueId))
    .find((queue) => queue && queue !== entry.queue && isOpen(queue.businessHours, now));
  if (target) return { kind: 'move', contactId, queueId: target.id };
  return {
    kind: 'end',
    contactId,
    reason,
    message: 'No queue can take your request now. Please try again later.',
  };
}

/** What a customer's last agent is remembered by: their id, phone or email. */
export function customerKey(contact: Contact): string | undefined {
  const { customer } = contact;
  return customer.id ?? customer.phone ?? customer.email;
}
