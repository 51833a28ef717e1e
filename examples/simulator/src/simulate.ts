import type { ContactCenter } from '@switchboard/core';
import { actLikeAgents } from './agentBehaviour';
import { staffAgents } from './agents';
import { scheduleArrivals } from './arrivals';
import { createContactLog } from './contactLog';
import { createRandom } from './random';
import type { Scenario } from './scenario';
import { buildReport, type SimulationReport } from './simulationReport';
import { INTERVAL_MS, clockOf, createTimelineRecorder } from './timeline';
import { DAY, FCR_WINDOW_DAYS, HOUR, createWorld } from './world';

export { apportion } from './agents';
export type { SimulationReport } from './simulationReport';
export type { ChannelReport, KpiTableRow, QueueReport } from './reportRows';
export type { IntervalChannel, IntervalSummary } from './timeline';
export type { InboxChannel, InboxCounts } from './inboxes';

/** Options of {@link simulate}; `hours` and `agents` override the scenario's. */
export interface SimulateOptions {
  /** Seed of every random choice: the same seed gives the same report. Default 1. */
  readonly seed?: number;
  /** Hours of arrivals. */
  readonly hours?: number;
  /** Agents on shift. */
  readonly agents?: number;
  /**
   * Agents on shift per 15-minute interval of the run, from its start (capacity planning); the
   * last value holds for the rest of the run. Replaces `agents`.
   */
  readonly staffing?: readonly number[];
  /** Called at the end of every simulated hour. */
  readonly onProgress?: (progress: HourProgress) => void;
  /** Called now and then (every few thousand timer steps) with how far the run has come. */
  readonly onTick?: (tick: Tick) => void;
  /**
   * Called once with the centre before the first arrival, to tally its events or ask it for
   * routing explanations (`--explain`); without it, the centre keeps no explanations of
   * contacts already routed.
   */
  readonly observe?: (center: ContactCenter) => void;
}

/** How far a run has come, for a progress bar. */
export interface Tick {
  /** Simulated minutes since the start. */
  readonly minutes: number;
  /** The longest the run can take (arrival hours plus drain), minutes. */
  readonly maxMinutes: number;
  /** Time of day, e.g. `09:30`. */
  readonly clock: string;
  /** Contacts arrived so far. */
  readonly arrived: number;
}

/** The state of the centre at the end of one simulated hour. */
export interface HourProgress {
  /** Hours simulated so far (1 = the first hour is over). */
  readonly hour: number;
  /** Time of day at the end of the hour, e.g. `09:00`. */
  readonly clock: string;
  /** Contacts arrived so far. */
  readonly arrived: number;
  /** Contacts handled so far (the KPI engine's count). */
  readonly handled: number;
  /** Contacts abandoned so far, short abandons included (the KPI engine's count). */
  readonly abandoned: number;
  /** Contacts waiting in a queue right now. */
  readonly waiting: number;
  /** Agents holding at least one contact right now. */
  readonly busyAgents: number;
  /** Agents on break right now. */
  readonly onBreak: number;
}

