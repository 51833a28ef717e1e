import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import type { DomainEvent } from '../events/domainEvents';
import type { AgentId, ContactId, CustomerId, QueueId } from '../model/ids';
import { newContact } from '../contact/newContact';
import type { Channel } from '../model/channel';
import { createKpiEngine, type KpiEngineOptions, type KpiRow } from './index';

// Hand-built event sequences with explicit timestamps. T0 is 09:00 UTC (an interval start);
// s(n) is n seconds later. Every expected figure is computed by hand in the comments.
const T0 = Date.UTC(2026, 0, 5, 9);
const s = (seconds: number) => T0 + seconds * 1000;
const a = (id: string) => id as AgentId;
const c = (id: string) => id as ContactId;

interface NewContact {
  channel?: Channel;
  queueId?: string | null;
  customer?: string;
  reason?: string;
  direction?: 'inbound' | 'outbound';
  escalated?: boolean;
}

function open(id: string, at: number, input: NewContact = {}): DomainEvent[] {
  const queueId = input.queueId === undefined ? 'support' : input.queueId;
  const contact = newContact(
    {
      id: c(id),
      channel: input.channel ?? 'voice',
      direction: input.direction ?? 'inbound',
      customer: { id: input.customer as CustomerId | undefined, attributes: {} },
      queueId: queueId as QueueId | null,
      priority: 0,
      attributes: {
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.escalated ? { escalated: true } : {}),
      },
    },
    at,
  );
  const created: DomainEvent = { type: 'contact.created', at, contact };
  return queueId === null
    ? [created]
    : [created, { type: 'contact.queued', at, contactId: c(id), queueId: queueId as QueueId }];
}

const presence = (agentId: string, at: number, to: 'available' | 'offline' | 'notReady') =>
  ({
    type: 'agent.statusChanged',
    at,
    agentId: a(agentId),
    presence: to === 'notReady' ? { status: 'notReady', reason: 'break' } : { status: to },
    previous: { status: 'offline' },
  }) as DomainEvent;

/** offered, accepted and connected (same agent). */
function answer(
  id: string,
  agentId: string,
  offered: number,
  accepted: number,
  connected = accepted,
) {
  const base = { contactId: c(id), agentId: a(agentId) };
  return [
    { type: 'contact.offered', at: offered, ...base, expiresAt: offered + 15_000 },
    { type: 'contact.accepted', at: accepted, ...base },
    { type: 'contact.connected', at: connected, ...base },
  ] as DomainEvent[];
}

function finish(
  id: string,
  agentId: string,
  wrapUp: number,
  completed: number,
  disposition: string | null,
) {
  return [
    { type: 'contact.wrapUpStarted', at: wrapUp, contactId: c(id), agentId: a(agentId) },
    {
      type: 'contact.completed',
      at: completed,
      contactId: c(id),
      agentId: a(agentId),
      disposition,
    },
  ] as DomainEvent[];
}

const abandon = (id: string, at: number): DomainEvent => ({
  type: 'contact.abandoned',
  at,
  contactId: c(id),
});

