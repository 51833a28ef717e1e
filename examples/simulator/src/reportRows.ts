import {
  computeKpis,
  sumCounts,
  type KpiCounts,
  type KpiFigures,
  type KpiRow,
} from '@switchboard/core/metrics';
import type { SimChannel } from './scenario';

/**
 * One row of the KPI tables: a channel, a queue or every contact, as the KPI engine of
 * `@switchboard/core/metrics` reports it, plus what only the simulator knows (arrivals, contacts
 * still open, occupancy of the agents who can take the row's contacts).
 */
export interface KpiTableRow {
  /** Contacts that arrived. */
  readonly arrived: number;
  /** Contacts completed after an agent connected (engine `handled`). */
  readonly handled: number;
  /** Customers who gave up while queued or offered, short abandons included. */
  readonly abandoned: number;
  /** Contacts still queued or in hand when the simulation stopped. */
  readonly open: number;
  /** Average handle time (talk + hold + wrap-up), seconds; `null` without handled contacts. */
  readonly ahtSec: number | null;
  /** Average speed of answer (first queued to first accept), seconds. */
  readonly asaSec: number | null;
  /** First-contact resolution, percent. */
  readonly fcrPct: number | null;
  /** Customer satisfaction: surveys scored 4-5, percent. */
  readonly csatPct: number | null;
  /** Abandonment rate (short abandons left out), percent. */
  readonly abandonRatePct: number | null;
  /** Service level: answered within the queue's target / (answered + abandoned after it), percent. */
  readonly serviceLevelPct: number | null;
  /** The queues' service-level targets, e.g. `80/20s`, or `per queue` when they differ. */
  readonly serviceLevelTarget: string;
  /**
   * Occupancy, percent, during the arrival hours, of the agents who can take this row's
   * contacts (skills and capacity): their time handling anything / (handling + available idle).
   */
  readonly occupancyPct: number | null;
  /** The engine's counts behind the figures (additive). */
  readonly counts: KpiCounts;
  /** The engine's figures (ms and rates from 0 to 1). */
  readonly kpis: KpiFigures;
}

/** One channel's row, or `total` over every channel. */
export interface ChannelReport extends KpiTableRow {
  /** The channel, or `total`. */
  readonly channel: SimChannel | 'total';
}

/** One queue's row. */
export interface QueueReport extends KpiTableRow {
  /** The queue's id. */
  readonly queue: string;
  /** The queue's display name. */
  readonly name: string;
  /** The queue's channel. */
  readonly channel: SimChannel;
}

/** One column of the KPI tables, in the terminal and in `report.html`. */
export interface KpiColumn {
  /** The column's heading. */
  readonly head: string;
  /** Width in the terminal table, heading included. */
  readonly width: number;
  /** The cell: a count, a figure (`null`: no denominator) or text. */
  readonly value: (row: KpiTableRow) => number | string | null;
}

/** The KPI tables' columns after the row's name, in order. */
export const kpiColumns: readonly KpiColumn[] = [
  { head: 'arrived', width: 8, value: (row) => row.arrived },
  { head: 'handled', width: 8, value: (row) => row.handled },
  { head: 'abandoned', width: 10, value: (row) => row.abandoned },
  { head: 'open', width: 6, value: (row) => row.open },
  { head: 'AHT s', width: 8, value: (row) => row.ahtSec },
  { head: 'ASA s', width: 8, value: (row) => row.asaSec },
  { head: 'FCR %', width: 7, value: (row) => row.fcrPct },
  { head: 'CSAT %', width: 7, value: (row) => row.csatPct },
  { head: 'aband %', width: 8, value: (row) => row.abandonRatePct },
  { head: 'SL %', width: 7, value: (row) => row.serviceLevelPct },
  { head: 'target', width: 10, value: (row) => row.serviceLevelTarget },
  { head: 'occ %', width: 7, value: (row) => row.occupancyPct },
];

/** A cell's text: counts as integers, other figures with one decimal, `-` for no figure. */
export function cellText(value: number | string | null, head: string): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  const isCount = ['arrived', 'handled', 'abandoned', 'open'].includes(head);
  return value.toFixed(isCount ? 0 : 1);
}

/** Rounds to `digits` decimals. */
export const round = (value: number, digits = 1) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
/** A rate (0-1) of the engine as a percent with one decimal; `null` stays. */
export const percent = (rate: number | null) => (rate === null ? null : round(100 * rate));
/** A duration (ms) of the engine in seconds with one decimal; `null` stays. */
export const seconds = (ms: number | null) => (ms === null ? null : round(ms / 1000));

/** The row keyed `key` of an engine report; all zeros when the group had no traffic. */
export function rowOf(rows: readonly KpiRow[], key: string): KpiRow {
  const found = rows.find((item) => item.key === key);
  if (found) return found;
  const counts = sumCounts([]);
  return { key, intervalStart: null, counts, kpis: computeKpis(counts) };
}

/** What the simulator adds to an engine row. */
export interface RowExtras {
  readonly arrived: number;
  readonly open: number;
  readonly serviceLevelTarget: string;
  /** Occupancy (0-1) of the agents who can take the row's contacts. */
  readonly occupancy: number | null;
}

/** The figures of a table row from an engine row and the simulator's own counts. */
export function tableRow(row: KpiRow, extras: RowExtras): KpiTableRow {
  const { counts, kpis } = row;
  return {
    arrived: extras.arrived,
    handled: counts.handled,
    abandoned: counts.abandoned + counts.shortAbandoned,
    open: extras.open,
    ahtSec: seconds(kpis.ahtMs),
    asaSec: seconds(kpis.asaMs),
    fcrPct: percent(kpis.fcr),
    csatPct: percent(kpis.csat),
    abandonRatePct: percent(kpis.abandonmentRate),
    serviceLevelPct: percent(kpis.serviceLevel),
    serviceLevelTarget: extras.serviceLevelTarget,
    occupancyPct: percent(extras.occupancy),
    counts,
    kpis,
  };
}

/** Occupancy (0-1) of a group of agents from the engine's per-agent rows. */
export function occupancyOf(agentRows: readonly KpiRow[], agentIds: ReadonlySet<string>) {
  return computeKpis(
    sumCounts(agentRows.filter((row) => agentIds.has(row.key)).map((r) => r.counts)),
  ).occupancy;
}
