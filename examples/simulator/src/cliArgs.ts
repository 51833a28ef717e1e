import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { MAX_ROUNDS } from './capacityPlan';
import { defaultScenario } from './defaultScenario';
import { parseScenario, type Scenario } from './scenario';

/** The help text of the command line. */
export const usage = `Usage: pnpm --filter @switchboard/example-simulator start [-- options]

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

/** A flag with a bad value (the usage text follows the message). */
class UsageError extends RangeError {}
/** A scenario file that cannot be read or does not validate (no usage text: the flags were fine). */
export class ScenarioError extends RangeError {}

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

/** The command line's flags, checked; a bad one throws a `UsageError` saying which and why. */
export function parseCli(argv: readonly string[]) {
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
export function loadScenario(file: string): Scenario {
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

/** The checked flags. */
export type CliArgs = ReturnType<typeof parseCli>;
