import type { KpiRow } from '@switchboard/core/metrics';
import type { OfferCounts } from './agentBehaviour';
import type { Staff } from './agents';
import type { ContactLog } from './contactLog';
import type { InboxChannel, InboxCounts } from './inboxes';
import {
  occupancyOf,
  percent,
  round,
  rowOf,
  tableRow,
  type ChannelReport,
  type QueueReport,
} from './reportRows';
import { canServe, simulatedChannels, type Scenario, type SimChannel } from './scenario';
import type { IntervalSummary, TimelineRecorder } from './timeline';
import { SECOND, type SimWorld } from './world';

/** What a simulated day did. Apart from `wall`, the same scenario and seed give the same report. */
export interface SimulationReport {
  /** The scenario's name. */
  readonly scenario: string;
  /** The seed used. */
  readonly seed: number;
  /** Hours of arrivals. */
  readonly hours: number;
  /** Agents on shift. */
  readonly agents: number;
  /** Start of the simulated day (ms since epoch, UTC). */
  readonly startAt: number;
  /** Simulated time including the drain after arrivals stop, minutes. */
  readonly simulatedMinutes: number;
  /** KPIs per channel, in the scenario's channel order. */
  readonly channels: readonly ChannelReport[];
  /** KPIs per queue, in the scenario's queue order. */
  readonly queues: readonly QueueReport[];
  /** KPIs over every channel. */
  readonly totals: ChannelReport;
  /** Agents' occupancy during the arrival hours (whole 15-minute intervals), percent. */
  readonly occupancyPct: number | null;
  /** The engine's 15-minute interval rows (`groupBy: 'interval'`) over the whole run. */
  readonly intervals: readonly KpiRow[];
  /** The run per 15-minute interval (arrivals, service level, occupancy, waiting): the charts. */
  readonly timeline: readonly IntervalSummary[];
  /** What happened to offers made to agents. */
  readonly offers: {
    readonly made: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly missed: number;
    /** Offers that ended because the customer hung up while the agent's phone rang. */
    readonly withdrawn: number;
  };
  /** Survey results recorded. */
  readonly surveys: number;
  /**
   * Automated replies to waiting chats and emails (`createAutoReplies` of
   * `@switchboard/plugin-canned-responses`): acknowledgements with the queue position and
   * expected wait, and the wait updates that follow.
   */
  readonly autoReplies: { readonly acknowledgements: number; readonly waitUpdates: number };
  /**
   * What the channel plugins' inboxes did with the customers' messages: emails through
   * `createEmailInbox` of `@switchboard/plugin-email` (threaded by Message-ID, In-Reply-To and
   * References), SMS and social messages through `createConversationInbox` of
   * `@switchboard/plugin-sms-social` (a conversation per sender). A message that joins its
   * thread's open contact opens none: `arrived` counts contacts, `messages` counts messages.
   */
  readonly inboxes: Readonly<Record<InboxChannel, InboxCounts>>;
  /** Times the centre made an agent not ready after missed offers. */
  readonly missedOfferLockouts: number;
  /** Breaks taken. */
  readonly breaks: number;
  /** Wrap-ups the centre completed on its own at the wrap-up limit (no disposition). */
  readonly autoCompletedWrapUps: number;
  /** Domain events the centre emitted. */
  readonly events: number;
  /** Wall-clock cost: not part of the deterministic result. */
  readonly wall: {
    /** Wall time of the run, ms. */
    readonly ms: number;
    /** Simulated contacts per second of wall time. */
    readonly contactsPerSecond: number;
  };
}

/** Everything a finished run hands to {@link buildReport}. */
export interface FinishedRun {
  /** The world of the run, its centre disposed. */
  readonly world: SimWorld;
  /** The scenario run. */
  readonly scenario: Scenario;
  /** The seed used. */
  readonly seed: number;
  /** Hours of arrivals. */
  readonly hours: number;
  /** The agents. */
  readonly staff: Staff;
  /** The simulator's book of contacts. */
  readonly log: ContactLog;
  /** What happened to offers. */
  readonly offers: OfferCounts;
  /** The timeline's recorder. */
  readonly recorder: TimelineRecorder;
  /** When the run stopped (simulated ms since epoch). */
  readonly runEnd: number;
  /** Contacts still open when the run stopped, per queue id. */
  readonly openBy: ReadonlyMap<string, number>;
  /** `performance.now()` at the start of the run. */
  readonly wallStart: number;
}

