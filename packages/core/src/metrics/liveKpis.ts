import type { AgentTimeTracker } from './agentTime';
import type { ContactTracker } from './contactTracker';
import { emptyCounts } from './kpiCounts';
import { computeKpis } from './kpiFigures';
import type { KpiReport, KpiReportQuery, KpiRow } from './kpiReport';
import { intervalStartOf } from './intervals';

/** The figures of the current interval, and what is happening now. JSON-serialisable. */
export interface LiveKpis {
  /** The time the figures are as of (the clock, or the latest event). */
  readonly asOf: number;
  /** Start of the current interval (ms since epoch). */
  readonly intervalStart: number;
  /** End of the current interval (exclusive). */
  readonly intervalEnd: number;
  /** The current interval's KPIs over everything. */
  readonly total: KpiRow;
  /** The current interval's KPIs per agent. */
  readonly agents: readonly KpiRow[];
  /** The current interval's KPIs per queue. */
  readonly queues: readonly KpiRow[];
  /** The current interval's KPIs per channel. */
  readonly channels: readonly KpiRow[];
  /** Contacts waiting in a queue now, not yet answered. */
  readonly waiting: number;
  /** How long the longest-waiting of them has waited (ms); `null` when none waits. */
  readonly longestWaitMs: number | null;
  /** Agents handling at least one contact now. */
  readonly agentsHandling: number;
  /** Agents available and idle now. */
  readonly agentsIdle: number;
  /** Agents not ready (and holding nothing) now. */
  readonly agentsNotReady: number;
}

/** What the live view reads. */
export interface LiveViewDeps {
  /** The engine's report. */
  readonly report: (query: KpiReportQuery) => KpiReport;
  /** Interval length in ms. */
  readonly intervalMs: number;
  /** The engine's now. */
  readonly now: () => number;
  /** Agent time (open spans tell what agents do now). */
  readonly agents: AgentTimeTracker;
  /** Open contacts (who waits). */
  readonly contacts: ContactTracker;
}

/** Creates the engine's `live()`. */
export function createLiveView(deps: LiveViewDeps): () => LiveKpis {
  const { report, intervalMs, now, agents, contacts } = deps;
  return () => {
    const asOf = now();
    const intervalStart = intervalStartOf(asOf, intervalMs);
    const range = { from: intervalStart, to: intervalStart + intervalMs };
    const counts = emptyCounts();
    const total = report({ ...range, groupBy: 'total' }).rows[0] ?? {
      key: 'total',
      intervalStart: null,
      counts,
      kpis: computeKpis(counts),
    };
    const waiting = contacts.waiting();
    const spans = agents.openSpans();
    const count = (field: string) => spans.filter((span) => span.field === field).length;
    return {
      asOf,
      intervalStart,
      intervalEnd: range.to,
      total,
      agents: report({ ...range, groupBy: 'agent' }).rows,
      queues: report({ ...range, groupBy: 'queue' }).rows,
      channels: report({ ...range, groupBy: 'channel' }).rows,
      waiting: waiting.count,
      longestWaitMs: waiting.oldestSince === null ? null : asOf - waiting.oldestSince,
      agentsHandling: count('handlingMs'),
      agentsIdle: count('idleMs'),
      agentsNotReady: count('notReadyMs'),
    };
  };
}
