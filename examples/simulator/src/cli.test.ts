import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ROUNDS, type StaffingPlan } from './capacityPlan';
import { runCli } from './cli';
import { agentsForServiceLevel } from './erlangC';
import { defaultScenario } from './defaultScenario';
import { withLoad } from './scenario';
import type { SimulationReport } from './simulate';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-simulator-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI with captured output (not a TTY, so no progress bar). */
function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
      isTTY: false,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}

const writeJson = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('cli', { timeout: 120_000 }, () => {
  it('rejects a scenario file with the path of each bad field and exit code 2', () => {
    const queues = defaultScenario.queues.map((queue, index) =>
      index === 2 ? { ...queue, serviceLevel: { ...queue.serviceLevel, seconds: 0 } } : queue,
    );
    const file = writeJson('bad.json', { ...defaultScenario, queues, agents: 'many' });
    const { code, stdout, stderr } = cli('--scenario', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`scenario ${file} is invalid:`);
    expect(stderr).toMatch(/^ {2}queues\.2\.serviceLevel\.seconds: Too small/m);
    expect(stderr).toMatch(/^ {2}agents: /m);
    expect(stderr).not.toContain('Usage:');
  });

  it('rejects a file that is missing or not JSON with exit code 2', () => {
    const missing = cli('--scenario', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read scenario');
    const broken = cli('--scenario', writeJson('broken.json', '{ "name": '));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('--explain prints the router’s account of one contact, and exit code 1 for an unknown id', () => {
    const known = cli('--hours', '0.25', '--agents', '40', '--explain', 'c3', '--json');
    expect(known.code).toBe(0);
    const accounts = JSON.parse(known.stdout) as {
      contactId: string;
      status: string;
      trigger?: string;
    }[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((account) => account.contactId === 'c3')).toBe(true);
    expect(accounts[0]).toMatchObject({ status: 'routed' });
    const unknown = cli('--hours', '0.25', '--agents', '40', '--explain', 'nobody', '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual([{ contactId: 'nobody', status: 'unknown' }]);
    expect(cli('--explain', ' ').code).toBe(2);
  });

  it('rejects bad flags with the usage text', () => {
    const { code, stderr } = cli('--hours', '0');
    expect(code).toBe(2);
    expect(stderr).toContain('--hours must be');
    expect(stderr).toContain('Usage:');
  });

  it('runs a scenario file and writes the full report to --out', () => {
    const small = { ...withLoad(defaultScenario, 1 / 10), name: 'small day', agents: 20 };
    const file = writeJson('small.json', small);
    const out = join(dir, 'out', 'nested');
    const { code, stdout, stderr } = cli('--scenario', file, '--hours', '1', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"small day", seed 1, 1 h from 08:00, 20 agents');
    expect(stdout).toMatch(/^ {2}09:00 {2}arrived/m);
    expect(stdout).toMatch(/^total +\d+/m);
    // The interval chart of the hour, plain text in a log; the reports' paths come last.
    expect(stdout).toMatch(/^service level % per 15 min[^]*^arrivals per 15 min\n/m);
    expect(stdout).not.toContain('\u001b');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^HTML report with charts: /);
    const path = join(out, 'report.json');
    expect(stdout).toContain(`report written to ${path}`);
    const page = join(out, 'report.html');
    expect(stdout).toContain(`HTML report with charts: ${page}`);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>[^]*<svg class="chart"/);
    const report = JSON.parse(readFileSync(path, 'utf8')) as SimulationReport;
    expect(report.scenario).toBe('small day');
    expect(report.agents).toBe(20);
    expect(report.intervals.length).toBeGreaterThanOrEqual(4);
    expect(report.intervals[0]?.key).toBe('2026-01-05T08:00:00.000Z');
    expect(report.intervals.reduce((sum, row) => sum + row.counts.handled, 0)).toBe(
      report.totals.handled,
    );
  });

  it('--target-service-level plans each interval from Erlang C and checks it by simulation', () => {
    const small = { ...withLoad(defaultScenario, 1 / 10), name: 'small day' };
    const file = writeJson('staffing.json', small);
    const out = join(dir, 'plan');
    const args = ['--scenario', file, '--hours', '1', '--target-service-level', '80/20'];
    const { code, stdout, stderr } = cli(...args, '--json', '--out', out);
    const plan = JSON.parse(stdout) as StaffingPlan;
    expect(code).toBe(plan.met ? 0 : 1);
    expect(stderr).toContain('report written to');
    // 08:00-09:00: four intervals at the curve's 0.6; voice is 500 + 350 + 150 + 85 an hour / 10.
    const perHour = (0.6 * 1085) / 10;
    const erlang = agentsForServiceLevel(perHour / 3600, 330 + 35, 80, 20);
    expect(plan.voiceAhtSec).toBe(365);
    expect(plan.voiceShare).toBeCloseTo(0.66, 9);
    expect(plan.intervals.map((row) => row.clock)).toEqual(['08:00', '08:15', '08:30', '08:45']);
    for (const row of plan.intervals) {
      expect(row.voicePerHour).toBeCloseTo(perHour, 9);
      expect(row.erlangCVoiceAgents).toBe(erlang);
    }
    // Round 1 staffs the Erlang C voice agents over the share of agents who take calls.
    expect(plan.rounds[0]?.agents).toEqual(plan.intervals.map(() => Math.ceil(erlang / 0.66)));
    expect(plan.rounds.length).toBeLessThanOrEqual(MAX_ROUNDS);
    // Each round moves an interval up where it missed and keeps it where it met the target
    // without 10 points to spare.
    plan.rounds.slice(1).forEach((round, index) => {
      const before = plan.rounds[index];
      before?.serviceLevelPct.forEach((level, interval) => {
        const was = before.agents[interval] ?? 0;
        const now = round.agents[interval] ?? 0;
        if (level === null) expect(now).toBe(was);
        else if (level < 80) expect(now).toBeGreaterThan(was);
        else if (level < 90) expect(now).toBe(was);
        else expect(now).toBeLessThanOrEqual(was);
      });
    });
    const chosen = plan.rounds[plan.chosenRound - 1];
    expect(plan.intervals.map((row) => row.agents)).toEqual(chosen?.agents);
    if (plan.met) {
      expect(chosen?.below).toBe(0);
      for (const row of plan.intervals)
        expect(row.serviceLevelPct ?? 100).toBeGreaterThanOrEqual(80);
      const cheapest = Math.min(
        ...plan.rounds.filter((round) => round.below === 0).map((round) => round.agentHours),
      );
      expect(plan.agentHours).toBe(cheapest);
    }
    // report.json is the chosen round's run with the plan; report.html shows the plan too.
    const saved = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as SimulationReport & {
      staffingPlan: StaffingPlan;
    };
    expect(saved.staffingPlan).toEqual(plan);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<table id="staffing">');

    // The same seed plans the same; the text output has the table.
    const text = cli(...args);
    expect(text.code).toBe(code);
    expect(text.stdout).toMatch(/^interval {2}voice\/h {2}Erlang C {2}voice agents {2}on shift/m);
    expect(text.stdout).toMatch(/^08:45 /m);
    const again = JSON.parse(cli(...args, '--json').stdout) as StaffingPlan;
    expect(again).toEqual(plan);
    const conflict = cli('--target-service-level', '80/20', '--agents', '5');
    expect(conflict.code).toBe(2);
    expect(cli('--target-service-level', '80').stderr).toContain('--target-service-level must be');
  });
});
