import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisorDesk, type SupervisorConfigInput } from '../src/index';

const sue = { id: 'sue', name: 'Sue', roles: ['agent', 'supervisor'] as const };

let host: TestHost | undefined;
afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

async function start(config: SupervisorConfigInput = {}, agent = sue) {
  host = await createTestHost({
    agent: { ...agent, roles: [...agent.roles] },
    login: false,
    plugins: [{ plugin: supervisorDesk, config }],
    center: {
      queues: [{ id: 'support', name: 'Support', serviceLevel: { percent: 80, seconds: 20 } }],
    },
  });
  for (const id of ['ada', 'bob', 'cy', 'dee']) {
    host.center.registerAgent({ id, name: id, capacity: { voice: 1 } });
    host.center.agentCommand(id, { type: 'login' });
  }
  await host
    .plugin('supervisorDesk')
    .refresh()
    .catch(() => undefined);
  return host;
}

describe('supervisor desk: boards', () => {
  it('reads the queue and agent boards on the clock and notifies subscribers', async () => {
    const current = await start({ refreshMs: 10_000 });
    const api = current.plugin('supervisorDesk');
    expect(api.getSnapshot()).toMatchObject({ access: 'granted', updatedAt: current.clock.now() });
    expect(
      api
        .getSnapshot()
        .agents.map((row) => row.agentId)
        .sort(),
    ).toEqual(['ada', 'bob', 'cy', 'dee', 'sue']);
    let changes = 0;
    api.subscribe(() => (changes += 1));
    current.center.openContact({ channel: 'voice', queueId: 'support' });
    current.advance(10_000);
    await current.flush();
    expect(changes).toBe(1);
    expect(api.getSnapshot().queues[0]).toMatchObject({ queueId: 'support', offered: 1 });
  });
});

describe('supervisor desk: alerts with hysteresis', () => {
  it('raises a longest-wait alert above the threshold and clears it only below threshold minus hysteresis', async () => {
    const current = await start({
      refreshMs: 5_000,
      alerts: { longestWaitAboveMs: 30_000, hysteresis: { longestWaitMs: 20_000 } },
    });
    for (const id of ['ada', 'bob', 'cy', 'dee'])
      current.center.agentCommand(id, { type: 'setNotReady', reason: 'break' });
    const first = current.center.openContact({ channel: 'voice', queueId: 'support' });
    current.advance(20_000);
    current.center.openContact({ channel: 'voice', queueId: 'support' });
    current.advance(15_000);
    await current.flush();
    const raised = current.events.of('supervisorDesk.alertRaised');
    expect(raised).toHaveLength(1);
    expect(raised[0]?.alert).toMatchObject({
      id: 'longestWait:support',
      value: 35_000,
      threshold: 30_000,
    });

    // Ada answers the first caller; the second has waited 20 s: below 30 s, not below 10 s.
    current.center.agentCommand('ada', { type: 'setAvailable' });
    expect(current.center.getSnapshot().contacts.get(first.id)?.agentId).toBe('ada');
    current.advance(5_000);
    await current.flush();
    expect(
      current
        .plugin('supervisorDesk')
        .getSnapshot()
        .alerts.map((alert) => alert.id),
    ).toEqual(['longestWait:support']);
    expect(current.events.of('supervisorDesk.alertCleared')).toEqual([]);

    // Bob takes the second caller: nobody waits, the alert clears once.
    current.center.agentCommand('bob', { type: 'setAvailable' });
    current.advance(5_000);
    await current.flush();
    expect(current.events.of('supervisorDesk.alertCleared')).toEqual([
      expect.objectContaining({ value: 0 }),
    ]);
    expect(current.events.of('supervisorDesk.alertCleared')[0]?.alert.id).toBe(
      'longestWait:support',
    );
    expect(current.plugin('supervisorDesk').getSnapshot().alerts).toEqual([]);
  });

  it('raises and clears the not-ready share alert with hysteresis', async () => {
    const current = await start({
      alerts: { notReadyAbovePercent: 50, hysteresis: { notReadyPercent: 20 } },
    });
    const api = current.plugin('supervisorDesk');
    // 4 of 5 logged in (sue is logged out): 3 of 4 not ready = 75 %.
    for (const id of ['ada', 'bob', 'cy'])
      current.center.agentCommand(id, { type: 'setNotReady', reason: 'break' });
    await api.refresh();
    expect(api.getSnapshot().alerts).toEqual([
      expect.objectContaining({ id: 'notReady:center', value: 75, threshold: 50 }),
    ]);
    current.center.agentCommand('ada', { type: 'setAvailable' }); // 50 %: not below 30 %
    await api.refresh();
    expect(api.getSnapshot().alerts).toHaveLength(1);
    current.center.agentCommand('bob', { type: 'setAvailable' }); // 25 %
    await api.refresh();
    expect(api.getSnapshot().alerts).toEqual([]);
    expect(current.events.of('supervisorDesk.alertRaised')).toHaveLength(1);
    expect(current.events.of('supervisorDesk.alertCleared')).toHaveLength(1);
  });

  it('raises a service-level alert when a queue falls below its threshold', async () => {
    const current = await start({ alerts: { serviceLevelBelow: 80 } });
    for (const id of ['ada', 'bob', 'cy', 'dee'])
      current.center.agentCommand(id, { type: 'setNotReady', reason: 'break' });
    current.center.openContact({ channel: 'voice', queueId: 'support' });
    current.advance(25_000); // waiting beyond the 20 s target: service level 0 %
    await current.flush();
    expect(current.events.of('supervisorDesk.alertRaised')[0]?.alert).toMatchObject({
      id: 'serviceLevel:support',
      value: 0,
    });
  });
});

