import type { KpiReport, KpiReportQuery } from '@switchboard/core/metrics';
import { percent, rowOf, seconds } from './reportRows';
import type { SimChannel } from './scenario';

/** Length of a report interval: the KPI engine's default, 15 minutes. */
export const INTERVAL_MS = 15 * 60_000;

/** One channel within an interval. */
export interface IntervalChannel {
  /** Contacts of the channel that arrived in the interval. */
  readonly arrived: number;
  /** The channel's service level over the waits that ended in the interval, percent. */
  readonly serviceLevelPct: number | null;
}

/** One 15-minute interval of a run: what the charts of the reports draw. */
export interface IntervalSummary {
  /** Start of the interval (ms since epoch, UTC). */
  readonly start: number;
  /** Time of day at its start, e.g. `08:15`. */
  readonly clock: string;
  /** Contacts that arrived in the interval. */
  readonly arrived: number;
  /** Contacts completed in the interval after an agent connected (engine `handled`). */
  readonly handled: number;
  /** Customers who gave up in the interval, short abandons included. */
  readonly abandoned: number;
  /** Contacts waiting in a queue at the interval's end (or when the run stopped). */
  readonly waiting: number;
  /** Average speed of answer of the contacts answered in the interval, seconds. */
  readonly asaSec: number | null;
  /** Service level over every queue (each against its own threshold), percent. */
  readonly serviceLevelPct: number | null;
  /** Occupancy of every agent in the interval, percent. */
  readonly occupancyPct: number | null;
  /** Arrivals and service level per channel of the scenario. */
  readonly channels: Readonly<Partial<Record<SimChannel, IntervalChannel>>>;
}

/** Time of day of `time` (UTC), e.g. `09:30`. */
export const clockOf = (time: number) => {
  const date = new Date(time);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
};

/** Collects a run's arrivals and queue lengths per interval, and builds its timeline. */
export interface TimelineRecorder {
  /** A contact arrived on `channel` at `at`. */
  arrival(channel: SimChannel, at: number): void;
  /** `count` contacts were waiting at the end of interval `index`. */
  waiting(index: number, count: number): void;
  /** The timeline from `startAt` to `runEnd`, with the engine's figures per interval. */
  build(
    report: (query: KpiReportQuery) => KpiReport,
    runEnd: number,
    channels: readonly SimChannel[],
    waitingAtEnd: number,
  ): IntervalSummary[];
}

/** Creates a {@link TimelineRecorder} for a run starting at `startAt` (an interval start). */
export function createTimelineRecorder(startAt: number): TimelineRecorder {
  const arrivals: Map<SimChannel, number>[] = [];
  const waits: number[] = [];
  return {
    arrival(channel, at) {
      const index = Math.floor((at - startAt) / INTERVAL_MS);
      const byChannel = (arrivals[index] ??= new Map());
      byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
    },
    waiting(index, count) {
      waits[index] = count;
    },
    build(report, runEnd, channels, waitingAtEnd) {
      const count = Math.max(1, Math.ceil((runEnd - startAt) / INTERVAL_MS));
      return Array.from({ length: count }, (_, index) => {
        const start = startAt + index * INTERVAL_MS;
        const range = { from: start, to: start + INTERVAL_MS };
        const total = rowOf(report({ ...range, groupBy: 'total' }).rows, 'total');
        const byChannel = report({ ...range, groupBy: 'channel' }).rows;
        const arrivedBy = arrivals[index];
        const arrivedIn = (channel: SimChannel) => arrivedBy?.get(channel) ?? 0;
        return {
          start,
          clock: clockOf(start),
          arrived: channels.reduce((sum, channel) => sum + arrivedIn(channel), 0),
          handled: total.counts.handled,
          abandoned: total.counts.abandoned + total.counts.shortAbandoned,
          waiting: waits[index] ?? waitingAtEnd,
          asaSec: seconds(total.kpis.asaMs),
          serviceLevelPct: percent(total.kpis.serviceLevel),
          occupancyPct: percent(total.kpis.occupancy),
          channels: Object.fromEntries(
            channels.map((channel) => [
              channel,
              {
                arrived: arrivedIn(channel),
                serviceLevelPct: percent(rowOf(byChannel, channel).kpis.serviceLevel),
              },
            ]),
          ),
        };
      });
    },
  };
}
