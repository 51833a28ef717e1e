import { agentsForServiceLevel } from './erlangC';
import { parseScenario, type Scenario } from './scenario';
import { simulate, type SimulationReport } from './simulate';
import { INTERVAL_MS, clockOf } from './timeline';

/** Simulated rounds at most after the Erlang C first guess. */
export const MAX_ROUNDS = 10;

/** A service-level goal: `percent` % of calls answered within `seconds`. */
export interface ServiceLevelTarget {
  readonly percent: number;
  readonly seconds: number;
}

/** The plan for one 15-minute interval of the arrival hours. */
export interface IntervalStaffing {
  /** Time of day at the interval's start, e.g. `08:15`. */
  readonly clock: string;
  /** Voice arrivals per hour the scenario expects in the interval (every voice queue). */
  readonly voicePerHour: number;
  /** Erlang C voice agents for the target at that rate: the first guess. */
  readonly erlangCVoiceAgents: number;
  /** Voice agents of the plan, after the simulated checks. */
  readonly voiceAgents: number;
  /** Agents on shift (every profile) that give `voiceAgents` taking calls. */
  readonly agents: number;
  /** Simulated voice service level in the interval with the plan, percent (`null`: no calls). */
  readonly serviceLevelPct: number | null;
}

/** One simulated run of the search. */
export interface StaffingRound {
  /** 1 for the Erlang C first guess. */
  readonly round: number;
  /** Agents on shift per interval. */
  readonly agents: readonly number[];
  /** Simulated voice service level per interval, percent. */
  readonly serviceLevelPct: readonly (number | null)[];
  /** Intervals below the target. */
  readonly below: number;
  /** Agent-hours on shift over the arrival hours. */
  readonly agentHours: number;
}

/** What `--target-service-level` found: the smallest staffing per interval that meets it. */
export interface StaffingPlan {
  readonly target: ServiceLevelTarget;
  /** Mean voice handle time plus wrap-up, seconds (the agent's time per call). */
  readonly voiceAhtSec: number;
  /** Share of the agents on shift who take calls (the profiles with voice capacity). */
  readonly voiceShare: number;
  /** Per interval: the round with every interval on target and the fewest agent-hours, else the last. */
  readonly intervals: readonly IntervalStaffing[];
  /** Every simulated round, in order. */
  readonly rounds: readonly StaffingRound[];
  /** The round `intervals` comes from. */
  readonly chosenRound: number;
  /** Whether every interval met the target in the chosen round. */
  readonly met: boolean;
  /** Agent-hours on shift of the plan. */
  readonly agentHours: number;
  /** Most agents on shift in one interval of the plan. */
  readonly peakAgents: number;
}

/** The scenario cannot be planned for (no voice queue). */
export class CapacityPlanError extends RangeError {}

/**
 * Searches the smallest staffing per 15-minute interval that meets `target` on voice. Erlang C
 * at each interval's voice arrival rate gives the first guess of voice agents, scaled up to
 * agents on shift by the share of profiles that take calls. Then each round simulates the whole
 * day with that staffing (the voice queues measured against the target) and moves intervals:
 * up where the voice service level missed the target (one agent per 5 points short), one agent
 * down where it beat the target by half the remaining margin (90 % for 80 %) and one less has
 * not been seen to miss. It stops when nothing moves, or after {@link MAX_ROUNDS} rounds.
 */