/**
 * Runs a simulated day of `scenario` on an embedded contact centre and a virtual clock:
 * Poisson arrivals per queue following the daily curve, impatient customers, agents who think,
 * accept (or now and then decline or miss), talk, wrap up and take breaks. Pure: the same
 * scenario and options give the same report, apart from its `wall` timings.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationReport {
  const wallStart = performance.now();
  const seed = options.seed ?? 1;
  const hours = options.hours ?? scenario.hours;
  const { staffing } = options;
  if (
    staffing &&
    (staffing.length === 0 || !staffing.every((n) => Number.isInteger(n) && n >= 0 && n <= 5000))
  ) {
    throw new RangeError('staffing must give 0 to 5000 agents for each interval');
  }
  const agentCount = options.agents ?? scenario.agents;
  // Common random numbers: customers (arrivals and everything each contact needs, drawn as it
  // arrives), agents' reactions and breaks draw from separate streams, so that another staffing
  // meets the same customers; only what agents do differs.
  const customerRandom = createRandom(seed, 0);
  const agentRandom = createRandom(seed, 1);
  const breakRandom = createRandom(seed, 2);
  // Customers' replies to their own earlier message draw from their own stream too.
  const replyRandom = createRandom(seed, 3);

  const world = createWorld(scenario, hours, options.observe);
  const { center, clock, agenda, kpis, startAt, endAt, stopAt } = world;
  const recorder = createTimelineRecorder(startAt);
  const log = createContactLog(world, recorder);
  const { counts } = log;
  const staff = staffAgents(world, scenario, { agentCount, staffing, hours, breakRandom });
  const offers = actLikeAgents(world, scenario, log, agentRandom, staff.shifts);
  scheduleArrivals(world, scenario, log, { customerRandom, replyRandom });

  // ---- queue lengths per interval ----------------------------------------------------------
  for (let index = 0; startAt + (index + 1) * INTERVAL_MS <= stopAt; index += 1) {
    agenda.at(startAt + (index + 1) * INTERVAL_MS, () => {
      recorder.waiting(index, log.queuedNow());
    });
  }

  // ---- progress and the clock -------------------------------------------------------------
  const totalCounts = () => kpis.report({ groupBy: 'total' }).rows[0]?.counts;
  const { onProgress } = options;
  if (onProgress) {
    for (let hour = 1; hour <= Math.ceil(hours); hour += 1) {
      const at = Math.min(endAt, startAt + hour * HOUR);
      agenda.at(at, () => {
        const snapshot = center.getSnapshot();
        const agents = [...snapshot.agents.values()];
        const total = totalCounts();
        onProgress({
          hour,
          clock: clockOf(at),
          arrived: counts.arrived,
          handled: total?.handled ?? 0,
          abandoned: (total?.abandoned ?? 0) + (total?.shortAbandoned ?? 0),
          waiting: log.queuedNow(),
          busyAgents: agents.filter((agent) => agent.contactIds.length > 0).length,
          onBreak: agents.filter(
            (agent) => agent.presence.status === 'notReady' && agent.presence.reason === 'break',
          ).length,
        });
      });
    }
  }

  // Step from one due timer to the next, the world's actions and the centre's alike.
  const maxSteps =
    1_000_000 + 1_000 * (hours + scenario.drainHours) * (staff.agentIds.length + 1_000);
  const { onTick } = options;
  const tickOf = (): Tick => ({
    minutes: (clock.now() - startAt) / 60_000,
    maxMinutes: (stopAt - startAt) / 60_000,
    clock: clockOf(clock.now()),
    arrived: counts.arrived,
  });
  for (let steps = 0; ; steps += 1) {
    const at = clock.nextDue();
    if (at === undefined || at > stopAt) break;
    if (at >= endAt && counts.finished === counts.arrived) break;
    if (steps > maxSteps) throw new RangeError(`Simulation did not settle after ${maxSteps} steps`);
    clock.advanceTo(at);
    if (onTick && steps % 2_000 === 0) onTick(tickOf());
  }
  onTick?.(tickOf());
  const runEnd = clock.now();

  // What is still open when the run stops, per queue.
  const openBy = new Map<string, number>();
  for (const contact of center.getSnapshot().contacts.values()) {
    if (['completed', 'abandoned', 'failed'].includes(contact.status)) continue;
    const queue = contact.queueId ?? '';
    openBy.set(queue, (openBy.get(queue) ?? 0) + 1);
  }
  // The shift ends: agents holding nothing log out, so their time stops counting. Then the
  // engine's clock moves past the FCR window: first contacts nobody repeated within the
  // simulated day close (resolved when their disposition is), as if no one came back later.
  for (const agent of center.getSnapshot().agents.values()) {
    if (agent.contactIds.length === 0 && agent.presence.status !== 'offline') {
      center.agentCommand(agent.profile.id, { type: 'logout' });
    }
  }
  world.setKpiNow(runEnd + FCR_WINDOW_DAYS * DAY + 1);
  center.dispose();

  return buildReport({
    world,
    scenario,
    seed,
    hours,
    staff,
    log,
    offers,
    recorder,
    runEnd,
    openBy,
    wallStart,
  });
}