/** The main fixture: two agents, queue `support` (voice) and `sales` (chat). */
function fixture(): DomainEvent[] {
  const events: DomainEvent[] = [
    presence('ada', s(0), 'available'),
    presence('bob', s(0), 'available'),
    // c1: waits 10 s (in SL), talk 300 − 12 − 30 = 258 s, hold 30 s, wrap-up 30 s: 318 s.
    ...open('c1', s(0), { customer: 'ann' }),
    ...answer('c1', 'ada', s(4), s(10), s(12)),
    { type: 'contact.held', at: s(60), contactId: c('c1') },
    { type: 'contact.resumed', at: s(90), contactId: c('c1') },
    // c2: bob answers after 30 s (out of SL), talks 60 s, transfers blind to ada.
    ...open('c2', s(20), { customer: 'bo' }),
    ...answer('c2', 'bob', s(30), s(50)),
    // c3: short abandon after 3 s; c4: abandons after 15 s (in SL); c5: after 40 s.
    ...open('c3', s(40)),
    abandon('c3', s(43)),
    ...open('c4', s(60)),
    abandon('c4', s(75)),
    ...open('c5', s(100)),
    {
      type: 'contact.transferred',
      at: s(110),
      contactId: c('c2'),
      fromAgentId: a('bob'),
      mode: 'blind',
      target: { kind: 'agent', agentId: a('ada') },
    },
    {
      type: 'contact.offered',
      at: s(110),
      contactId: c('c2'),
      agentId: a('ada'),
      expiresAt: s(500),
    },
    abandon('c5', s(140)),
    // c6 (chat, sales): waits 5 s, talk 300 s, wrap-up 10 s: 310 s.
    ...open('c6', s(200), { channel: 'chat', queueId: 'sales', customer: 'cy' }),
    ...answer('c6', 'bob', s(202), s(205)),
    ...finish('c1', 'ada', s(300), s(330), 'resolved'),
    // c2 with ada: talk 340..400 (with bob's 60 s: 120 s), wrap-up 20 s: 140 s; escalated.
    { type: 'contact.accepted', at: s(340), contactId: c('c2'), agentId: a('ada') },
    { type: 'contact.connected', at: s(340), contactId: c('c2'), agentId: a('ada') },
    ...finish('c2', 'ada', s(400), s(420), 'escalated'),
    presence('ada', s(500), 'notReady'),
    ...finish('c6', 'bob', s(505), s(515), 'followUp'),
    presence('ada', s(600), 'offline'),
    presence('bob', s(600), 'offline'),
  ];
  return events;
}

function engineWith(events: DomainEvent[], options: KpiEngineOptions = {}) {
  const engine = createKpiEngine(options);
  engine.ingestAll(events);
  return engine;
}

const rowOf = (rows: readonly KpiRow[], key: string) => {
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) throw new TypeError(`no row ${key}`);
  return row;
};

describe('createKpiEngine: the main fixture in total', () => {
  const { rows, asOf, from, to } = engineWith(fixture()).report();
  const total = rowOf(rows, 'total');

  it('covers everything up to the latest event', () => {
    expect(rows).toHaveLength(1);
    expect([asOf, from, to]).toEqual([s(600), null, null]);
  });

  it('counts the queue outcomes', () => {
    // Offered 6 (c1..c6); answered c1 (10 s), c2 (30 s), c6 (5 s); c3 short; c4, c5 abandoned.
    expect(total.counts).toMatchObject({
      offered: 6,
      answered: 3,
      answeredInSl: 2,
      answerWaitMs: 45_000,
      abandoned: 2,
      shortAbandoned: 1,
      abandonedInSl: 1,
      abandonWaitMs: 55_000,
    });
    expect(total.kpis.asaMs).toBe(15_000); // 45 s / 3
    expect(total.kpis.averageWaitMs).toBe(20_000); // (45 + 55) s / (3 + 2)
    expect(total.kpis.abandonmentRate).toBe(0.4); // 2 / (3 + 2)
    expect(total.kpis.serviceLevel).toBe(0.5); // 2 / (3 + 2 − 1 abandoned within 20 s)
  });

  it('computes handle time, transfers and escalations', () => {
    expect(total.counts).toMatchObject({
      handled: 3,
      talkMs: 678_000, // 258 + 120 + 300
      holdMs: 30_000,
      wrapUpMs: 60_000, // 30 + 20 + 10
      transferred: 1,
      transfersOut: 1,
      escalated: 1,
    });
    expect(total.kpis.ahtMs).toBe(256_000); // (318 + 140 + 310) s / 3
    expect(total.kpis.transferRate).toBeCloseTo(1 / 3);
    expect(total.kpis.escalationRate).toBeCloseTo(1 / 3);
  });

  it('computes response time from creation to first accept', () => {
    expect(total.kpis.responseTimeMs).toBe(15_000); // (10 + 30 + 5) s / 3
  });

  it('computes occupancy and utilisation from agent time', () => {
    // ada: handling 10..330 and 340..420 = 400 s, idle 10 + 10 + 80 = 100 s, not ready 100 s.
    // bob: handling 50..110 and 205..515 = 370 s, idle 50 + 95 + 85 = 230 s.
    expect(total.counts).toMatchObject({
      handlingMs: 770_000,
      idleMs: 330_000,
      notReadyMs: 100_000,
      loggedInMs: 1_200_000,
    });
    expect(total.kpis.occupancy).toBeCloseTo(0.7); // 770 / (770 + 330)
    expect(total.kpis.utilisation).toBeCloseTo(770 / 1200);
  });

  it('keeps first contacts pending until their window closes', () => {
    expect(total.counts).toMatchObject({ fcrPending: 3, fcrContacts: 0 });
    expect(total.kpis.fcr).toBeNull();
  });
});

