import { parseArgs } from 'node:util';
import { defaultScenario } from './scenario';
import { simulate, type ChannelReport, type SimulationReport } from './simulate';

const usage = `Usage: pnpm --filter @switchboard/example-simulator start [-- options]

Runs a simulated day of a contact centre on the embedded Switchboard core.

Options:
  --seed <int>     seed of every random choice (default 1); the same seed gives the same day
  --hours <n>      hours of arrivals, from 08:00 (default ${defaultScenario.hours}, max 168)
  --agents <int>   agents on shift (default ${defaultScenario.agents}, max 5000)
  --json           print the report as JSON instead of tables
  -h, --help       show this help`;

class UsageError extends RangeError {}

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

function parseCli(argv: string[]) {
  // `pnpm start -- --seed 7` forwards the `--` itself.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      hours: { type: 'string' },
      agents: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    help: values.help,
    json: values.json,
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

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number) => value.toFixed(1);

function table(report: SimulationReport): string {
  const header = [
    'channel',
    'offered',
    'handled',
    'abandoned',
    'open',
    'ASA s',
    'AHT s',
    'SL %',
    'target',
    'aband %',
  ];
  const widths = [9, 8, 8, 10, 6, 8, 8, 7, 10, 8];
  const row = (cells: (string | number)[]) =>
    cells
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[0] ?? 0) : pad(cell, widths[i] ?? 0)))
      .join('');
  const line = (r: ChannelReport) =>
    row([
      r.channel,
      r.offered,
      r.handled,
      r.abandoned,
      r.open,
      fixed(r.asaSec),
      fixed(r.ahtSec),
      fixed(r.serviceLevelPct),
      r.serviceLevelTarget,
      fixed(r.abandonRatePct),
    ]);
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0));
  return [row(header), rule, ...report.channels.map(line), rule, line(report.totals)].join('\n');
}

function main(): number {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `simulator: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`,
    );
    return 2;
  }
  if (cli.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const seed = cli.seed ?? 1;
  const hours = cli.hours ?? defaultScenario.hours;
  const agents = cli.agents ?? defaultScenario.agents;
  const log = (text: string) => process.stdout.write(`${text}\n`);
  if (!cli.json) {
    log(
      `Switchboard simulator: "${defaultScenario.name}", seed ${seed}, ${hours} h from ${String(defaultScenario.startHour).padStart(2, '0')}:00, ${agents} agents`,
    );
  }
  const report = simulate(defaultScenario, {
    seed,
    hours,
    agents,
    ...(cli.json
      ? {}
      : {
          onProgress: (p) => {
            log(
              `  ${p.clock}  arrived ${pad(p.arrived, 6)}  handled ${pad(p.handled, 6)}  abandoned ${pad(p.abandoned, 5)}  waiting ${pad(p.waiting, 4)}  busy agents ${pad(p.busyAgents, 4)}  on break ${pad(p.onBreak, 3)}`,
            );
          },
        }),
  });
  if (cli.json) {
    log(JSON.stringify(report, null, 2));
    return 0;
  }
  const { offers } = report;
  log('');
  log(table(report));
  log('');
  log(
    `occupancy ${fixed(report.occupancyPct)} %   offers ${offers.made} (accepted ${offers.accepted}, rejected ${offers.rejected}, missed ${offers.missed}, withdrawn ${offers.withdrawn})   missed-offer lockouts ${report.missedOfferLockouts}   breaks ${report.breaks}   auto-completed wrap-ups ${report.autoCompletedWrapUps}`,
  );
  log(
    `simulated ${Math.floor(report.simulatedMinutes / 60)} h ${Math.round(report.simulatedMinutes % 60)} min (${report.events} events) in ${(report.wall.ms / 1000).toFixed(2)} s wall: ${report.wall.contactsPerSecond} contacts/s`,
  );
  return 0;
}

process.exitCode = main();
