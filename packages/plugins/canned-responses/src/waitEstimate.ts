import type { ContactCenter, QueueId } from '@switchboard/core';
import type { KpiEngine } from '@switchboard/core/metrics';

/** Where a waiting contact stands. */
export interface WaitEstimate {
  /** 1 for the next contact to be served in its queue. */
  readonly position: number;
  /** The expected wait, in ms. */
  readonly expectedWaitMs: number;
}

/** The average handle time of a queue in ms, or `null` when there is no data yet. */
export type HandleTimeSource = (queueId: string) => number | null;

/**
 * A {@link HandleTimeSource} from the KPI engine of `@switchboard/core/metrics`: the queue's
 * average handle time over the engine's report (its default range).
 */
export function handleTimeFromKpis(engine: Pick<KpiEngine, 'report'>): HandleTimeSource {
  return (queueId) =>
    engine.report({ groupBy: 'queue' }).rows.find((row) => row.key === queueId)?.kpis.ahtMs ?? null;
}

/** Agents logged in (not offline) with every skill the queue requires: who can serve it. */
export function staffedAgents(center: ContactCenter, queueId: string): number {
  const queue = center.queues.get(queueId as QueueId);
  let staffed = 0;
  for (const agent of center.getSnapshot().agents.values()) {
    if (agent.presence.status === 'offline') continue;
    const qualified = (queue?.requiredSkills ?? []).every((requirement) =>
      agent.profile.skills.some(
        (level) =>
          level.skill === requirement.skill && level.proficiency >= requirement.minProficiency,
      ),
    );
    if (qualified) staffed += 1;
  }
  return staffed;
}

/**
 * The position of a queued contact (from the router's own account: `explain(id).ahead + 1`) and
 * its expected wait: `position × handle time ÷ staffed agents`, or 0 when a qualified agent is
 * free. `null` when the contact is not waiting in a queue. `staffed` counts a queue's staffed
 * agents ({@link staffedAgents} by default; pass a cached count when estimating often).
 */
export function estimateWait(
  center: ContactCenter,
  contactId: string,
  handleTimeMs: HandleTimeSource,
  defaultHandleMs: number,
  staffed: (queueId: string) => number = (queueId) => staffedAgents(center, queueId),
): WaitEstimate | null {
  const contact = center.getSnapshot().contacts.get(contactId);
  if (contact?.status !== 'queued' || contact.queueId === null) return null;
  const explanation = center.explain(contactId);
  if (explanation.status !== 'waiting') return null;
  const position = explanation.ahead + 1;
  if (explanation.qualifiedFreeAgents > 0) return { position, expectedWaitMs: 0 };
  const handle = handleTimeMs(contact.queueId) ?? defaultHandleMs;
  const agents = Math.max(1, staffed(contact.queueId));
  return { position, expectedWaitMs: Math.round((position * handle) / agents) };
}

/** A wait in words: `less than a minute`, `about 4 minutes`, `about 2 hours`. */
export function describeWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes === 1) return 'about a minute';
  if (minutes < 90) return `about ${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}