describe('createKpiEngine: grouping', () => {
  const engine = engineWith(fixture());

  it('groups by agent', () => {
    const { rows } = engine.report({ groupBy: 'agent' });
    expect(rows.map((row) => row.key)).toEqual(['ada', 'bob']);
    const ada = rowOf(rows, 'ada');
    const bob = rowOf(rows, 'bob');
    expect(ada.counts).toMatchObject({ answered: 1, handled: 2, transferred: 1, transfersOut: 0 });
    expect(ada.kpis.ahtMs).toBe(229_000); // (318 + 140) / 2
    expect(ada.kpis.occupancy).toBe(0.8); // 400 / (400 + 100)
    expect(ada.kpis.utilisation).toBeCloseTo(400 / 600);
    expect(bob.counts).toMatchObject({
      answered: 2,
      answerWaitMs: 35_000,
      handled: 1,
      transfersOut: 1,
    });
    expect(bob.kpis.occupancy).toBeCloseTo(370 / 600);
  });

  it('groups by queue and channel', () => {
    const byQueue = engine.report({ groupBy: 'queue' }).rows;
    expect(byQueue.map((row) => row.key)).toEqual(['sales', 'support']);
    expect(rowOf(byQueue, 'support').counts).toMatchObject({
      offered: 5,
      answered: 2,
      abandoned: 2,
    });
    expect(rowOf(byQueue, 'sales').kpis.ahtMs).toBe(310_000);
    expect(rowOf(byQueue, 'sales').kpis.occupancy).toBeNull(); // agent time is per agent only
    const byChannel = engine.report({ groupBy: 'channel' }).rows;
    expect(rowOf(byChannel, 'chat').kpis.responseTimeMs).toBe(5_000);
    expect(rowOf(byChannel, 'voice').kpis.responseTimeMs).toBe(20_000); // (10 + 30) / 2
  });

  it('groups by interval and filters a time range, rounded to whole intervals', () => {
    const engine5 = engineWith(fixture(), { intervalMinutes: 5 });
    const rows = engine5.report({ groupBy: 'interval' }).rows;
    expect(rows.map((row) => row.intervalStart)).toEqual([s(0), s(300)]);
    expect(rows[0]?.key).toBe('2026-01-05T09:00:00.000Z');
    // All answers and abandons happen before 300 s; every completion after.
    expect(rows[0]?.counts).toMatchObject({ answered: 3, abandoned: 2, handled: 0 });
    expect(rows[1]?.counts).toMatchObject({ answered: 0, handled: 3 });
    // ada handles 10..300 (290 s) in the first interval, 300..330 and 340..420 (110 s) in the second.
    const adaLater = engine5.report({ from: s(301), to: s(600), groupBy: 'agent' });
    expect([adaLater.from, adaLater.to]).toEqual([s(300), s(600)]);
    expect(rowOf(adaLater.rows, 'ada').counts.handlingMs).toBe(110_000);
    const adaEarly = engine5.report({ to: s(300), groupBy: 'agent' });
    expect(rowOf(adaEarly.rows, 'ada').counts.handlingMs).toBe(290_000);
  });

  it('sums rows back to the total', async () => {
    const { sumCounts, computeKpis } = await import('./index');
    const agents = engine.report({ groupBy: 'agent' }).rows;
    const total = rowOf(engine.report().rows, 'total');
    const sum = sumCounts(agents.map((row) => row.counts));
    expect(sum.handlingMs).toBe(total.counts.handlingMs);
    expect(computeKpis(sum).occupancy).toBe(total.kpis.occupancy);
  });
});

