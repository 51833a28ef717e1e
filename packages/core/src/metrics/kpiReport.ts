import * as z from 'zod/mini';
import type { AgentSpan } from './agentTime';
import { addInto, emptyCounts, type KpiCounts, type Tally } from './kpiCounts';
import { computeKpis, type KpiFigures } from './kpiFigures';
import type { KpiBuckets } from './kpiBuckets';
import { intervalStartOf } from './intervals';

/** How a report groups its rows. */
export type KpiGroupBy = 'agent' | 'queue' | 'channel' | 'interval' | 'total';

/** Validates a {@link KpiReportQuery}. */
export const kpiReportQuerySchema = z.object({
  /** Start of the range (ms since epoch), rounded down to an interval start. */
  from: z.optional(z.number().check(z.refine(Number.isFinite, 'must be finite'))),
  /** End of the range (ms since epoch, exclusive), rounded up to an interval end. */
  to: z.optional(z.number().check(z.refine(Number.isFinite, 'must be finite'))),
  /** How to group the rows; `total` by default. */
  groupBy: z._default(z.enum(['agent', 'queue', 'channel', 'interval', 'total']), 'total'),
});

/** What `engine.report()` is asked for. */
export interface KpiReportQuery {
  /** Start of the range (ms since epoch), rounded down to an interval start; open when absent. */
  readonly from?: number;
  /** End of the range (ms, exclusive), rounded up to an interval end; open when absent. */
  readonly to?: number;
  /** How to group the rows (default `total`). */
  readonly groupBy?: KpiGroupBy;
}

/** One row of a {@link KpiReport}: the counts of a group and the KPIs derived from them. */
export interface KpiRow {
  /** The agent id, queue id or channel; the interval start as an ISO string; or `total`. */
  readonly key: string;
  /** The interval's start (ms) when grouped by interval; otherwise `null`. */
  readonly intervalStart: number | null;
  /** Numerators and denominators, additive across rows. */
  readonly counts: KpiCounts;
  /** The KPIs of `counts`. */
  readonly kpis: KpiFigures;
}

/** KPIs over a time range, grouped. JSON-serialisable. */
export interface KpiReport {
  /** Start of the range actually covered (an interval start), or `null` for open. */
  readonly from: number | null;
  /** End of the range actually covered (exclusive), or `null` for open. */
  readonly to: number | null;
  /** The grouping of `rows`. */
  readonly groupBy: KpiGroupBy;
  /** Interval length in minutes. */
  readonly intervalMinutes: number;
  /** The time the figures are as of: agents' open spans are counted up to it. */
  readonly asOf: number;
  /** One row per group, sorted by key (by time for intervals). */
  readonly rows: readonly KpiRow[];
}

const prefixes: Record<Exclude<KpiGroupBy, 'interval'>, string> = {
  agent: 'agent:',
  queue: 'queue:',
  channel: 'channel:',
  total: 'total',
};

/** What a report is built from. */
export interface ReportSources {
  /** The booked counts. */
  readonly buckets: KpiBuckets;
  /** Agents' open spans, counted up to `asOf`. */
  readonly spans: readonly AgentSpan[];
  /** Interval length in ms. */
  readonly intervalMs: number;
  /** Now. */
  readonly asOf: number;
  /** A fresh bucket store for the open spans. */
  readonly scratch: KpiBuckets;
}

/** Builds a {@link KpiReport} from booked counts and open agent spans. */
export function buildReport(
  sources: ReportSources,
  query: z.infer<typeof kpiReportQuerySchema>,
): KpiReport {
  const { buckets, spans, intervalMs, asOf, scratch } = sources;
  const from = query.from === undefined ? null : intervalStartOf(query.from, intervalMs);
  const to = query.to === undefined ? null : intervalStartOf(query.to - 1, intervalMs) + intervalMs;
  // Open spans are counted within the report's range only: the intervals outside it are not
  // reported, and a span open since long before (or counted up to a late `asOf`) would otherwise
  // fill the scratch store with intervals for nothing. `from` and `to` are interval boundaries,
  // so the pieces inside the range are the same.
  const until = Math.min(asOf, to ?? asOf);
  for (const span of spans) {
    const since = Math.max(span.since, from ?? span.since);
    if (span.field !== null && until > since)
      scratch.addSpan(since, until, span.dimensions, span.field);
  }
  const rows = new Map<string, { intervalStart: number | null; counts: Tally }>();
  const { groupBy } = query;
  const prefix = groupBy === 'interval' ? 'total' : prefixes[groupBy];
  for (const source of [buckets.intervals, scratch.intervals]) {
    for (const [start, byDimension] of source) {
      if ((from !== null && start < from) || (to !== null && start >= to)) continue;
      for (const [dimension, tally] of byDimension) {
        if (!dimension.startsWith(prefix)) continue;
        const key =
          groupBy === 'interval'
            ? new Date(start).toISOString()
            : dimension.slice(prefix.length) || 'total';
        let row = rows.get(key);
        if (!row)
          rows.set(
            key,
            (row = { intervalStart: groupBy === 'interval' ? start : null, counts: emptyCounts() }),
          );
        addInto(row.counts, tally);
      }
    }
  }
  const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    from,
    to,
    groupBy,
    intervalMinutes: intervalMs / 60_000,
    asOf,
    rows: sorted.map(([key, row]) => ({ key, ...row, kpis: computeKpis(row.counts) })),
  };
}
