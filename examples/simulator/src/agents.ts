import type { AgentId } from '@switchboard/core';
import type { Random } from './random';
import type { Scenario } from './scenario';
import { scheduleShifts, type Shifts } from './shifts';
import { HOUR, SECOND, type SimWorld } from './world';

/**
 * Splits `total` over weighted groups by largest remainder; when there are at least as many as
 * groups, every group gets one (taken from the largest).
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (share / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  if (total >= shares.length) {
    counts.forEach((count, index) => {
      if (count > 0) return;
      const largest = counts.indexOf(Math.max(...counts));
      counts[largest] = (counts[largest] ?? 0) - 1;
      counts[index] = 1;
    });
  }
  return counts;
}

/** How {@link staffAgents} staffs the centre. */
export interface Staffing {
  /** Agents on shift for the whole run (without `staffing`). */
  readonly agentCount: number;
  /** Agents on shift per 15-minute interval, or `undefined` for `agentCount` all along. */
  readonly staffing: readonly number[] | undefined;
  /** Hours of arrivals. */
  readonly hours: number;
  /** The agents' break times' own random stream. */
  readonly breakRandom: Random;
}

/** The agents of a run, and what the simulator counts of their presence. */
export interface Staff {
  /** Every agent, grouped by profile in profile order. */
  readonly agentIds: readonly AgentId[];
  /** The profile (index) of each agent in `agentIds`. */
  readonly profileOf: readonly number[];
  /** Who is on shift, when staffing changes per interval; `null` otherwise. */
  readonly shifts: Shifts | null;
  /** Breaks taken and lockouts after missed offers, so far. */
  readonly counts: { breaks: number; lockouts: number };
}

/**
 * Registers the scenario's agents per profile and puts them on shift: all logged in from the
 * start, or per interval with a staffing plan. Schedules their breaks, and brings them back a
 * while after the centre locks them out for missed offers.
 */
export function staffAgents(world: SimWorld, scenario: Scenario, plan: Staffing): Staff {
  const { center, clock, agenda, startAt, endAt, agentOf } = world;
  const { staffing, breakRandom } = plan;
  const counts = { breaks: 0, lockouts: 0 };
  const shares = scenario.agentProfiles.map((profile) => profile.share);
  // With a staffing plan, each profile gets as many agents as its largest share of any interval.
  const perProfile = staffing
    ? shares.map((_, profile) =>
        Math.max(...staffing.map((count) => apportion(count, shares)[profile] ?? 0)),
      )
    : apportion(plan.agentCount, shares);
  const agentIds: AgentId[] = [];
  const profileOf: number[] = [];
  scenario.agentProfiles.forEach((profile, group) => {
    for (let i = 0; i < (perProfile[group] ?? 0); i += 1) {
      const number = agentIds.length + 1;
      const agent = center.registerAgent({
        id: `agent-${String(number).padStart(4, '0')}`,
        name: `Agent ${number} (${profile.name})`,
        skills: profile.skills,
        capacity: profile.capacity,
      });
      agentIds.push(agent.profile.id);
      profileOf.push(group);
    }
  });
  const shifts = staffing
    ? scheduleShifts({
        center,
        at: agenda.at,
        startAt,
        staffing,
        agentIds,
        profileOf,
        split: (count) => apportion(count, shares),
      })
    : null;
  if (!shifts) for (const agentId of agentIds) center.agentCommand(agentId, { type: 'login' });

  const breakCount = Math.floor(plan.hours / scenario.breaks.everyHours);
  const breakMs = scenario.breaks.durationMin * 60 * SECOND;
  for (const agentId of agentIds) {
    for (let k = 0; k < breakCount; k += 1) {
      const at = startAt + (k + 0.2 + 0.7 * breakRandom.next()) * scenario.breaks.everyHours * HOUR;
      if (at + breakMs > endAt) continue;
      agenda.at(at, () => {
        if (shifts && !shifts.isOn(agentId)) return;
        const presence = agentOf(agentId)?.presence;
        const onBreak = presence?.status === 'notReady' && presence.reason === 'break';
        if (!presence || presence.status === 'offline' || onBreak) return;
        center.agentCommand(agentId, { type: 'setNotReady', reason: 'break' });
        counts.breaks += 1;
        agenda.at(clock.now() + breakMs, () => {
          const now = agentOf(agentId)?.presence;
          if (now?.status === 'notReady' && now.reason === 'break') {
            center.agentCommand(agentId, { type: 'setAvailable' });
          }
        });
      });
    }
  }

  center.events.on('agent.statusChanged', ({ agentId, presence }) => {
    if (presence.status !== 'notReady' || presence.reason !== 'missedOffers') return;
    counts.lockouts += 1;
    agenda.at(clock.now() + scenario.behaviour.recoverAfterMissSec * SECOND, () => {
      const now = agentOf(agentId)?.presence;
      if (now?.status === 'notReady' && now.reason === 'missedOffers') {
        center.agentCommand(agentId, { type: 'setAvailable' });
      }
    });
  });
  return { agentIds, profileOf, shifts, counts };
}