describe('createKpiEngine: options', () => {
  it('applies a per-queue service-level threshold', () => {
    const engine = engineWith(fixture(), { serviceLevelSecondsByQueue: { support: 30 } });
    // support: c1 10 s and c2 30 s answered within 30 s, c4 (15 s) abandoned within, c5 (40 s) after.
    // sales keeps 20 s: c6 5 s. SL = 3 / (3 + 2 − 1).
    expect(rowOf(engine.report().rows, 'total').kpis.serviceLevel).toBe(0.75);
  });

  it('counts short abandons only when the threshold allows it', () => {
    const engine = engineWith(fixture(), { shortAbandonSeconds: 0 });
    const { counts, kpis } = rowOf(engine.report().rows, 'total');
    expect([counts.abandoned, counts.shortAbandoned]).toEqual([3, 0]);
    expect(kpis.abandonmentRate).toBe(0.5); // 3 / (3 + 3)
  });

  it.each([
    [{ serviceLevelSeconds: -1 }, 'serviceLevelSeconds'],
    [{ intervalMinutes: 7 }, 'intervalMinutes'],
    [{ fcrWindowDays: 0 }, 'fcrWindowDays'],
    [{ reasonOf: 'reason' }, 'reasonOf'],
    [{ customerOf: 'id' }, 'customerOf'],
    [{ clock: {} }, 'clock'],
    [{ dispositions: [{ code: '' }] }, 'dispositions'],
  ])('rejects %j with VALIDATION_FAILED', (options, field) => {
    try {
      createKpiEngine(options as KpiEngineOptions);
      expect.unreachable();
    } catch (error) {
      expect(isSwitchboardError(error, 'VALIDATION_FAILED')).toBe(true);
      if (isSwitchboardError(error)) expect(error.issues[0]?.path[0]).toBe(field);
    }
  });

  it('rejects a bad report query', () => {
    const engine = createKpiEngine();
    expect(() => engine.report({ from: Number.NaN })).toThrow(/from/);
    expect(() => engine.report({ groupBy: 'team' as 'agent' })).toThrow(/groupBy/);
  });
});

