import type { AgentId, ContactCenter } from '@switchboard/core';
import { INTERVAL_MS } from './timeline';

/** The not-ready reason of an agent whose shift ended while still holding contacts. */
export const END_OF_SHIFT = 'endOfShift';

/** Who is on shift when staffing changes per interval. */
export interface Shifts {
  /** Whether the agent is on shift now. */
  isOn(agentId: AgentId): boolean;
  /** Logs out the agents whose shift ended and who now hold nothing. */
  settle(): void;
}

/** What {@link scheduleShifts} works with. */
export interface ShiftPlan {
  readonly center: ContactCenter;
  /** Runs `run` at simulated time `time`. */
  readonly at: (time: number, run: () => void) => void;
  readonly startAt: number;
  /** Agents on shift per interval; the last value holds after the last interval. */
  readonly staffing: readonly number[];
  /** Every agent, grouped by profile in profile order. */
  readonly agentIds: readonly AgentId[];
  /** The profile (index) of each agent of `agentIds`. */
  readonly profileOf: readonly number[];
  /** How many of `count` agents each profile has on shift. */
  readonly split: (count: number) => readonly number[];
}

/**
 * Staffs the centre per interval: at each interval start the first agents of each profile (as
 * many as `split` gives it) are on shift and log in; the others log out, or, while they still
 * hold contacts, go not ready (`endOfShift`) and log out once they hold nothing.
 */
export function scheduleShifts(plan: ShiftPlan): Shifts {
  const { center, agentIds, profileOf } = plan;
  const on = new Set<AgentId>();
  const leaving = new Set<AgentId>();
  const presenceOf = (agentId: AgentId) => center.getSnapshot().agents.get(agentId);
  const settle = () => {
    for (const agentId of leaving) {
      const agent = presenceOf(agentId);
      if (!agent || agent.contactIds.length > 0) continue;
      if (agent.presence.status !== 'offline') center.agentCommand(agentId, { type: 'logout' });
      leaving.delete(agentId);
    }
  };
  const staff = (count: number) => {
    const quota = [...plan.split(count)];
    const wanted = new Set<AgentId>();
    agentIds.forEach((agentId, index) => {
      const profile = profileOf[index] ?? 0;
      if ((quota[profile] ?? 0) <= 0) return;
      quota[profile] = (quota[profile] ?? 0) - 1;
      wanted.add(agentId);
    });
    for (const agentId of on) {
      if (wanted.has(agentId)) continue;
      on.delete(agentId);
      leaving.add(agentId);
      const presence = presenceOf(agentId)?.presence;
      const ending = presence?.status === 'notReady' && presence.reason === END_OF_SHIFT;
      if (presence && presence.status !== 'offline' && !ending)
        center.agentCommand(agentId, { type: 'setNotReady', reason: END_OF_SHIFT });
    }
    for (const agentId of wanted) {
      if (on.has(agentId)) continue;
      on.add(agentId);
      leaving.delete(agentId);
      const presence = presenceOf(agentId)?.presence;
      if (presence?.status === 'offline') center.agentCommand(agentId, { type: 'login' });
      else if (presence?.status === 'notReady' && presence.reason === END_OF_SHIFT)
        center.agentCommand(agentId, { type: 'setAvailable' });
    }
    settle();
  };
  staff(plan.staffing[0] ?? 0);
  plan.staffing.forEach((count, index) => {
    if (index > 0) {
      plan.at(plan.startAt + index * INTERVAL_MS, () => {
        staff(count);
      });
    }
  });
  return { isOn: (agentId) => on.has(agentId), settle };
}
