import type { IntervalSummary } from './timeline';

/** One column source: a label (time of day) and a value, `null` where there is no figure. */
export interface TerminalChartPoint {
  /** Time of day at the interval's start, e.g. `08:15`. */
  readonly clock: string;
  readonly value: number | null;
}

/** How {@link renderBarChart} draws. */
export interface TerminalChartOptions {
  /** The chart's title, printed above it; `{minutes}` becomes the minutes per column. */
  readonly title: string;
  /** Terminal columns available; the chart never prints a longer line. */
  readonly width: number;
  /** Rows of bars. Default 6. */
  readonly height?: number;
  /** Top of the scale; the largest value (at least 1) when absent. */
  readonly max?: number;
  /** Bottom of the scale (labelled on the axis); values at or below it draw nothing. Default 0. */
  readonly min?: number;
  /** Minutes each point covers (15 for the report's intervals). */
  readonly minutesPerPoint: number;
  /**
   * ANSI colour and eighth-block characters (a terminal); otherwise plain ASCII (`#`), fit for
   * logs and pipes.
   */
  readonly color: boolean;
  /** How points merged into one column combine: `sum` (counts) or `mean` (rates). */
  readonly merge: 'sum' | 'mean';
  /** ANSI colour code of the bars, e.g. 36 for cyan. Default 36. */
  readonly colorCode?: number;
}

const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Merges consecutive points by `size`: the first clock, the values summed or averaged. */
function mergePoints(
  points: readonly TerminalChartPoint[],
  size: number,
  merge: 'sum' | 'mean',
): TerminalChartPoint[] {
  const merged: TerminalChartPoint[] = [];
  for (let start = 0; start < points.length; start += size) {
    const group = points.slice(start, start + size);
    const values = group.flatMap((point) => (point.value === null ? [] : [point.value]));
    const sum = values.reduce((a, b) => a + b, 0);
    merged.push({
      clock: group[0]?.clock ?? '',
      value: values.length === 0 ? null : merge === 'sum' ? sum : sum / values.length,
    });
  }
  return merged;
}

/**
 * A vertical bar chart for the terminal, one column per point (several when there is room,
 * consecutive points merged when there is not), with its scale on the left and times of day
 * below. Every line fits in `width`.
 */
export function renderBarChart(
  points: readonly TerminalChartPoint[],
  options: TerminalChartOptions,
): string {
  const height = options.height ?? 6;
  const min = options.min ?? 0;
  const gutterLabels = (max: number) => [format(max), format(min)];
  const initialMax =
    options.max ?? Math.max(1, ...points.flatMap((p) => (p.value === null ? [] : [p.value])));
  // The gutter depends on the scale, which depends on merging (sums grow): settle both.
  let size = 1;
  let shown: TerminalChartPoint[] = [...points];
  let max = initialMax;
  let gutter = 0;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    gutter = Math.max(...gutterLabels(max).map((label) => label.length)) + 2;
    const room = Math.max(1, options.width - gutter);
    size = Math.max(1, Math.ceil(points.length / room));
    shown = mergePoints(points, size, options.merge);
    const next =
      options.max ?? Math.max(1, ...shown.flatMap((p) => (p.value === null ? [] : [p.value])));
    if (next === max) break;
    max = next;
  }
  const room = Math.max(1, options.width - gutter);
  const columnWidth = Math.max(1, Math.min(3, Math.floor(room / Math.max(1, shown.length))));
  const paint = (text: string) =>
    options.color && text.trim() !== ''
      ? `\u001b[${options.colorCode ?? 36}m${text}\u001b[0m`
      : text;
  const steps = options.color ? 8 : 1;
  const filled = shown.map((point) =>
    point.value === null
      ? 0
      : Math.round(
          (Math.min(Math.max(point.value - min, 0), max - min) / Math.max(max - min, 1e-9)) *
            height *
            steps,
        ),
  );
  const [top = '', bottom = ''] = gutterLabels(max);
  const rows: string[] = [];
  for (let row = 0; row < height; row += 1) {
    const floor = (height - row - 1) * steps;
    const cells = filled
      .map((units) => {
        const here = Math.max(0, Math.min(steps, units - floor));
        const mark = options.color ? (EIGHTHS[here] ?? '') || ' ' : here > 0 ? '#' : ' ';
        return mark.repeat(columnWidth);
      })
      .join('');
    const label = row === 0 ? top : '';
    rows.push(`${label.padStart(gutter - 2)} |${paint(cells)}`.trimEnd());
  }
  const axisLine = `${bottom.padStart(gutter - 2)} +${'-'.repeat(shown.length * columnWidth)}`;
  // Times of day wherever one fits with a space after the previous one.
  let times = ' '.repeat(gutter);
  shown.forEach((point, index) => {
    const at = gutter + index * columnWidth;
    if (at >= times.length + (index === 0 ? 0 : 1) && at + point.clock.length <= options.width) {
      times = times.padEnd(at) + point.clock;
    }
  });
  const minutes = options.minutesPerPoint * size;
  return [
    options.title.replace('{minutes}', String(minutes)),
    ...rows,
    axisLine,
    times.trimEnd(),
  ].join('\n');
}

/**
 * The chart printed at the end of a run: service level (every queue, each against its own
 * target) and arrivals per interval of the arrival hours.
 */
export function renderIntervalCharts(
  timeline: readonly IntervalSummary[],
  options: { readonly width: number; readonly color: boolean; readonly intervals: number },
): string {
  const shown = timeline.slice(0, Math.max(1, options.intervals));
  const levels = shown.flatMap((point) =>
    point.serviceLevelPct === null ? [] : [point.serviceLevelPct],
  );
  const common = { width: options.width, color: options.color, minutesPerPoint: 15 };
  return [
    renderBarChart(
      shown.map((point) => ({ clock: point.clock, value: point.serviceLevelPct })),
      {
        ...common,
        title: 'service level % per {minutes} min (every queue, against its target)',
        max: 100,
        // Service levels sit near the top: start the scale at the lowest tens below them.
        min: Math.max(0, Math.min(80, 10 * Math.floor(Math.min(...levels) / 10 - 0.5))),
        merge: 'mean',
        colorCode: 32,
      },
    ),
    renderBarChart(
      shown.map((point) => ({ clock: point.clock, value: point.arrived })),
      { ...common, title: 'arrivals per {minutes} min', merge: 'sum', colorCode: 36 },
    ),
  ].join('\n\n');
}
