import type { Queue } from '../model/queue';
import type { ContactEntry } from './contactEntry';
import { requirementNames } from './decisionRecord';
import type { WaitingExplanation } from './explanation';
import { ranksAbove, scoreOf, type Membership, type SkillCodes } from './routingClass';

/**
 * Why a contact waits: `member` is its place in its own queue's class, `reached` the queues in its
 * reach and `qualified` how many free agents meet its requirements there right now.
 *
 * @internal
 */
export function explainWaiting(
  member: Membership<ContactEntry>,
  reached: readonly Queue[],
  qualified: number,
  now: number,
  skills: SkillCodes,
): WaitingExplanation {
  const { entry } = member;
  let ahead = 0;
  for (const other of member.routingClass.heap.items) {
    if (other !== member && ranksAbove(other, member, now)) ahead += 1;
  }
  const reason: WaitingExplanation['reason'] = entry.closed
    ? 'queueClosed'
    : entry.callableAt > now
      ? 'outsideCallingHours'
      : entry.preferredUntil > now
        ? 'waitingForPreferredAgent'
        : qualified > 0
          ? 'passedOver'
          : 'noQualifiedAgentFree';
  return {
    contactId: entry.contact.id,
    status: 'waiting',
    queueIds: reached.map((queue) => queue.id),
    reason,
    requirements: requirementNames(member.requirements, skills),
    step: entry.step,
    nextChangeAt: entry.due && entry.due.slot >= 0 ? -entry.due.rank : null,
    score: scoreOf(member, now),
    ahead,
    qualifiedFreeAgents: qualified,
  };
}
