import type { StaffingPlan } from './capacityPlan';
import { cellText, kpiColumns, type KpiTableRow } from './reportRows';
import type { SimulationReport } from './simulate';
import { escapeHtml, svgChart, type ChartSpec } from './svgChart';

/** A table cell: counts as integers, other figures with one decimal, `-` for no figure. */
const cell = (value: number | string | null, decimals = 1) =>
  `<td>${value === null ? '-' : typeof value === 'number' ? value.toFixed(decimals) : escapeHtml(value)}</td>`;

const figures = (row: KpiTableRow) =>
  kpiColumns
    .map((column) => `<td>${escapeHtml(cellText(column.value(row), column.head))}</td>`)
    .join('');

const figureHeads = kpiColumns.map((column) => `<th scope="col">${column.head}</th>`).join('');

const style = `
:root { color-scheme: light dark; --ink: #1d2733; --muted: #5b6673; --line: #d5dbe1; --accent: #2f6fb3; --goal: #c0392b; --bg: #fff; }
@media (prefers-color-scheme: dark) { :root { --ink: #e4e9ee; --muted: #9aa5b1; --line: #3a4450; --accent: #6aa8e8; --goal: #ef7d6f; --bg: #161b21; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--ink); background: var(--bg); margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
p.meta, figcaption, .note { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child, th.name, td.name { text-align: left; }
tfoot td { font-weight: 600; }
.scroll { overflow-x: auto; }
figure { margin: 0 0 1.5rem; } svg.chart { width: 100%; height: auto; }
.grid { stroke: var(--line); } .axis { fill: var(--muted); font-size: 11px; }
.bar { fill: var(--accent); } .dot { fill: var(--accent); }
.line { fill: none; stroke: var(--accent); stroke-width: 2; }
.goal { stroke: var(--goal); stroke-dasharray: 4 3; }
`;

/** The charts of a report, one value per 15-minute interval of the run. */
export function reportCharts(report: SimulationReport): (ChartSpec & { id: string })[] {
  const points = (pick: (point: SimulationReport['timeline'][number]) => number | null) =>
    report.timeline.map((point) => ({ label: point.clock, value: pick(point) }));
  return [
    {
      id: 'arrivals',
      title: 'Arrivals per interval (every channel)',
      unit: 'contacts',
      kind: 'bar',
      points: points((p) => p.arrived),
    },
    {
      id: 'service-level',
      title: 'Service level per interval (every queue against its own target), %',
      unit: '%',
      kind: 'line',
      max: 100,
      points: points((p) => p.serviceLevelPct),
    },
    {
      id: 'occupancy',
      title: 'Occupancy per interval (every agent), %',
      unit: '%',
      kind: 'line',
      max: 100,
      points: points((p) => p.occupancyPct),
    },
    {
      id: 'waiting',
      title: 'Contacts waiting in a queue at the end of each interval',
      unit: 'contacts',
      kind: 'bar',
      points: points((p) => p.waiting),
    },
  ];
}

/** The staffing plan's charts: agents on shift, and the voice service level against the target. */
export function staffingCharts(plan: StaffingPlan): (ChartSpec & { id: string })[] {
  const goal = `${plan.target.percent}/${plan.target.seconds}s`;
  return [
    {
      id: 'staffing',
      title: 'Agents on shift per interval (the plan)',
      unit: 'agents',
      kind: 'bar',
      points: plan.intervals.map((row) => ({ label: row.clock, value: row.agents })),
    },
    {
      id: 'staffing-service-level',
      title: `Simulated voice service level per interval with the plan, % (dashed: ${goal})`,
      unit: '%',
      kind: 'line',
      max: 100,
      goal: plan.target.percent,
      points: plan.intervals.map((row) => ({ label: row.clock, value: row.serviceLevelPct })),
    },
  ];
}

const figure = (chart: ChartSpec & { id: string }) =>
  `<figure data-chart="${chart.id}">${svgChart(chart)}<figcaption>${escapeHtml(chart.title)}</figcaption></figure>`;

