import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/createDesk';
import { isSwitchboardError } from '../errors';
import { createTestCenter } from '../../test/testCenter';
import { rejectionOf } from '../../test/rejectionOf';

function setup() {
  const { clock, center } = createTestCenter({
    queues: [
      { id: 'billing', name: 'Billing', requiredSkills: [{ skill: 'billing', minProficiency: 5 }] },
      { id: 'support', name: 'Support', serviceLevel: { percent: 80, seconds: 20 } },
    ],
  });
  const desk = (id: string, roles: ('agent' | 'supervisor' | 'admin')[]) =>
    createDesk({ agent: { id, name: id, roles }, center, clock });
  return {
    clock,
    center,
    ada: desk('ada', ['agent']),
    sue: desk('sue', ['agent', 'supervisor']),
    root: desk('root', ['admin']),
  };
}

describe('supervisor and admin actions', () => {
  it('refuses them to the agent role with PERMISSION_DENIED', async () => {
    const { ada, sue } = setup();
    for (const attempt of [
      ada.invoke('supervisor.queues', {}),
      ada.invoke('supervisor.forceStatus', { agentId: 'sue', status: 'offline' }),
      ada.invoke('admin.upsertQueue', { id: 'x', name: 'X' }),
      sue.invoke('admin.updateAgent', { agentId: 'ada', changes: { name: 'Ada' } }),
    ]) {
      expect(isSwitchboardError(await rejectionOf(attempt), 'PERMISSION_DENIED')).toBe(true);
    }
  });

  it('shows live queue and agent boards', async () => {
    const { center, clock, ada, sue } = setup();
    await ada.login();
    center.openContact({ channel: 'voice', queueId: 'support' }); // offered to Ada at once
    await ada.accept('c1');
    center.openContact({ channel: 'voice', queueId: 'support' });
    center.openContact({ channel: 'chat', queueId: 'billing' });
    clock.advance(30_000);
    const queues = await sue.invoke('supervisor.queues', {});
    expect(queues).toEqual([
      expect.objectContaining({
        queueId: 'billing',
        waiting: 1,
        oldestWaitMs: 30_000,
        serviceLevel: 0,
      }),
      expect.objectContaining({ queueId: 'support', waiting: 1, offered: 0, serviceLevel: 50 }),
    ]);
    const agents = await sue.invoke('supervisor.agents', {});
    expect(agents.find((row) => row.agentId === 'ada')).toMatchObject({
      status: 'available',
      contactIds: ['c1'],
      load: { voice: 1 },
    });
  });

  it('forces statuses, pulls and assigns contacts', async () => {
    const { center, ada, sue } = setup();
    await sue.invoke('supervisor.forceStatus', {
      agentId: 'ada',
      status: 'notReady',
      reason: 'meeting',
    });
    expect(center.getSnapshot().agents.get('ada')?.presence).toEqual({
      status: 'notReady',
      reason: 'meeting',
    });
    await sue.login({ reason: 'meeting' }); // not ready for routing, but able to pull
    center.openContact({ channel: 'chat', queueId: 'support' });
    await sue.invoke('supervisor.assignContact', { contactId: 'c1' });
    expect(center.getSnapshot().contacts.get('c1')).toMatchObject({
      status: 'offered',
      agentId: 'sue',
    });
    await sue.reject('c1');
    await sue.invoke('supervisor.forceStatus', { agentId: 'ada', status: 'available' });
    expect(center.getSnapshot().contacts.get('c1')).toMatchObject({
      status: 'offered',
      agentId: 'ada',
    });
    expect(ada.getSnapshot().agent.presence.status).toBe('available');
  });

  it('asks the media layer to monitor, whisper or barge, and tells the agent’s desk', async () => {
    const { center, ada, sue } = setup();
    await ada.login();
    center.openContact({ channel: 'voice', queueId: 'support' });
    const heard: string[] = [];
    ada.events.on('supervisor.monitorRequested', (request) => heard.push(request.mode));
    await expect(
      sue.invoke('supervisor.monitor', { contactId: 'c1', mode: 'barge' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await ada.accept('c1');
    center.contactCommand('c1', { type: 'connect' });
    const request = await sue.invoke('supervisor.monitor', { contactId: 'c1', mode: 'whisper' });
    expect(request).toMatchObject({
      supervisorId: 'sue',
      agentId: 'ada',
      contactId: 'c1',
      mode: 'whisper',
    });
    expect(heard).toEqual(['whisper']);
  });

  it('scores an interaction against a scorecard and validates it', async () => {
    const { center, ada, sue } = setup();
    await ada.login();
    center.openContact({ channel: 'chat', queueId: 'support' });
    await ada.accept('c1');
    await ada.wrapUp('c1');
    await ada.complete('c1');
    const evaluation = await sue.invoke('supervisor.evaluate', {
      contactId: 'c1',
      scorecard: [
        { criterion: 'greeting', score: 5, max: 5 },
        { criterion: 'resolution', score: 3, max: 5 },
      ],
    });
    expect(evaluation).toMatchObject({ agentId: 'ada', supervisorId: 'sue', percent: 80 });
    const refused = await rejectionOf(
      sue.invoke('supervisor.evaluate', {
        contactId: 'c1',
        scorecard: [{ criterion: 'x', score: 6, max: 5 }],
      }),
    );
    expect(isSwitchboardError(refused, 'VALIDATION_FAILED')).toBe(true);
  });

  it('lets admins change queues, skills, reason codes and dispositions, and routing follows', async () => {
    const { center, ada, root } = setup();
    await ada.login();
    center.openContact({ channel: 'chat', queueId: 'billing' });
    expect(center.getSnapshot().contacts.get('c1')?.status).toBe('queued');
    await root.invoke('admin.updateAgent', {
      agentId: 'ada',
      changes: { skills: [{ skill: 'billing', proficiency: 4 }] },
    });
    expect(center.getSnapshot().contacts.get('c1')?.status).toBe('queued'); // 4 < 5
    await root.invoke('admin.upsertQueue', {
      id: 'billing',
      name: 'Billing',
      requiredSkills: [{ skill: 'billing', minProficiency: 3 }],
    });
    expect(center.getSnapshot().contacts.get('c1')).toMatchObject({
      status: 'offered',
      agentId: 'ada',
    });

    await root.invoke('admin.upsertReasonCode', {
      code: 'coaching',
      label: 'Coaching',
      productive: true,
    });
    await ada.setStatus({ status: 'notReady', reason: 'coaching' });
    await root.invoke('admin.upsertDisposition', { code: 'refund', label: 'Refund issued' });
    expect(center.dispositions.some((d) => d.code === 'refund')).toBe(true);
    const refused = await rejectionOf(
      root.invoke('admin.upsertQueue', { id: 'x', name: 'X', strategy: 'nope' }),
    );
    expect(isSwitchboardError(refused, 'VALIDATION_FAILED')).toBe(true);
    expect(center.queues.has('x' as never)).toBe(false);
  });
});
