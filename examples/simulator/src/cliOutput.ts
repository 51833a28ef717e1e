import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StaffingPlan } from './capacityPlan';
import { renderHtmlReport } from './htmlReport';
import { cellText, kpiColumns } from './reportRows';
import type { ChannelReport, SimulationReport } from './simulate';

/** `value` right-aligned in `width` characters. */
export const pad = (value: string | number, width: number) => String(value).padStart(width);
/** A figure with one decimal, or `-` when there is none. */
export const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(1));

/** The per-channel table of a report. */
export function table(report: SimulationReport): string {
  const first = 9;
  const row = (name: string, cells: readonly string[]) =>
    name.padEnd(first) +
    cells.map((text, index) => pad(text, kpiColumns[index]?.width ?? 0)).join('');
  const line = (r: ChannelReport) =>
    row(
      r.channel,
      kpiColumns.map((column) => cellText(column.value(r), column.head)),
    );
  const header = row(
    'channel',
    kpiColumns.map((column) => column.head),
  );
  const rule = '-'.repeat(header.length);
  return [header, rule, ...report.channels.map(line), rule, line(report.totals)].join('\n');
}

/** Writes `report.json` and `report.html` into `out` (created if missing); says where. */
export function writeReports(out: string, report: SimulationReport, plan?: StaffingPlan): string {
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'report.json');
  const page = resolve(dir, 'report.html');
  writeFileSync(
    file,
    `${JSON.stringify(plan ? { ...report, staffingPlan: plan } : report, null, 2)}\n`,
  );
  writeFileSync(page, renderHtmlReport(report, plan));
  return `report written to ${file}\nHTML report with charts: ${page} (open it in a browser)\n`;
}

/** One line on the channel plugins' inboxes: messages, and what became of them. */
export function inboxSummary(inboxes: SimulationReport['inboxes']): string {
  const parts = Object.entries(inboxes)
    .filter(([, counts]) => counts.messages > 0)
    .map(
      ([channel, c]) =>
        `${channel} ${c.messages} messages (${c.replies} replies; ${c.opened} opened, ${c.joined} joined, ${c.reopened} follow-ups)`,
    );
  return `inboxes   ${parts.length > 0 ? parts.join('   ') : 'no messages'}`;
}