describe('supervisor desk: actions and roles', () => {
  it('monitors, whispers, barges and forces status through the core actions', async () => {
    const current = await start();
    const api = current.plugin('supervisorDesk');
    const call = current.center.openContact({ channel: 'voice', queueId: 'support' });
    const agentId = current.center.getSnapshot().contacts.get(call.id)?.agentId ?? '';
    current.center.contactCommand(call.id, { type: 'accept', agentId });
    current.center.contactCommand(call.id, { type: 'connect' });
    await expect(api.whisper(call.id)).resolves.toMatchObject({
      mode: 'whisper',
      supervisorId: 'sue',
      agentId,
    });
    await expect(api.barge(call.id)).resolves.toMatchObject({ mode: 'barge' });
    await expect(api.monitor(call.id)).resolves.toMatchObject({ mode: 'monitor' });
    const forced = await api.forceStatus({
      agentId: 'dee',
      status: 'notReady',
      reason: 'break',
    });
    expect(forced.presence).toEqual({ status: 'notReady', reason: 'break' });
  });

  it('refuses an agent without the supervisor role', async () => {
    const current = await start({}, { id: 'eve', name: 'Eve', roles: ['agent'] as never });
    const api = current.plugin('supervisorDesk');
    expect(api.getSnapshot().access).toBe('denied');
    await expect(api.forceStatus({ agentId: 'ada', status: 'offline' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(api.whisper('any')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(current.center.getSnapshot().agents.get('ada')?.presence.status).toBe('available');
    expect(current.failures()).toEqual([]);
  });

  it('a throwing subscriber never takes the desk down', async () => {
    const current = await start({ alerts: { notReadyAbovePercent: 10 } });
    const api = current.plugin('supervisorDesk');
    api.subscribe(() => {
      throw new Error('UI bug');
    });
    current.center.agentCommand('ada', { type: 'setNotReady', reason: 'break' });
    await expect(api.refresh()).resolves.toMatchObject({
      alerts: [expect.objectContaining({ kind: 'notReady' })],
    });
    await current.desk.login();
    expect(current.desk.getSnapshot().agent.presence.status).toBe('available');
  });
});
