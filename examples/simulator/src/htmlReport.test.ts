// Renders the HTML report in the real headless Chromium of the machine (Debian `chromium`,
// listed in scripts/system-packages.txt) through playwright-core; no browser is downloaded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tooling/browserTesting';
import { planStaffing } from './capacityPlan';
import { renderHtmlReport } from './htmlReport';
import { defaultScenario } from './defaultScenario';
import { parseScenario, withLoad } from './scenario';

// A small day whose Spanish queue has a name that needs escaping.
const small = withLoad(defaultScenario, 1 / 10);
const scenario = parseScenario({
  ...small,
  agents: 20,
  queues: small.queues.map((queue) =>
    queue.id === 'voice-spanish' ? { ...queue, name: 'Línea <en> español & "co"' } : queue,
  ),
});
// A staffing plan for 80/20 and the run of its chosen round: the page with every section.
const { plan, report } = planStaffing(
  scenario,
  { percent: 80, seconds: 20 },
  { seed: 3, hours: 1.5, maxRounds: 3 },
);
const dir = mkdtempSync(join(tmpdir(), 'switchboard-html-report-'));
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 40_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML report', { timeout: 40_000 }, () => {
  it('renders in headless Chromium without errors or requests, with every chart and row', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(report, plan));
    const url = pathToFileURL(file).href;
    if (!browser) throw new TypeError('Chromium did not start');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });

    // 1.5 h of arrivals and the drain: one point per 15-minute interval of the run.
    const intervals = Math.ceil(report.simulatedMinutes / 15);
    expect(report.timeline).toHaveLength(intervals);
    expect(intervals).toBeGreaterThanOrEqual(6);
    for (const chart of ['arrivals', 'service-level', 'occupancy', 'waiting']) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      await expect.poll(() => figure.locator('svg g.interval').count()).toBe(intervals);
      const box = await figure.locator('svg').boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
      expect(box?.height, chart).toBeGreaterThan(40);
    }
    // Every interval has arrivals' bars; the rate lines have a dot where there is a figure.
    expect(await page.locator('[data-chart="arrivals"] rect.bar').count()).toBe(intervals);
    const withLevel = report.timeline.filter((point) => point.serviceLevelPct !== null).length;
    expect(await page.locator('[data-chart="service-level"] circle.dot').count()).toBe(withLevel);
    expect(
      await page.locator('[data-chart="service-level"] polyline.line').count(),
    ).toBeGreaterThan(0);

    const rowsOf = async (table: string) =>
      Promise.all(
        (await page.locator(`#${table} tr[data-row]`).all()).map((row) =>
          row.getAttribute('data-row'),
        ),
      );
    expect(await rowsOf('channels')).toEqual([
      'channel:voice',
      'channel:chat',
      'channel:email',
      'channel:sms',
      'channel:social',
      'channel:callback',
      'channel:total',
    ]);
    expect(await rowsOf('queues')).toEqual(scenario.queues.map((queue) => `queue:${queue.id}`));
    // Text from the scenario is shown as text, not markup; every KPI has its column.
    await expect
      .poll(() => page.locator('[data-row="queue:voice-spanish"] th').textContent())
      .toBe('Línea <en> español & "co"');
    const heads = await page.locator('#queues thead th').allTextContents();
    for (const kpi of ['AHT s', 'ASA s', 'FCR %', 'CSAT %', 'aband %', 'SL %', 'occ %']) {
      expect(heads).toContain(kpi);
    }
    // The plan: a row and a chart point per interval of the arrival hours.
    expect(plan.intervals).toHaveLength(6);
    expect(await rowsOf('staffing')).toEqual(plan.intervals.map((row) => `interval:${row.clock}`));
    for (const chart of ['staffing', 'staffing-service-level']) {
      expect(await page.locator(`[data-chart="${chart}"] svg g.interval`).count()).toBe(6);
    }
    expect(await page.locator('[data-chart="staffing-service-level"] line.goal').count()).toBe(1);
    const total = await page.locator('[data-row="channel:total"] td').allTextContents();
    expect(total[0]).toBe(String(report.totals.arrived));
    expect(problems).toEqual([]);
    await page.close();
  });
});