export function planStaffing(
  scenario: Scenario,
  target: ServiceLevelTarget,
  options: {
    readonly seed: number;
    readonly hours: number;
    readonly maxRounds?: number;
    readonly onRound?: (round: StaffingRound) => void;
  },
): { plan: StaffingPlan; report: SimulationReport } {
  const voiceQueues = scenario.queues.filter((queue) => queue.channel === 'voice');
  const voice = scenario.channels.voice;
  if (voiceQueues.length === 0 || !voice) {
    throw new CapacityPlanError('the scenario has no voice queue');
  }
  const voiceAhtSec = voice.handleTime.meanSec + voice.wrapUp.meanSec;
  const totalShare = scenario.agentProfiles.reduce((sum, p) => sum + p.share, 0);
  const voiceShare =
    scenario.agentProfiles
      .filter((p) => p.capacity.voice > 0)
      .reduce((sum, p) => sum + p.share, 0) / totalShare;
  const onShift = (voiceAgents: number) =>
    Math.min(5000, Math.max(1, Math.ceil(voiceAgents / voiceShare)));
  const voiceRate = voiceQueues.reduce((sum, q) => sum + q.arrivalsPerHour, 0);
  const count = Math.ceil((options.hours * 3600_000) / INTERVAL_MS);
  const startAt = Date.UTC(2026, 0, 5, scenario.startHour);
  const guesses = Array.from({ length: count }, (_, index) => {
    const hour = (scenario.startHour + Math.floor(index / 4)) % 24;
    const voicePerHour = voiceRate * (scenario.arrivalCurve[hour] ?? 0);
    return {
      clock: clockOf(startAt + index * INTERVAL_MS),
      voicePerHour,
      erlangCVoiceAgents: agentsForServiceLevel(
        voicePerHour / 3600,
        voiceAhtSec,
        target.percent,
        target.seconds,
      ),
    };
  });
  // Every voice queue measured against the target's threshold.
  const measured = parseScenario({
    ...scenario,
    queues: scenario.queues.map((queue) =>
      queue.channel === 'voice' ? { ...queue, serviceLevel: target } : queue,
    ),
  });
  const voiceAgents = guesses.map((guess) => guess.erlangCVoiceAgents);
  // Only an interval this far above the target tries one agent less: closer to it, a round's
  // noise would make the search chase its own tail.
  const comfortable = target.percent + (100 - target.percent) / 2;
  /** The most voice agents seen to miss the target, per interval. */
  const missedAt = guesses.map(() => -1);
  const rounds: StaffingRound[] = [];
  let best: { round: StaffingRound; voice: number[]; report: SimulationReport } | null = null;
  let last: { round: StaffingRound; voice: number[]; report: SimulationReport } | null = null;
  for (let round = 1; round <= (options.maxRounds ?? MAX_ROUNDS); round += 1) {
    const agents = voiceAgents.map(onShift);
    const report = simulate(measured, {
      seed: options.seed,
      hours: options.hours,
      staffing: agents,
    });
    const levels = guesses.map(
      (_, index) => report.timeline[index]?.channels.voice?.serviceLevelPct ?? null,
    );
    const misses = levels.map((level) => level !== null && level < target.percent);
    const tried: StaffingRound = {
      round,
      agents,
      serviceLevelPct: levels,
      below: misses.filter(Boolean).length,
      agentHours: agents.reduce((a, b) => a + b, 0) * (INTERVAL_MS / 3600_000),
    };
    rounds.push(tried);
    options.onRound?.(tried);
    last = { round: tried, voice: [...voiceAgents], report };
    if (tried.below === 0 && (!best || tried.agentHours < best.round.agentHours)) best = last;
    let moved = false;
    for (const [index, level] of levels.entries()) {
      const current = voiceAgents[index] ?? 0;
      if (level === null) continue;
      if (level < target.percent) {
        // Far below the target: more than one agent at once.
        missedAt[index] = Math.max(missedAt[index] ?? -1, current);
        voiceAgents[index] = current + Math.max(1, Math.ceil((target.percent - level) / 5));
        moved = true;
      } else if (level >= comfortable && current - 1 > (missedAt[index] ?? -1) && current > 1) {
        voiceAgents[index] = current - 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const chosen = best ?? last;
  if (!chosen) throw new CapacityPlanError('no round was simulated');
  const intervals = guesses.map((guess, index) => ({
    ...guess,
    voiceAgents: chosen.voice[index] ?? 0,
    agents: chosen.round.agents[index] ?? 0,
    serviceLevelPct: chosen.round.serviceLevelPct[index] ?? null,
  }));
  return {
    plan: {
      target,
      voiceAhtSec,
      voiceShare,
      intervals,
      rounds,
      chosenRound: chosen.round.round,
      met: best !== null,
      agentHours: chosen.round.agentHours,
      peakAgents: Math.max(...chosen.round.agents),
    },
    report: chosen.report,
  };
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(1));

/** The plan as a text table, one line per interval. */
export function staffingTable(plan: StaffingPlan): string {
  const header = 'interval  voice/h  Erlang C  voice agents  on shift  voice SL %';
  const lines = plan.intervals.map(
    (row) =>
      `${row.clock.padEnd(8)}${row.voicePerHour.toFixed(0).padStart(9)}${String(row.erlangCVoiceAgents).padStart(10)}${String(row.voiceAgents).padStart(14)}${String(row.agents).padStart(10)}${fixed(row.serviceLevelPct).padStart(12)}`,
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}
