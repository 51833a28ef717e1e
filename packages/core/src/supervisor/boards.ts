import type { AgentState } from '../agent/agentState';
import type { CenterState } from '../center/centerState';
import type { AgentId, ContactId, QueueId } from '../model/ids';
import type { Queue } from '../model/queue';
import { hasFreeCapacity, hasSkills } from '../routing/eligibility';

/** One queue on a supervisor's live board. */
export interface QueueBoardRow {
  /** The queue. */
  readonly queueId: QueueId;
  /** Its name. */
  readonly name: string;
  /** Contacts waiting now. */
  readonly waiting: number;
  /** How long the oldest waiting contact has waited, in ms (0 when none waits). */
  readonly oldestWaitMs: number;
  /** Contacts offered to an agent right now. */
  readonly offered: number;
  /** Available agents with every required skill and free capacity on some channel. */
  readonly qualifiedAgentsFree: number;
  /**
   * Service level over contacts that entered the queue since the board's start: answered within
   * the queue's target time, over answered + abandoned + still waiting beyond it; `null` if none.
   */
  readonly serviceLevel: number | null;
  /** The target, in percent within seconds. */
  readonly target: Queue['serviceLevel'];
}

/** One agent on a supervisor's live board. */
export interface AgentBoardRow {
  /** The agent. */
  readonly agentId: AgentId;
  /** Display name. */
  readonly name: string;
  /** Presence status. */
  readonly status: AgentState['presence']['status'];
  /** The not-ready reason, if any. */
  readonly reason: string | null;
  /** Time in the current status, in ms. */
  readonly timeInStatusMs: number;
  /** Contacts offered to or held by the agent. */
  readonly contactIds: readonly ContactId[];
  /** Contacts held per capacity channel. */
  readonly load: AgentState['load'];
  /** Offers missed in a row. */
  readonly missedOffers: number;
}

/**
 * The live queue board: waiting, oldest wait, offers in flight, free qualified agents and service
 * level since `since` (ms since epoch), per queue. Reads the whole state: meant for a board
 * refreshed every few seconds, not for every event.
 */
export function queueBoard(
  state: CenterState,
  queues: ReadonlyMap<QueueId, Queue>,
  now: number,
  since: number,
): QueueBoardRow[] {
  return [...queues.values()].map((queue) => {
    const targetMs = queue.serviceLevel.seconds * 1000;
    let waiting = 0;
    let oldest = 0;
    let offered = 0;
    let inTime = 0;
    let counted = 0;
    for (const contact of state.contacts.values()) {
      const queuedAt = contact.timestamps.queued;
      if (contact.queueId !== queue.id || queuedAt === undefined) continue;
      if (contact.status === 'queued') {
        waiting += 1;
        oldest = Math.max(oldest, now - queuedAt);
      }
      if (contact.status === 'offered') offered += 1;
      if (queuedAt < since) continue;
      const answeredAt = contact.timestamps.accepted;
      if (answeredAt !== undefined) {
        counted += 1;
        if (answeredAt - queuedAt <= targetMs) inTime += 1;
      } else if (contact.status === 'abandoned' || now - queuedAt > targetMs) counted += 1;
    }
    let qualifiedAgentsFree = 0;
    for (const agent of state.agents.values()) {
      if (agent.presence.status !== 'available' || !hasSkills(agent, queue.requiredSkills))
        continue;
      const channels =
        queue.channels.length > 0
          ? queue.channels
          : (['voice', 'chat', 'email', 'sms', 'social'] as const);
      if (channels.some((channel) => hasFreeCapacity(agent, channel))) qualifiedAgentsFree += 1;
    }
    return {
      queueId: queue.id,
      name: queue.name,
      waiting,
      oldestWaitMs: oldest,
      offered,
      qualifiedAgentsFree,
      serviceLevel: counted === 0 ? null : (inTime / counted) * 100,
      target: queue.serviceLevel,
    };
  });
}

/** The live agent board: presence, time in status, contacts and load of every agent. */
export function agentBoard(state: CenterState, now: number): AgentBoardRow[] {
  return [...state.agents.values()].map((agent) => ({
    agentId: agent.profile.id,
    name: agent.profile.name,
    status: agent.presence.status,
    reason: agent.presence.status === 'notReady' ? agent.presence.reason : null,
    timeInStatusMs: now - agent.since,
    contactIds: agent.contactIds,
    load: agent.load,
    missedOffers: agent.missedOffers,
  }));
}