describe('createKpiEngine: first-contact resolution', () => {
  const day = 86_400;
  const handled = (
    id: string,
    at: number,
    customer: string | undefined,
    disposition: string,
    reason = 'billing',
  ) => [
    ...open(id, s(at), { customer, reason }),
    ...answer(id, 'ada', s(at + 1), s(at + 2)),
    ...finish(id, 'ada', s(at + 200), s(at + 300), disposition),
  ];
  const events = [
    ...handled('c1', 0, 'ann', 'resolved'), // repeated by c2 on day 3: a first contact, not resolved
    ...handled('c3', 1000, 'bo', 'resolved'), // c4 comes on day 8, outside the window: resolved
    ...handled('c5', 2000, 'cy', 'resolved'), // c6 is about another reason: resolved
    ...handled('c7', 3000, 'dee', 'followUp'), // no repeat, but not resolved
    ...handled('c8', 4000, undefined, 'resolved'), // unknown customer: left out
    ...handled('c6', day, 'cy', 'resolved', 'delivery'), // its window closes at day 8 + 300 s
    ...handled('c2', 3 * day, 'ann', 'resolved'), // a repeat, never a first contact
    ...handled('c4', 8 * day + 1000, 'bo', 'resolved'), // a new first contact, pending
  ];

  it('settles first contacts on a repeat or when the window passes', () => {
    const { counts, kpis } = rowOf(engineWith(events).report().rows, 'total');
    // First contacts c1, c3, c5, c6, c7 closed (c1 repeated); resolved c3, c5, c6; c4 pending.
    expect(counts).toMatchObject({ fcrContacts: 5, fcrResolved: 3, fcrPending: 1 });
    expect(kpis.fcr).toBe(0.6);
  });

  it('books each settled first contact in the interval it was completed in', () => {
    const rows = engineWith(events).report({ groupBy: 'interval' }).rows;
    const at = (time: number) =>
      rows.find((row) => row.intervalStart! <= time && time < row.intervalStart! + 900_000)?.counts;
    // c1 (completed at 300 s) settles on day 3 when c2 repeats it; c3 (1,300 s) when day 8 passes.
    expect(at(s(300))).toMatchObject({ fcrContacts: 1, fcrResolved: 0, fcrPending: 0 });
    expect(at(s(1300))).toMatchObject({ fcrContacts: 1, fcrResolved: 1, fcrPending: 0 });
    expect(at(s(3 * day + 300))).toMatchObject({ fcrContacts: 0, fcrPending: 0 });
    expect(at(s(8 * day + 1300))).toMatchObject({ fcrContacts: 0, fcrPending: 1 });
  });

  it('closes windows by the clock at report time', () => {
    const engine = engineWith(events, { clock: { now: () => s(30 * day) } });
    expect(rowOf(engine.report().rows, 'total').counts).toMatchObject({
      fcrContacts: 6,
      fcrResolved: 4,
      fcrPending: 0,
    });
  });

  it('keys FCR with reasonOf', () => {
    // With one reason for all, c6 (day 1) repeats c5 and c2 repeats... c1 as before.
    const engine = engineWith(events, { reasonOf: () => 'any' });
    const { counts } = rowOf(engine.report().rows, 'total');
    // Closed first contacts: c1, c3, c5 (repeated), c7; resolved: c3.
    expect(counts).toMatchObject({ fcrContacts: 4, fcrResolved: 1, fcrPending: 1 });
  });

  it('keys FCR with customerOf', () => {
    const two = [...handled('h1', 0, 'fay', 'resolved'), ...handled('h2', 1000, 'gus', 'resolved')];
    const closed = { clock: { now: () => s(30 * day) } };
    const countsWith = (options: KpiEngineOptions) =>
      rowOf(engineWith(two, { ...closed, ...options }).report().rows, 'total').counts;
    // By default fay and gus are two customers, each resolved at the first contact.
    expect(countsWith({})).toMatchObject({ fcrContacts: 2, fcrResolved: 2 });
    // Keyed as one person (two handles of one customer, say), h2 repeats h1.
    expect(countsWith({ customerOf: () => 'one person' })).toMatchObject({
      fcrContacts: 1,
      fcrResolved: 0,
    });
    expect(countsWith({ customerOf: () => null })).toMatchObject({ fcrContacts: 0 });
  });

  it('leaves out first contacts that were never completed', () => {
    const engine = engineWith([
      ...open('f1', s(0), { customer: 'fay', reason: 'x' }),
      ...answer('f1', 'ada', s(1), s(2)),
      { type: 'contact.failed', at: s(10), contactId: c('f1'), reason: 'mediaError' },
      ...handled('f2', 20, 'fay', 'resolved', 'x'), // f1 never completed: f2 is a first contact
    ]);
    const { counts } = rowOf(engine.report().rows, 'total');
    expect(counts).toMatchObject({ fcrContacts: 0, fcrPending: 1, handled: 1 });
  });
});

describe('createKpiEngine: CSAT', () => {
  it('attributes survey scores to the contact and the survey time', () => {
    const engine = engineWith(fixture());
    engine.recordSurvey({ contactId: 'c1', score: 5, at: s(700) });
    engine.recordSurvey({ contactId: 'c2', score: 3, at: s(700) });
    engine.recordSurvey({ contactId: 'c6', score: 4 }); // at the latest event, 600 s
    const total = rowOf(engine.report().rows, 'total');
    expect(total.counts).toMatchObject({ surveys: 3, surveyScoreSum: 12, surveysSatisfied: 2 });
    expect(total.kpis.csat).toBeCloseTo(2 / 3);
    expect(total.kpis.csatMean).toBe(4);
    const ada = rowOf(engine.report({ groupBy: 'agent' }).rows, 'ada');
    expect([ada.counts.surveys, ada.kpis.csat]).toEqual([2, 0.5]);
  });

  it('refuses unknown contacts, bad scores and expired contacts', () => {
    const engine = engineWith(fixture(), { surveyWindowDays: 1 });
    const codeOf = (run: () => void) => {
      try {
        run();
        return 'none';
      } catch (error) {
        return isSwitchboardError(error) ? error.code : 'other';
      }
    };
    expect(
      codeOf(() => {
        engine.recordSurvey({ contactId: 'c3', score: 5 });
      }),
    ).toBe('NOT_FOUND'); // abandoned
    expect(
      codeOf(() => {
        engine.recordSurvey({ contactId: 'c1', score: 6 });
      }),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() => {
        engine.recordSurvey({ contactId: 'c1', score: 5 });
      }),
    ).toBe('none');
    engine.ingest(presence('ada', s(2 * 86_400), 'available'));
    expect(
      codeOf(() => {
        engine.recordSurvey({ contactId: 'c1', score: 5 });
      }),
    ).toBe('NOT_FOUND');
  });
});

