import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { createVirtualClock } from '../testing/virtualClock';
import { createKpiEngine } from './index';

// The engine attached to a real embedded centre on a virtual clock; figures computed by hand.
function scenario() {
  const clock = createVirtualClock(); // 2026-01-01T00:00Z, an interval start
  const center = createContactCenter({ clock, queues: [{ id: 'support', name: 'Support' }] });
  const engine = createKpiEngine({ clock });
  const detach = engine.attach(center);
  center.registerAgent({ id: 'ada', name: 'Ada' });
  center.agentCommand('ada', { type: 'login' });
  // Offered to Ada at 0 s, accepted at 8 s; talk 8..68, hold 68..98, talk 98..128; wrap-up 30 s.
  const call = center.openContact({
    channel: 'voice',
    queueId: 'support',
    customer: { id: 'c-1' },
  });
  clock.advance(8_000);
  center.contactCommand(call.id, { type: 'accept', agentId: 'ada' });
  center.contactCommand(call.id, { type: 'connect' });
  clock.advance(60_000);
  center.contactCommand(call.id, { type: 'hold' });
  clock.advance(30_000);
  center.contactCommand(call.id, { type: 'resume' });
  clock.advance(30_000);
  center.contactCommand(call.id, { type: 'end' });
  clock.advance(30_000);
  center.contactCommand(call.id, { type: 'complete', disposition: 'resolved' });
  // Ada takes a break; a second caller waits 40 s and hangs up (after the 20 s threshold).
  center.agentCommand('ada', { type: 'setNotReady', reason: 'break' });
  const lost = center.openContact({ channel: 'voice', queueId: 'support' });
  clock.advance(40_000);
  center.contactCommand(lost.id, { type: 'abandon' });
  return { clock, center, engine, detach, call };
}

describe('createKpiEngine attached to a contact centre', () => {
  it('computes the KPIs of the events the centre emits', () => {
    const { engine, call } = scenario();
    engine.recordSurvey({ contactId: call.id, score: 5 });
    const total = engine.report().rows[0];
    expect(total?.kpis).toMatchObject({
      asaMs: 8_000,
      ahtMs: 150_000, // talk 90 + hold 30 + wrap-up 30
      serviceLevel: 0.5, // 1 in 20 s / (1 answered + 1 abandoned after 20 s)
      abandonmentRate: 0.5,
      csat: 1,
      responseTimeMs: 8_000,
    });
    // Ada: idle 0..8, handling 8..158, not ready 158..198 (now).
    expect(total?.counts).toMatchObject({ idleMs: 8_000, handlingMs: 150_000, notReadyMs: 40_000 });
    expect(total?.kpis.occupancy).toBeCloseTo(150 / 158);
    expect(total?.kpis.utilisation).toBeCloseTo(150 / 198);
    expect(total?.counts.fcrPending).toBe(1);
  });

  it('gives live figures for the current interval', () => {
    const { clock, center, engine } = scenario();
    center.openContact({ channel: 'chat', queueId: 'support' });
    clock.advance(12_000);
    const live = engine.live();
    expect(live).toMatchObject({
      asOf: clock.now(),
      intervalStart: Date.UTC(2026, 0, 1),
      intervalEnd: Date.UTC(2026, 0, 1, 0, 15),
      waiting: 1,
      longestWaitMs: 12_000,
      agentsHandling: 0,
      agentsIdle: 0,
      agentsNotReady: 1,
    });
    expect(live.total.counts.handled).toBe(1);
    expect(live.agents.map((row) => row.key)).toEqual(['ada']);
    expect(live.queues.map((row) => row.key)).toEqual(['support']);
    expect(live.channels.map((row) => row.key)).toEqual(['voice']); // the chat has no outcome yet
    // The next interval has nothing booked yet: an empty total row.
    clock.advance(15 * 60_000);
    const later = engine.live();
    expect(later.total.counts.handled).toBe(0);
    expect(later.total.kpis.ahtMs).toBeNull();
    expect(later.total.counts.notReadyMs).toBe(210_000); // now is 1110 s: 900..1110 in this interval
  });

  it('stops counting once detached, and ignores non-domain events', () => {
    const { center, engine, detach } = scenario();
    const before = engine.report().rows[0]?.counts.offered;
    detach();
    center.openContact({ channel: 'chat', queueId: 'support' });
    center.agentCommand('ada', { type: 'setAvailable' }); // would offer and accept nothing counted
    expect(engine.report().rows[0]?.counts.offered).toBe(before);
    const other = createKpiEngine();
    other.attach({
      events: { onAny: (listener) => (listener('plugin.ready', { plugin: 'x' }), () => undefined) },
    });
    expect(other.report().rows).toEqual([]);
    expect(other.report().asOf).toBe(0);
    expect(other.live().longestWaitMs).toBeNull();
  });

  it("counts an agent's open span inside a report's range as a report over every interval does", () => {
    const { clock, center, engine } = scenario();
    center.agentCommand('ada', { type: 'setAvailable' });
    clock.advance(3 * 3_600_000); // Ada stays logged in, idle, for hours after the calls
    const start = Date.UTC(2026, 0, 1);
    const all = engine.report({ groupBy: 'interval' }).rows;
    const from = start + 3_600_000;
    const to = start + 2 * 3_600_000;
    const ranged = engine.report({ from, to, groupBy: 'interval' }).rows;
    expect(ranged.map((row) => row.intervalStart)).toEqual(
      [0, 1, 2, 3].map((i) => from + i * 900_000),
    );
    const inRange = all.filter((row) => row.intervalStart! >= from && row.intervalStart! < to);
    expect(ranged).toEqual(inRange);
    expect(ranged.every((row) => row.counts.loggedInMs === 900_000)).toBe(true);
    expect(ranged.every((row) => row.counts.idleMs === 900_000)).toBe(true);
  });
});
