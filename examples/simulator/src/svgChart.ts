/** One value per interval; `null` where the interval has no figure (no denominator). */
export interface ChartPoint {
  /** The interval's label, e.g. `08:15`. */
  readonly label: string;
  readonly value: number | null;
}

/** What {@link svgChart} draws. */
export interface ChartSpec {
  /** Accessible name of the chart. */
  readonly title: string;
  /** Unit after each value in the tooltips, e.g. `%` or `contacts`. */
  readonly unit: string;
  /** `bar` for counts, `line` for rates. */
  readonly kind: 'bar' | 'line';
  readonly points: readonly ChartPoint[];
  /** Top of the value axis; the largest value (at least 1) when absent. */
  readonly max?: number;
  /** A dashed horizontal line, e.g. a service-level target. */
  readonly goal?: number;
}

const WIDTH = 720;
const HEIGHT = 180;
const LEFT = 44;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 22;

/** Escapes text for HTML and SVG content and attributes. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Coordinates with one decimal keep the markup short. */
const at = (value: number) => Math.round(value * 10) / 10;

const format = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');

/**
 * An inline SVG chart with one `<g class="interval">` per point (its tooltip in a `<title>`),
 * so that it needs no script, no font and no network. Values scale from 0 to `max`.
 */
export function svgChart(spec: ChartSpec): string {
  const { points } = spec;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const max = spec.max ?? Math.max(1, ...values);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, points.length);
  const y = (value: number) => at(TOP + plotHeight * (1 - Math.min(value, max) / max));
  const x = (index: number) => at(LEFT + step * (index + 0.5));
  const ticks = [0, max / 2, max]
    .map(
      (tick) =>
        `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(tick)}" y2="${y(tick)}"/>` +
        `<text class="axis" x="${LEFT - 4}" y="${y(tick) + 4}" text-anchor="end">${format(tick)}</text>`,
    )
    .join('');
  // About eight time labels whatever the number of intervals.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const labels = points
    .map((point, index) =>
      index % every === 0
        ? `<text class="axis" x="${x(index)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(point.label)}</text>`
        : '',
    )
    .join('');
  const marks = points
    .map((point, index) => {
      const tip = `<title>${escapeHtml(point.label)}: ${point.value === null ? 'no data' : `${format(point.value)} ${escapeHtml(spec.unit)}`}</title>`;
      if (point.value === null) return `<g class="interval">${tip}</g>`;
      const mark =
        spec.kind === 'bar'
          ? `<rect class="bar" x="${at(x(index) - step * 0.4)}" y="${y(point.value)}" width="${at(step * 0.8)}" height="${at(TOP + plotHeight - y(point.value))}"/>`
          : `<circle class="dot" cx="${x(index)}" cy="${y(point.value)}" r="2.5"/>`;
      return `<g class="interval">${tip}${mark}</g>`;
    })
    .join('');
  // The line breaks where an interval has no figure.
  const runs: string[][] = [[]];
  points.forEach((point, index) => {
    if (point.value === null) runs.push([]);
    else runs.at(-1)?.push(`${x(index)},${y(point.value)}`);
  });
  const lines =
    spec.kind === 'line'
      ? runs
          .filter((run) => run.length > 1)
          .map((run) => `<polyline class="line" points="${run.join(' ')}"/>`)
          .join('')
      : '';
  const goal =
    spec.goal === undefined
      ? ''
      : `<line class="goal" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(spec.goal)}" y2="${y(spec.goal)}"/>`;
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}" xmlns="http://www.w3.org/2000/svg">` +
    `${ticks}${goal}${lines}${marks}${labels}</svg>`
  );
}
