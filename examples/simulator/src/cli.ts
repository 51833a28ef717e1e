import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { ZodError } from 'zod';
import {
  CapacityPlanError,
  MAX_ROUNDS,
  planStaffing,
  staffingTable,
  type StaffingPlan,
} from './capacityPlan';
import { renderHtmlReport } from './htmlReport';
import { renderIntervalCharts } from './terminalChart';
import { defaultScenario, parseScenario, type Scenario } from './scenario';
import { cellText, kpiColumns } from './reportRows';
import type { ContactCenter, RoutingExplanation } from '@switchboard/core';
import { simulate, type ChannelReport, type HourProgress, type SimulationReport } from './simulate';

const usage = `Usage: pnpm --filter @switchboard/example-simulator start [-- options]

Runs a simulated day of a contact centre on the embedded Switchboard core.

Options:
  --scenario <file>  a JSON scenario (default: the built-in "${defaultScenario.name}")
  --seed <int>       seed of every random choice (default 1); the same seed gives the same day
  --hours <n>        hours of arrivals (default: the scenario's, ${defaultScenario.hours}; max 168)
  --agents <int>     agents on shift (default: the scenario's, ${defaultScenario.agents}; max 5000)
  --out <dir>        also write the full report, with 15-minute intervals, to <dir>/report.json
                     and a page with its tables and charts to <dir>/report.html
  --json             print the report as JSON instead of tables
  --explain <id>     print the router's account of one contact (e.g. c42): each decision that
                     offered it, with the candidates weighed, or why it still waits at the end
  --target-service-level <percent/seconds>
                     plan the smallest staffing per 15-minute interval that meets this voice
                     service level (e.g. 80/20): an Erlang C first guess per interval, then up
                     to ${MAX_ROUNDS} simulated rounds moving each interval one voice agent up
                     (missed) or down (met); prints the plan (with --out, in the reports too)
  -h, --help         show this help`;

/**
 * Where the CLI writes. On a terminal (`isTTY`) it draws a progress bar and colours the interval
 * chart, which fits in `columns` (80 when unknown).
 */
export interface CliIo {
  readonly stdout: {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    readonly columns?: number;
  };
  readonly stderr: { write(text: string): unknown };
}

class UsageError extends RangeError {}
/** A scenario file that cannot be read or does not validate (no usage text: the flags were fine). */
class ScenarioError extends RangeError {}

