import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { renderBarChart, renderIntervalCharts, type TerminalChartPoint } from './terminalChart';
import type { IntervalSummary } from './timeline';

const clockAt = (index: number) => {
  const minutes = 8 * 60 + 15 * index;
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
const pointsOf = (values: readonly (number | null)[]): TerminalChartPoint[] =>
  values.map((value, index) => ({ clock: clockAt(index), value }));
const plain = { minutesPerPoint: 15, color: false, merge: 'sum', title: 'arrivals' } as const;

/** The bar rows of a plain chart (between the title and the axis), without the scale. */
const barRows = (chart: string) =>
  chart
    .split('\n')
    .slice(1, -2)
    .map((line) => line.slice(line.indexOf('|') + 1));
/** How many rows of `#` each column of a plain chart has, over the width of its axis. */
const columnHeights = (chart: string) => {
  const rows = barRows(chart);
  const axis = chart.split('\n').at(-2) ?? '';
  const width = axis.length - axis.indexOf('+') - 1;
  return Array.from({ length: width }, (_, column) =>
    rows.reduce((sum, row) => sum + (row[column] === '#' ? 1 : 0), 0),
  );
};

describe('terminal interval chart', () => {
  it('draws one column per interval to scale, with times of day below', () => {
    const chart = renderBarChart(pointsOf([0, 10, 20, 40, null, 40]), {
      ...plain,
      width: 12,
      height: 4,
    });
    expect(chart.split('\n')).toEqual([
      'arrivals',
      '40 |   # #',
      '   |   # #',
      '   |  ## #',
      '   | ### #',
      ' 0 +------',
      '    08:00',
    ]);
  });

  it('gives each interval a wider column when there is room, and labels the times', () => {
    const chart = renderBarChart(pointsOf([5, 10, 15, 20]), { ...plain, width: 40, height: 2 });
    const lines = chart.split('\n');
    // 5, 10, 15 and 20 of 20 on two rows: 1, 1, 2 and 2 rows, three columns each.
    expect(lines.slice(1, 4)).toEqual(['20 |      ######', '   |############', ' 0 +------------']);
    expect(lines.at(-1)).toBe('    08:00 08:30');
  });

  it('starts the scale at its minimum when one is given', () => {
    const chart = renderBarChart(pointsOf([50, 75, 100]), {
      ...plain,
      width: 20,
      height: 2,
      min: 50,
    });
    expect(chart.split('\n').slice(1, 4)).toEqual([
      '100 |      ###',
      '    |   ######',
      ' 50 +---------',
    ]);
  });

  it('merges intervals when the terminal is narrow and says so in the title', () => {
    const values = Array.from({ length: 96 }, (_, index) => index % 4);
    const chart = renderBarChart(pointsOf(values), {
      ...plain,
      title: 'arrivals per {minutes} min',
      width: 40,
    });
    expect(chart.split('\n')[0]).toBe('arrivals per 45 min');
    // 32 columns of 3 intervals: each sums 0+1+2, 3+0+1 or 2+3+0.
    expect(barRows(chart)[0]?.length).toBeLessThanOrEqual(32);
  });

  it('colours a terminal chart with eighth blocks and keeps logs plain ASCII', () => {
    const points = pointsOf([1, 3, 7, 8]);
    const tty = renderBarChart(points, { ...plain, color: true, width: 30, height: 1 });
    expect(tty).toContain('\u001b[36m');
    expect(tty).toContain('▁');
    expect(tty).toContain('█');
    const log = renderBarChart(points, { ...plain, width: 30, height: 1 });
    expect(log).toMatch(/^[\x20-\x7e\n]*$/);
  });

  test.prop([
    // Up to 200 values: more than the columns of a narrow terminal, so they get merged.
    fc.array(fc.option(fc.nat({ max: 5000 }), { nil: null }), {
      minLength: 1,
      maxLength: 200,
      size: 'max',
    }),
    fc.integer({ min: 20, max: 200 }),
    fc.boolean(),
  ])(
    'never prints a line wider than the terminal; taller bars for larger values',
    (values, width, color) => {
      const chart = renderBarChart(pointsOf(values), { ...plain, color, width, height: 5 });
      for (const line of chart.split('\n')) {
        // eslint-disable-next-line no-control-regex
        expect(line.replace(/\u001b\[\d+m/g, '').length).toBeLessThanOrEqual(width);
      }
      if (color || values.length > width - 6) return; // merged columns hold sums: checked above
      // One interval per column group: its height follows its value.
      const heights = columnHeights(chart);
      const columnWidth = heights.length / values.length;
      expect(Number.isInteger(columnWidth)).toBe(true);
      const top = Math.max(1, ...values.map((value) => value ?? 0));
      heights.forEach((height, column) => {
        const value = values[Math.floor(column / columnWidth)] ?? 0;
        expect(height).toBe(Math.round((value / top) * 5));
      });
    },
  );

  it('charts service level and arrivals of the arrival hours of a run', () => {
    const timeline = Array.from({ length: 10 }, (_, index): IntervalSummary => ({
      start: index,
      clock: clockAt(index),
      arrived: index < 8 ? 100 + index : 0,
      handled: 0,
      abandoned: 0,
      waiting: 0,
      asaSec: null,
      serviceLevelPct: index < 8 ? 80 : null,
      occupancyPct: null,
      channels: {},
    }));
    const text = renderIntervalCharts(timeline, { width: 60, color: false, intervals: 8 });
    const [level, arrivals] = text.split('\n\n');
    expect(level?.split('\n')[0]).toBe(
      'service level % per 15 min (every queue, against its target)',
    );
    expect(level).toContain('100 |');
    // Levels of 80 %: the scale starts at 70 %, labelled on the axis.
    expect(level?.split('\n').at(-2)).toMatch(/^ 70 \+-+$/);
    expect(arrivals?.split('\n')[1]).toMatch(/^107 \|/);
    expect(arrivals?.split('\n').at(-1)?.trim()).toMatch(/^08:00 .* 09:30$/);
  });
});
