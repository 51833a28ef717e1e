import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createRandom } from './random';
import { defaultScenario } from './defaultScenario';
import { parseScenario, withLoad, type ScenarioInput } from './scenario';
import { apportion, simulate, type SimulateOptions, type SimulationReport } from './simulate';

// The default day at a sixth of its load with 30 agents and a break every hour: every channel,
// a few hundred contacts, and time after the last arrival for long emails to finish. 2,000
// customers, so that those few hundred contacts include repeats (FCR).
const small = {
  ...withLoad(defaultScenario, 1 / 6),
  customers: { ...defaultScenario.customers, population: 2_000 },
  agents: 30,
  drainHours: 4,
  breaks: { durationMin: 15, everyHours: 1 },
};
const runs = new Map<string, SimulationReport>();
/** Runs `small` once per distinct options. */
const run = (options: SimulateOptions) => {
  const key = JSON.stringify(options);
  const report = runs.get(key) ?? simulate(small, options);
  runs.set(key, report);
  return report;
};
const withoutWall = (report: SimulationReport) => ({ ...report, wall: null });

/** The messages of the zod issues `input` raises. */
function issuesOf(input: unknown): string[] {
  try {
    parseScenario(input);
    return [];
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
}

// Each run drives the real core; under a loaded CI machine a few seconds each.
describe('simulate', { timeout: 120_000 }, () => {
  it('gives the same report for the same seed', () => {
    const a = run({ seed: 42, hours: 2 });
    const b = simulate(small, { seed: 42, hours: 2 });
    expect(withoutWall(b)).toEqual(withoutWall(a));
    expect(a.totals.arrived).toBeGreaterThan(200);
    expect(a.intervals.length).toBeGreaterThan(8);
  });

  it('gives a different day for a different seed', () => {
    expect(withoutWall(run({ seed: 43, hours: 2 }))).not.toEqual(
      withoutWall(run({ seed: 42, hours: 2 })),
    );
  });

  it('handles contacts on every channel and accounts for each one', () => {
    const report = run({ seed: 42, hours: 2 });
    expect(report.channels.map((channel) => channel.channel)).toEqual([
      'voice',
      'chat',
      'email',
      'sms',
      'social',
      'callback',
    ]);
    for (const channel of [...report.channels, report.totals]) {
      const { counts } = channel;
      expect(channel.handled, channel.channel).toBeGreaterThan(0);
      // Every arrival is accounted for by the engine's counts or is still open.
      expect(channel.handled + channel.abandoned + channel.open).toBe(channel.arrived);
      // Every queued contact whose wait ended was answered or abandoned, exactly once.
      expect(counts.offered).toBe(counts.answered + counts.abandoned + counts.shortAbandoned);
      expect(counts.answered).toBeGreaterThanOrEqual(counts.handled);
      expect(counts.answeredInSl).toBeLessThanOrEqual(counts.answered);
      expect(channel.ahtSec).toBeGreaterThan(0);
      expect(channel.asaSec).toBeGreaterThanOrEqual(0);
      // FCR windows are all closed at the end; the FCR and CSAT rates are real shares. Social
      // customers are keyed by their handle (customerOf), so they count too.
      expect(counts.fcrPending).toBe(0);
      expect(counts.fcrContacts).toBeGreaterThan(0);
      expect(counts.fcrResolved).toBeLessThanOrEqual(counts.fcrContacts);
      expect(counts.surveysSatisfied).toBeLessThanOrEqual(counts.surveys);
      for (const pct of [channel.fcrPct, channel.csatPct, channel.serviceLevelPct]) {
        expect(pct).toBeGreaterThanOrEqual(0);
        expect(pct).toBeLessThanOrEqual(100);
      }
    }
    // Channels add up to the total.
    const sum = (pick: (channel: (typeof report.channels)[number]) => number) =>
      report.channels.reduce((total, channel) => total + pick(channel), 0);
    expect(sum((c) => c.arrived)).toBe(report.totals.arrived);
    expect(sum((c) => c.counts.handled)).toBe(report.totals.counts.handled);
    expect(sum((c) => c.counts.surveys)).toBe(report.totals.counts.surveys);
    // About one handled contact in five answers the survey (responseRate 0.2).
    expect(report.surveys).toBe(report.totals.counts.surveys);
    expect(report.surveys / report.totals.handled).toBeGreaterThan(0.12);
    expect(report.surveys / report.totals.handled).toBeLessThan(0.28);
    // A finite population of customers comes back: some first contacts were repeated.
    expect(report.totals.counts.fcrContacts).toBeLessThan(report.totals.handled);
    // Interval rows add up to the total.
    expect(report.intervals.reduce((total, row) => total + row.counts.handled, 0)).toBe(
      report.totals.counts.handled,
    );
    // Queues add up to their channels; each queue's occupancy is a share.
    for (const channel of report.channels) {
      const queues = report.queues.filter((queue) => queue.channel === channel.channel);
      expect(queues.length, channel.channel).toBeGreaterThan(0);
      expect(queues.reduce((total, queue) => total + queue.arrived, 0)).toBe(channel.arrived);
      expect(queues.reduce((total, queue) => total + queue.counts.handled, 0)).toBe(
        channel.counts.handled,
      );
    }
    for (const row of [...report.queues, ...report.channels, report.totals]) {
      expect(row.occupancyPct).toBeGreaterThan(0);
      expect(row.occupancyPct).toBeLessThanOrEqual(100);
    }
    expect(report.totals.occupancyPct).toBe(report.occupancyPct);
    // The timeline: one point per 15 minutes of the run; arrivals and handled add up.
    expect(report.timeline).toHaveLength(Math.ceil(report.simulatedMinutes / 15));
    expect(report.timeline[1]?.clock).toBe('08:15');
    expect(report.timeline.reduce((total, point) => total + point.arrived, 0)).toBe(
      report.totals.arrived,
    );
    expect(report.timeline.reduce((total, point) => total + point.handled, 0)).toBe(
      report.totals.handled,
    );
    // Arrivals stop after the 2 hours; contacts waited at some interval end.
    expect(report.timeline.slice(8).every((point) => point.arrived === 0)).toBe(true);
    expect(report.timeline.some((point) => point.waiting > 0)).toBe(true);
    for (const point of report.timeline) {
      expect(
        Object.values(point.channels).reduce((total, channel) => total + channel.arrived, 0),
      ).toBe(point.arrived);
    }
    const { made, accepted, rejected, missed, withdrawn } = report.offers;
    expect(made).toBe(accepted + rejected + missed + withdrawn);
    // Each accepted offer is a queued contact answered once (no transfers in the simulation).
    expect(accepted).toBe(report.totals.counts.answered);
    expect(report.occupancyPct).toBeGreaterThan(0);
    expect(report.occupancyPct).toBeLessThanOrEqual(100);
    expect(report.wall.ms).toBeGreaterThan(0);
  });

  it('sends emails, SMS and social messages through the plugins’ inboxes, threading replies', () => {
    const opened: { channel: string; attributes: Record<string, unknown> }[] = [];
    const report = simulate(small, {
      seed: 42,
      hours: 2,
      observe: (center) => {
        center.events.on('contact.created', ({ state }) => {
          opened.push({ channel: state.channel, attributes: state.attributes });
        });
      },
    });
    expect(withoutWall(report)).toEqual(withoutWall(run({ seed: 42, hours: 2 })));
    for (const channel of ['email', 'sms', 'social'] as const) {
      const counts = report.inboxes[channel];
      const row = report.channels.find((c) => c.channel === channel);
      // Each message opened, joined or reopened a contact; only the opened ones are arrivals.
      expect(counts.opened + counts.joined + counts.reopened, channel).toBe(counts.messages);
      expect(counts.opened + counts.reopened, channel).toBe(row?.arrived);
      expect(counts.replies, channel).toBeGreaterThan(0);
      expect(counts.joined, channel).toBeGreaterThan(0);
      const contacts = opened.filter((contact) => contact.channel === channel);
      expect(contacts).toHaveLength(counts.opened + counts.reopened);
      // Follow-ups name the contact they follow, as the inbox opens them.
      expect(contacts.filter((contact) => 'followUpOf' in contact.attributes)).toHaveLength(
        counts.reopened,
      );
    }
    expect(report.inboxes.email.reopened).toBeGreaterThan(0);
    for (const contact of opened.filter((c) => c.channel === 'email')) {
      expect(contact.attributes.threadId).toMatch(/^sim-\d+@customers\.example$/);
    }
    for (const contact of opened.filter((c) => c.channel === 'sms')) {
      expect(contact.attributes.conversationId).toMatch(/^sms:sms:\+336\d{8}$/);
    }
  });

  it('keeps routing explanations for an observer only, with the same day either way', () => {
    let explainFirst = () => ({ status: 'not run' });
    const report = simulate(small, {
      seed: 5,
      hours: 1,
      observe: (center) => {
        explainFirst = () => center.explain('c1');
      },
    });
    // The first contact was routed long before the end: its account is still on record.
    expect(explainFirst()).toMatchObject({ contactId: 'c1', status: 'routed' });
    expect(withoutWall(report)).toEqual(withoutWall(run({ seed: 5, hours: 1 })));
  });

  it('sends agents on break and brings them back', () => {
    const report = run({ seed: 42, hours: 2 });
    expect(report.breaks).toBeGreaterThanOrEqual(30);
    expect(report.totals.open).toBe(0);
  });

  it('staffs each interval as planned: agents log in at its start and out when done', () => {
    const staffing = [6, 14, 3, 10];
    const report = simulate(small, { seed: 7, hours: 1, staffing });
    expect(report.agents).toBe(14);
    const quarter = 15 * 60_000;
    // The planned agents are logged in; more only while leavers finish their contacts.
    report.intervals.forEach((row, index) => {
      const planned = staffing[Math.min(index, staffing.length - 1)] ?? 0;
      expect(row.intervalStart).toBe(report.startAt + index * quarter);
      if (row.intervalStart === null || row.intervalStart + quarter > report.startAt + 60 * 60_000)
        return; // the drain: the centre may finish before the interval ends
      expect(row.counts.loggedInMs).toBeGreaterThanOrEqual(planned * quarter);
      expect(row.counts.loggedInMs - planned * quarter).toBeLessThanOrEqual(row.counts.handlingMs);
    });
    // Leavers log out once done: fewer agents logged in in the third interval than the second.
    expect(report.intervals[2]?.counts.loggedInMs).toBeLessThan(
      report.intervals[1]?.counts.loggedInMs ?? 0,
    );
    expect(report.totals.handled + report.totals.abandoned + report.totals.open).toBe(
      report.totals.arrived,
    );
    expect(() => simulate(small, { staffing: [] })).toThrow(RangeError);
  });

  it('loses impatient customers when agents are few', () => {
    const few = run({ seed: 5, hours: 1, agents: 5 });
    expect(few.agents).toBe(5);
    expect(few.totals.abandoned).toBeGreaterThan(0);
    expect(
      few.channels.find((channel) => channel.channel === 'voice')?.abandonRatePct,
    ).toBeGreaterThan(10);
    const staffed = run({ seed: 5, hours: 1 });
    expect(staffed.totals.abandonRatePct).toBeLessThan(few.totals.abandonRatePct ?? 0);
    expect(staffed.totals.serviceLevelPct).toBeGreaterThan(few.totals.serviceLevelPct ?? 100);
    expect(staffed.totals.asaSec).toBeLessThan(few.totals.asaSec ?? 0);
  });
});

describe('scenario', () => {
  it('fills in customers and surveys when a scenario leaves them out', () => {
    const { customers, csat, ...rest } = defaultScenario;
    const parsed = parseScenario(rest);
    expect(parsed.customers).toEqual(customers);
    expect(parsed.csat).toEqual(csat);
    expect(issuesOf({ ...rest, csat: { ...csat, scores: { voice: [0, 0, 0, 0, 0] } } })).toEqual([
      'csat.scores.voice: At least one weight must be above 0',
    ]);
  });

  it('accepts the default scenario', () => {
    expect(parseScenario(defaultScenario)).toEqual(defaultScenario);
    expect(defaultScenario.agents).toBe(200);
    expect(defaultScenario.hours).toBe(8);
  });

  it('rejects a malformed scenario with zod issues', () => {
    const bad = { ...defaultScenario, agents: -3, arrivalCurve: [1, 2] };
    expect(() => parseScenario(bad)).toThrow(ZodError);
    expect(issuesOf(bad)).toEqual([
      expect.stringMatching(/^agents: /),
      expect.stringMatching(/^arrivalCurve: /),
    ]);
  });

  it('rejects a queue nobody can serve and a queue without channel behaviour', () => {
    const unservable: ScenarioInput = {
      ...defaultScenario,
      queues: [
        ...defaultScenario.queues,
        {
          ...defaultScenario.queues[0]!,
          id: 'voice-klingon',
          requiredSkills: [{ skill: 'klingon', minProficiency: 1 }],
        },
      ],
    };
    expect(issuesOf(unservable)).toEqual([
      'queues.9: No agent profile can serve queue "voice-klingon" (skills or voice capacity)',
    ]);
    const channels = Object.fromEntries(
      Object.entries(defaultScenario.channels).filter(([channel]) => channel !== 'email'),
    );
    expect(issuesOf({ ...defaultScenario, channels })).toEqual([
      'channels.email: Queue "email" is on email, which has no behaviour',
    ]);
  });
});

describe('random', () => {
  it('repeats a sequence for a seed and samples plausible means', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
    const random = createRandom(11);
    const n = 20_000;
    let exponential = 0;
    let logNormal = 0;
    for (let i = 0; i < n; i += 1) {
      exponential += random.exponential(10);
      logNormal += random.logNormal(300, 0.7);
    }
    expect(exponential / n).toBeGreaterThan(9.5);
    expect(exponential / n).toBeLessThan(10.5);
    expect(logNormal / n).toBeGreaterThan(285);
    expect(logNormal / n).toBeLessThan(315);
  });

  it('apportions agents over profiles', () => {
    expect(apportion(200, [0.27, 0.22, 0.08, 0.09, 0.22, 0.12])).toEqual([54, 44, 16, 18, 44, 24]);
    expect(apportion(7, [1, 1, 1, 1, 1, 1])).toEqual([2, 1, 1, 1, 1, 1]);
    expect(apportion(6, [10, 0.1, 0.1, 0.1, 0.1, 0.1])).toEqual([1, 1, 1, 1, 1, 1]);
    expect(apportion(3, [1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0, 0]);
  });
});