function parseNumber(
  name: string,
  raw: string | undefined,
  check: (n: number) => boolean,
  what: string,
) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${what}, got "${raw}"`);
  }
  return value;
}

function parseCli(argv: readonly string[]) {
  // `pnpm start -- --seed 7` forwards the `--` itself.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      hours: { type: 'string' },
      agents: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      'target-service-level': { type: 'string' },
      explain: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.explain !== undefined && values.explain.trim() === '') {
    throw new UsageError('--explain must name a contact id, e.g. c42');
  }
  if (values.explain !== undefined && values['target-service-level'] !== undefined) {
    throw new UsageError('--explain explains one run: leave out --target-service-level');
  }
  if (values.out !== undefined && values.out.trim() === '') {
    throw new UsageError('--out must be a directory');
  }
  const rawTarget = values['target-service-level'];
  let target: { percent: number; seconds: number } | undefined;
  if (rawTarget !== undefined) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(rawTarget);
    const percent = Number(match?.[1]);
    const seconds = Number(match?.[2]);
    if (!match || !(percent > 0 && percent < 100) || !(seconds > 0)) {
      throw new UsageError(
        `--target-service-level must be <percent>/<seconds>, percent above 0 and below 100, seconds above 0 (e.g. 80/20), got "${rawTarget}"`,
      );
    }
    target = { percent, seconds };
  }
  if (target && values.agents !== undefined) {
    throw new UsageError('--target-service-level searches the agents: leave out --agents');
  }
  return {
    target,
    explain: values.explain,
    help: values.help,
    json: values.json,
    scenario: values.scenario,
    out: values.out,
    seed: parseNumber(
      'seed',
      values.seed,
      (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff,
      'an integer from 0 to 4294967295',
    ),
    hours: parseNumber(
      'hours',
      values.hours,
      (n) => n > 0 && n <= 168,
      'a number of hours above 0 and at most 168',
    ),
    agents: parseNumber(
      'agents',
      values.agents,
      (n) => Number.isInteger(n) && n >= 1 && n <= 5000,
      'an integer from 1 to 5000',
    ),
  };
}

/** Reads and validates a scenario file; a `ScenarioError` names the file and every bad field. */
function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(
      `cannot read scenario ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(
      `scenario ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parseScenario(input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issues = error.issues.map(
      (issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
    );
    throw new ScenarioError(`scenario ${file} is invalid:\n${issues.join('\n')}`);
  }
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(1));

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
function writeReports(out: string, report: SimulationReport, plan?: StaffingPlan): string {
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

/**
 * Watches one contact during a run: the router's explanation at each offer, and its state at the
 * end if it is still waiting (or unknown, if no contact had that id).
 */
function explainContact(contactId: string) {
  const accounts: RoutingExplanation[] = [];
  let center: ContactCenter | undefined;
  return {
    observe: (observed: ContactCenter) => {
      center = observed;
      observed.events.on('contact.offered', (event) => {
        if (event.contactId === contactId) accounts.push(observed.explain(contactId));
      });
    },
    accounts: (): RoutingExplanation[] => {
      const last = center?.explain(contactId);
      return last && (last.status === 'waiting' || accounts.length === 0)
        ? [...accounts, last]
        : accounts;
    },
  };
}

/** Runs the CLI with `argv` (the arguments after the script); returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const log = (text: string) => io.stdout.write(`${text}\n`);
  let cli: ReturnType<typeof parseCli>;
  let scenario: Scenario;
  try {
    cli = parseCli(argv);
    if (cli.help) {
      log(usage);
      return 0;
    }
    scenario = cli.scenario === undefined ? defaultScenario : loadScenario(cli.scenario);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `simulator: ${message}\n${error instanceof ScenarioError ? '' : `\n${usage}\n`}`,
    );
    return 2;
  }
  const seed = cli.seed ?? 1;
  const hours = cli.hours ?? scenario.hours;
  if (cli.target) {
    const goal = `${cli.target.percent}/${cli.target.seconds}s`;
    let planned: ReturnType<typeof planStaffing>;
    try {
      if (!cli.json) {
        log(
          `Planning staff per 15-minute interval for ${goal} on voice ("${scenario.name}", seed ${seed}, ${hours} h): Erlang C first, then simulated rounds`,
        );
      }
      planned = planStaffing(scenario, cli.target, {
        seed,
        hours,
        ...(cli.json
          ? {}
          : {
              onRound: (round) =>
                log(
                  `  round ${pad(round.round, 2)}: ${pad(round.agentHours.toFixed(2), 8)} agent-hours, peak ${pad(Math.max(...round.agents), 4)} agents, ${round.below} of ${round.agents.length} intervals below ${cli.target?.percent ?? ''} %`,
                ),
            }),
      });
    } catch (error) {
      if (!(error instanceof CapacityPlanError)) throw error;
      io.stderr.write(`simulator: ${error.message}\n`);
      return 2;
    }
    const { plan, report } = planned;
    const written = cli.out === undefined ? '' : writeReports(cli.out, report, plan);
    if (cli.json) {
      io.stderr.write(written);
      log(JSON.stringify(plan, null, 2));
      return plan.met ? 0 : 1;
    }
    log('');
    log(staffingTable(plan));
    log('');
    log(
      plan.met
        ? `round ${plan.chosenRound} meets ${goal} on voice in every interval: ${plan.agentHours.toFixed(2)} agent-hours, at most ${plan.peakAgents} agents on shift`
        : `not met in every interval after ${plan.rounds.length} rounds (the table shows the last round)`,
    );
    io.stdout.write(written);
    return plan.met ? 0 : 1;
  }
  const agents = cli.agents ?? scenario.agents;
  if (!cli.json) {
    log(
      `Switchboard simulator: "${scenario.name}", seed ${seed}, ${hours} h from ${String(scenario.startHour).padStart(2, '0')}:00, ${agents} agents`,
    );
  }
  const hourLine = (p: HourProgress) =>
    `  ${p.clock}  arrived ${pad(p.arrived, 6)}  handled ${pad(p.handled, 6)}  abandoned ${pad(p.abandoned, 5)}  waiting ${pad(p.waiting, 4)}  busy agents ${pad(p.busyAgents, 4)}  on break ${pad(p.onBreak, 3)}`;
  // A progress bar only on a terminal; logs and tests get the hourly lines alone.
  const bars =
    !cli.json && io.stdout.isTTY === true
      ? new MultiBar(
          {
            format: '  {bar} {percentage}% | {clock} | {arrived} contacts',
            hideCursor: true,
            clearOnComplete: true,
            // Drawn by `redraw` only; keeps the library's timer from drawing after the run.
            fps: 1,
          },
          Presets.shades_classic,
        )
      : null;
  const bar = bars?.create(1, 0, { clock: '', arrived: 0 }) ?? null;
  // The run is synchronous, so the bar's own redraw timer never fires: redraw by hand, at most
  // ten times a second (and at once after an hourly line).
  let drawnAt = 0;
  const redraw = (force: boolean) => {
    const now = Date.now();
    if (!bars || (!force && now - drawnAt < 100)) return;
    drawnAt = now;
    bars.update();
  };
  const explained = cli.explain === undefined ? null : explainContact(cli.explain);
  let report: SimulationReport;
  try {
    report = simulate(scenario, {
      seed,
      hours,
      agents,
      ...(explained ? { observe: explained.observe } : {}),
      ...(cli.json
        ? {}
        : {
            onProgress: (p) => {
              if (!bars) return log(hourLine(p));
              bars.log(`${hourLine(p)}\n`);
              redraw(true);
            },
          }),
      ...(bar
        ? {
            onTick: (t) => {
              bar.setTotal(Math.round(t.maxMinutes));
              bar.update(Math.round(t.minutes), { clock: t.clock, arrived: t.arrived });
              redraw(false);
            },
          }
        : {}),
    });
  } finally {
    bars?.stop();
  }
  const written = cli.out === undefined ? '' : writeReports(cli.out, report);
  if (explained) {
    // Only the explanation: pure JSON with --json, a titled block otherwise.
    const accounts = explained.accounts();
    if (!cli.json) log(`Routing of contact ${cli.explain ?? ''} (${accounts.length} entries):`);
    log(JSON.stringify(accounts, null, 2));
    io.stdout.write(written);
    return accounts.some((account) => account.status !== 'unknown') ? 0 : 1;
  }
  if (cli.json) {
    // Keep stdout pure JSON.
    io.stderr.write(written);
    log(JSON.stringify(report, null, 2));
    return 0;
  }
  const { offers } = report;
  log('');
  log(table(report));
  log('');
  log(
    `occupancy ${fixed(report.occupancyPct)} % (arrival hours)   surveys ${report.surveys}   offers ${offers.made} (accepted ${offers.accepted}, rejected ${offers.rejected}, missed ${offers.missed}, withdrawn ${offers.withdrawn})   missed-offer lockouts ${report.missedOfferLockouts}   breaks ${report.breaks}   auto-completed wrap-ups ${report.autoCompletedWrapUps}   auto-replies ${report.autoReplies.acknowledgements} acknowledgements, ${report.autoReplies.waitUpdates} wait updates`,
  );
  log(inboxSummary(report.inboxes));
  log('');
  log(
    renderIntervalCharts(report.timeline, {
      width: Math.max(40, Math.min(120, io.stdout.columns ?? 80)),
      color: io.stdout.isTTY === true,
      intervals: Math.ceil((hours * 60) / 15),
    }),
  );
  log('');
  log(
    `simulated ${Math.floor(Math.round(report.simulatedMinutes) / 60)} h ${Math.round(report.simulatedMinutes) % 60} min (${report.events} events) in ${(report.wall.ms / 1000).toFixed(2)} s wall: ${report.wall.contactsPerSecond} contacts/s`,
  );
  io.stdout.write(written);
  return 0;
}

/** One line on the channel plugins' inboxes: messages, and what became of them. */
function inboxSummary(inboxes: SimulationReport['inboxes']): string {
  const parts = Object.entries(inboxes)
    .filter(([, counts]) => counts.messages > 0)
    .map(
      ([channel, c]) =>
        `${channel} ${c.messages} messages (${c.replies} replies; ${c.opened} opened, ${c.joined} joined, ${c.reopened} follow-ups)`,
    );
  return `inboxes   ${parts.length > 0 ? parts.join('   ') : 'no messages'}`;
}