describe('createKpiEngine: consultations, conferences and edge cases', () => {
  it('books hold during a consultation and both agents while conferenced', () => {
    const engine = engineWith([
      presence('ada', s(0), 'available'),
      presence('bob', s(0), 'available'),
      ...open('k1', s(0), { queueId: null }),
      ...answer('k1', 'ada', s(0), s(0)),
      { type: 'contact.consultStarted', at: s(10), contactId: c('k1'), consultAgentId: a('bob') },
      {
        type: 'contact.conferenced',
        at: s(20),
        contactId: c('k1'),
        participants: [a('ada'), a('bob')],
      },
      ...finish('k1', 'ada', s(50), s(60), null),
      ...open('k2', s(100), { queueId: null, direction: 'outbound', escalated: true }),
      ...answer('k2', 'ada', s(100), s(100)),
      { type: 'contact.consultStarted', at: s(110), contactId: c('k2'), consultAgentId: a('bob') },
      { type: 'contact.consultEnded', at: s(130), contactId: c('k2') },
      ...finish('k2', 'ada', s(140), s(150), null),
    ]);
    const { rows } = engine.report({ groupBy: 'agent' });
    // k1: hold 10 s, talk 50 − 10 = 40 s, wrap-up 10 s. k2: hold 20 s, talk 20 s, wrap-up 10 s.
    expect(rowOf(rows, 'ada').counts).toMatchObject({
      handled: 2,
      holdMs: 30_000,
      talkMs: 60_000,
      escalated: 1,
    });
    // bob: 10..50 in k1 (consult, then conference until ada wraps up) and 110..130 in k2.
    expect(rowOf(rows, 'bob').counts.handlingMs).toBe(60_000);
    // Neither contact queued; k2 is outbound, so only k1 has a response time (0 s).
    expect(rowOf(engine.report().rows, 'total').counts).toMatchObject({ offered: 0, responded: 1 });
  });

  it('ignores events of contacts it never saw and re-queues on a transfer to a queue', () => {
    const engine = engineWith([
      { type: 'contact.held', at: s(0), contactId: c('ghost') },
      {
        type: 'agent.registered',
        at: s(0),
        agent: {
          id: a('ada'),
          name: 'Ada',
          roles: ['agent'],
          skills: [],
          capacity: { voice: 1, chat: 3, email: 5, sms: 3, social: 3 },
        },
      },
      ...open('q1', s(0)),
      { type: 'contact.ivrEntered', at: s(0), contactId: c('q1') },
      {
        type: 'contact.offered',
        at: s(1),
        contactId: c('q1'),
        agentId: a('ada'),
        expiresAt: s(16),
      },
      { type: 'contact.rejected', at: s(2), contactId: c('q1'), agentId: a('ada') },
      { type: 'contact.queued', at: s(2), contactId: c('q1'), queueId: 'support' as QueueId },
      ...answer('q1', 'ada', s(3), s(4)),
      {
        type: 'contact.transferred',
        at: s(14),
        contactId: c('q1'),
        fromAgentId: a('ada'),
        mode: 'blind',
        target: { kind: 'queue', queueId: 'billing' as QueueId },
      },
      { type: 'contact.queued', at: s(14), contactId: c('q1'), queueId: 'billing' as QueueId },
      ...answer('q1', 'bob', s(20), s(24)),
      ...finish('q1', 'bob', s(34), s(40), 'resolved'),
    ]);
    const total = rowOf(engine.report().rows, 'total').counts;
    // One queue outcome (first queued 0 s, first accept 4 s); talk 4..14 and 24..34.
    expect(total).toMatchObject({
      offered: 1,
      answered: 1,
      answerWaitMs: 4_000,
      talkMs: 20_000,
      handled: 1,
    });
    expect(engine.report({ groupBy: 'queue' }).rows.map((row) => row.key)).toEqual([
      'billing',
      'support',
    ]);
  });
});
