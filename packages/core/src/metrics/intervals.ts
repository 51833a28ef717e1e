/** The start of the interval that contains `at` (intervals are aligned to the epoch, UTC). */
export function intervalStartOf(at: number, intervalMs: number): number {
  return Math.floor(at / intervalMs) * intervalMs;
}

/** Calls `each` with every interval a span [start, end) touches and the ms it spends there. */
export function forEachPiece(
  start: number,
  end: number,
  intervalMs: number,
  each: (intervalStart: number, ms: number) => void,
): void {
  let from = start;
  while (from < end) {
    const intervalStart = intervalStartOf(from, intervalMs);
    const until = Math.min(end, intervalStart + intervalMs);
    each(intervalStart, until - from);
    from = until;
  }
}
