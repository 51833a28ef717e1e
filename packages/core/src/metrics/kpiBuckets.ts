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
   * The counts of each of `dimensions` in the interval of `at`; they stay the counts of that
   * interval and dimension, so they may be kept and added to later. Never change `dimensions`
   * after passing it: the hot paths pass shared lists, and the latest interval's are cached by list.
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

  // The tallies of each dimension list in the latest interval, by the list itself: the hot paths
  // pass shared, never-mutated lists (see `DimensionCache`), so a fact costs one lookup instead
  // of one per dimension.
  let latest = Number.NEGATIVE_INFINITY;
  let byList = new Map<readonly DimensionKey[], Tally[]>();

  return {
    intervals,
    tallies(at, dimensions) {
      const start = intervalStartOf(at, intervalMs);
      if (start < latest) return dimensions.map((key) => tallyOf(start, key));
      if (start > latest) {
        latest = start;
        byList = new Map();
      }
      let list = byList.get(dimensions);
      if (!list) byList.set(dimensions, (list = dimensions.map((key) => tallyOf(start, key))));
      return list;
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