/** The staffing plan section: how it was found, a row per interval and its charts. */
function staffingSection(plan: StaffingPlan): string {
  const goal = `${plan.target.percent}/${plan.target.seconds}s`;
  const rows = plan.intervals
    .map(
      (row) =>
        `<tr data-row="interval:${escapeHtml(row.clock)}"><th scope="row">${escapeHtml(row.clock)}</th>${cell(row.voicePerHour, 0)}${cell(row.erlangCVoiceAgents, 0)}${cell(row.voiceAgents, 0)}${cell(row.agents, 0)}${cell(row.serviceLevelPct)}</tr>`,
    )
    .join('\n');
  const outcome = plan.met
    ? `Round ${plan.chosenRound} of ${plan.rounds.length} meets ${goal} on voice in every interval with ${plan.agentHours.toFixed(2)} agent-hours, at most ${plan.peakAgents} agents on shift. The tables and charts above are that round's run.`
    : `No round of ${plan.rounds.length} met ${goal} on voice in every interval; this is the last round, whose run the tables and charts above show.`;
  return `<h2>Staffing plan for ${escapeHtml(goal)} on voice</h2>
<p>Erlang C gives the voice agents for each interval's expected calls (handle time plus wrap-up ${plan.voiceAhtSec.toFixed(0)} s), scaled to agents on shift by the share who take calls (${(100 * plan.voiceShare).toFixed(1)} %). Each simulated round then adds voice agents where an interval missed the target (one per 5 points short) and takes one away where it beat the target by half the remaining margin, unless one fewer already missed. ${escapeHtml(outcome)}</p>
<div class="scroll"><table id="staffing">
<thead><tr><th scope="col">interval</th><th scope="col">voice calls/h</th><th scope="col">Erlang C voice agents</th><th scope="col">voice agents</th><th scope="col">agents on shift</th><th scope="col">voice SL %</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${staffingCharts(plan).map(figure).join('\n')}`;
}

/**
 * The report as one self-contained HTML page: the KPI tables per channel and per queue and a
 * chart per 15-minute interval of arrivals, service level, occupancy and waiting contacts; with
 * a staffing `plan` (`--target-service-level`), its table and charts too.
 * Inline CSS and SVG only: no script, no font, no request (its Content-Security-Policy forbids
 * any), so it opens from disk, in a mail attachment or a CI artefact alike.
 */
export function renderHtmlReport(report: SimulationReport, plan?: StaffingPlan): string {
  const title = `Switchboard simulator: ${report.scenario}`;
  const channelRows = report.channels
    .map(
      (row) =>
        `<tr data-row="channel:${escapeHtml(row.channel)}"><th scope="row">${escapeHtml(row.channel)}</th>${figures(row)}</tr>`,
    )
    .join('\n');
  const queueRows = report.queues
    .map(
      (row) =>
        `<tr data-row="queue:${escapeHtml(row.queue)}"><th scope="row">${escapeHtml(row.name)}</th><td class="name">${escapeHtml(row.channel)}</td>${figures(row)}</tr>`,
    )
    .join('\n');
  const charts = reportCharts(report).map(figure).join('\n');
  const hours = Math.floor(Math.round(report.simulatedMinutes) / 60);
  const minutes = Math.round(report.simulatedMinutes) % 60;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Seed ${report.seed}, ${report.hours} h of arrivals from ${escapeHtml(report.timeline[0]?.clock ?? '')}, ${report.agents} agents; simulated ${hours} h ${minutes} min. Occupancy over the arrival hours ${report.occupancyPct ?? '-'} %.</p>
<h2>By channel</h2>
<div class="scroll"><table id="channels">
<thead><tr><th scope="col">channel</th>${figureHeads}</tr></thead>
<tbody>
${channelRows}
</tbody>
<tfoot><tr data-row="channel:total"><th scope="row">total</th>${figures(report.totals)}</tr></tfoot>
</table></div>
<h2>By queue</h2>
<div class="scroll"><table id="queues">
<thead><tr><th scope="col">queue</th><th scope="col" class="name">channel</th>${figureHeads}</tr></thead>
<tbody>
${queueRows}
</tbody>
</table></div>
<p class="note">A dash: no denominator (no handled contact, no survey). Occupancy of a channel or queue is that of the agents who can take its contacts, over the arrival hours.</p>
<h2>Per 15-minute interval</h2>
${charts}
${plan ? staffingSection(plan) : ''}
</body>
</html>
`;
}
