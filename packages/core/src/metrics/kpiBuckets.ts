import { emptyCounts, type Tally } from './kpiCounts';
import { forEachPiece, intervalStartOf } from './intervals';

/** What a row of counts is about: `total`, or `agent:<id>`, `queue:<id>`, `channel:<name>`. */
export type DimensionKey = string;

/** The agent-time fields a span of agent time adds to. */
export type AgentTimeField = 'handlingMs' | 'idleMs' | 'notReadyMs';

/**
 * Counts per interval and dimension, added to in place. Memory grows with intervals × agents,
 * queues and channels, never with events.
 */
export interface KpiBuckets {
  /**
   * The counts of each of `dimensions` in the interval of `at`, for the hot paths: the array is
   * reused by the next call, so read it at once.
   */
  tallies(at: number, dimensions: readonly DimensionKey[]): readonly Tally[];
  /** Adds a span [start, end) of agent time, split across the intervals it touches. */
  addSpan(
    start: number,
    end: number,
    dimensions: readonly DimensionKey[],
    field: AgentTimeField,
  ): void;
  /** Every interval's counts by dimension. */
  readonly intervals: ReadonlyMap<number, ReadonlyMap<DimensionKey, Tally>>;
}

/** Creates empty {@link KpiBuckets} of `intervalMs` each. */
export function createKpiBuckets(intervalMs: number): KpiBuckets {
  const intervals = new Map<number, Map<DimensionKey, Tally>>();
  let lastStart = Number.NaN;
  let last: Map<DimensionKey, Tally> | undefined;

  const tallyOf = (intervalStart: number, dimension: DimensionKey): Tally => {
    if (intervalStart !== lastStart || !last) {
      last = intervals.get(intervalStart);
      if (!last) intervals.set(intervalStart, (last = new Map<DimensionKey, Tally>()));
      lastStart = intervalStart;
    }
    let tally = last.get(dimension);
    if (!tally) last.set(dimension, (tally = emptyCounts()));
    return tally;
  };

  const scratch: Tally[] = [];

  return {
    intervals,
    tallies(at, dimensions) {
      const start = intervalStartOf(at, intervalMs);
      scratch.length = dimensions.length;
      for (let i = 0; i < dimensions.length; i += 1)
        scratch[i] = tallyOf(start, dimensions[i] as DimensionKey);
      return scratch;
    },
    addSpan(start, end, dimensions, field) {
      forEachPiece(start, end, intervalMs, (intervalStart, ms) => {
        for (const dimension of dimensions) {
          const tally = tallyOf(intervalStart, dimension);
          tally[field] += ms;
          tally.loggedInMs += ms;
        }
      });
    },
  };
}
