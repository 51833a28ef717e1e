import { MultiBar, Presets } from 'cli-progress';
import { CapacityPlanError, planStaffing, staffingTable } from './capacityPlan';
import { loadScenario, parseCli, ScenarioError, usage, type CliArgs } from './cliArgs';
import { fixed, inboxSummary, pad, table, writeReports } from './cliOutput';
import { defaultScenario } from './defaultScenario';
import { explainContact } from './explainContact';
import type { Scenario } from './scenario';
import { simulate, type HourProgress, type SimulationReport } from './simulate';
import { renderIntervalCharts } from './terminalChart';

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

/** Runs the CLI with `argv` (the arguments after the script); returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const log = (text: string) => io.stdout.write(`${text}\n`);
  let cli: CliArgs;
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