/**
 * Builds the report of a finished run from the KPI engine's rows (per channel, queue, agent,
 * interval and in total) and what only the simulator counted.
 */
export function buildReport(run: FinishedRun): SimulationReport {
  const { world, scenario, staff, log, recorder, runEnd, openBy } = run;
  const { kpis, startAt, endAt } = world;
  const { agentIds, profileOf } = staff;
  const { arrivedBy } = log;
  const simulatedMinutes = round((runEnd - startAt) / 60_000);
  const targetOf = (queues: Scenario['queues']) => {
    const targets = new Set(
      queues.map((queue) => `${queue.serviceLevel.percent}/${queue.serviceLevel.seconds}s`),
    );
    return targets.size === 1 ? [...targets].join('') : 'per queue';
  };
  const range = { from: startAt, to: runEnd };
  const agentRows = kpis.report({ from: startAt, to: endAt, groupBy: 'agent' }).rows;
  /** Occupancy of the agents who can serve at least one of `queues`. */
  const occupancyFor = (queues: Scenario['queues']) =>
    occupancyOf(
      agentRows,
      new Set(
        agentIds.filter((_, index) => {
          const profile = scenario.agentProfiles[profileOf[index] ?? 0];
          return profile !== undefined && queues.some((queue) => canServe(profile, queue));
        }),
      ),
    );
  const sumOf = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const used = simulatedChannels.filter((channel) =>
    scenario.queues.some((queue) => queue.channel === channel),
  );
  const byChannel = kpis.report({ ...range, groupBy: 'channel' }).rows;
  const byQueue = kpis.report({ ...range, groupBy: 'queue' }).rows;
  const channelRow = (channel: SimChannel): ChannelReport => {
    const queues = scenario.queues.filter((queue) => queue.channel === channel);
    return {
      channel,
      ...tableRow(rowOf(byChannel, channel), {
        arrived: sumOf(queues.map((queue) => arrivedBy.get(queue.id) ?? 0)),
        open: sumOf(queues.map((queue) => openBy.get(queue.id) ?? 0)),
        serviceLevelTarget: targetOf(queues),
        occupancy: occupancyFor(queues),
      }),
    };
  };
  const queueRow = (queue: Scenario['queues'][number]): QueueReport => ({
    queue: queue.id,
    name: queue.name,
    channel: queue.channel,
    ...tableRow(rowOf(byQueue, queue.id), {
      arrived: arrivedBy.get(queue.id) ?? 0,
      open: openBy.get(queue.id) ?? 0,
      serviceLevelTarget: targetOf([queue]),
      occupancy: occupancyFor([queue]),
    }),
  });
  const total = rowOf(kpis.report({ ...range, groupBy: 'total' }).rows, 'total');
  const duringArrivals = kpis.report({ from: startAt, to: endAt, groupBy: 'total' }).rows[0];
  const occupancy = duringArrivals?.kpis.occupancy ?? null;
  const { counts } = log;
  const totals: ChannelReport = {
    channel: 'total',
    ...tableRow(total, {
      arrived: counts.arrived,
      open: sumOf(openBy.values()),
      serviceLevelTarget: targetOf(scenario.queues),
      occupancy,
    }),
  };
  const intervals = kpis.report({ ...range, groupBy: 'interval' }).rows;
  const timeline = recorder.build((query) => kpis.report(query), runEnd, used, log.queuedNow());
  const wallMs = performance.now() - run.wallStart;
  return {
    scenario: scenario.name,
    seed: run.seed,
    hours: run.hours,
    agents: agentIds.length,
    startAt,
    simulatedMinutes,
    channels: used.map(channelRow),
    queues: scenario.queues.map(queueRow),
    totals,
    occupancyPct: percent(occupancy),
    intervals,
    timeline,
    offers: run.offers,
    surveys: counts.surveys,
    autoReplies: world.autoReplies,
    inboxes: world.inboxes.counts(),
    missedOfferLockouts: staff.counts.lockouts,
    breaks: staff.counts.breaks,
    autoCompletedWrapUps: counts.autoCompleted,
    events: counts.events,
    wall: { ms: round(wallMs), contactsPerSecond: Math.round(counts.arrived / (wallMs / SECOND)) },
  };
}
