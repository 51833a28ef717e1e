const minuteMs = 60_000;
const dayMinutes = 24 * 60;

/** Minutes since local midnight, with fractions, of an instant in one time zone. @internal */
export type LocalMinuteOf = (at: number) => number;

/**
 * Reads the wall time of `timeZone` through `Intl` (no time-zone data of our own): the minutes
 * since local midnight at an instant. Throws `RangeError` for an unknown zone.
 *
 * @internal
 */
export function localMinuteIn(timeZone: string): LocalMinuteOf {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (at) => {
    let minutes = 0;
    for (const part of format.formatToParts(at)) {
      if (part.type === 'hour') minutes += Number(part.value) * 60;
      else if (part.type === 'minute') minutes += Number(part.value);
      else if (part.type === 'second') minutes += Number(part.value) / 60;
    }
    return minutes + (((at % 1000) + 1000) % 1000) / minuteMs;
  };
}

/**
 * The first instant at or after `at` whose wall time in the zone is `targetMinute`. Starts from
 * the naive distance and corrects by what the zone's clock says, so a daylight-saving change in
 * between is taken into account; a wall time skipped by the change resolves to just after it.
 *
 * @internal
 */
export function nextLocalMinute(
  localMinute: LocalMinuteOf,
  at: number,
  targetMinute: number,
): number {
  const ahead = (from: number) => {
    const gap = targetMinute - localMinute(from);
    return gap < 0 ? gap + dayMinutes : gap;
  };
  let candidate = at + ahead(at) * minuteMs;
  for (let step = 0; step < 3; step += 1) {
    let gap = targetMinute - localMinute(candidate);
    if (Math.abs(gap) < 1 / minuteMs) break;
    if (gap > dayMinutes / 2) gap -= dayMinutes;
    if (gap < -dayMinutes / 2) gap += dayMinutes;
    candidate += gap * minuteMs;
  }
  return Math.round(candidate);
}
