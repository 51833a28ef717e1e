import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import type { ErrorCode } from '../errors';
import { rejectionOf } from '../../test/rejectionOf';
import { definePlugin } from '../plugins/definePlugin';
import { createVirtualClock } from '../testing/virtualClock';
import { createDesk } from './createDesk';

async function expectCode(promise: Promise<unknown>, code: ErrorCode) {
  expect((await rejectionOf(promise)).code).toBe(code);
}

function twoDesks() {
  const clock = createVirtualClock();
  const center = createContactCenter({
    clock,
    queues: [
      { id: 'support', name: 'Support' },
      { id: 'sales', name: 'Sales' },
    ],
  });
  const ada = createDesk({ agent: { id: 'ada', name: 'Ada' }, center, clock });
  const bob = createDesk({ agent: { id: 'bob', name: 'Bob' }, center, clock });
  return { clock, center, ada, bob };
}

describe('createDesk', () => {
  it('runs an agent through a chat on the embedded centre, as the README shows', async () => {
    const clock = createVirtualClock();
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
    const offered: string[] = [];
    desk.events.on('contact.offered', ({ contactId }) => offered.push(contactId));
    await desk.login();
    expect(desk.getSnapshot().agent.presence).toEqual({ status: 'available' });

    const chat = desk.center.openContact({ channel: 'chat', queueId: 'default' });
    expect(offered).toEqual([chat.id]);
    expect(desk.getSnapshot().activity.chat).toBe('offered');
    await desk.accept(chat.id);
    expect(desk.getSnapshot().contacts[0]?.status).toBe('connected');
    expect(desk.getSnapshot().load.chat).toEqual({ used: 1, capacity: 3 });

    clock.advance(90_000);
    await desk.wrapUp(chat.id);
    expect(desk.getSnapshot().activity.chat).toBe('wrapUp');
    const done = await desk.complete(chat.id, { disposition: 'resolved' });
    expect(done).toMatchObject({ status: 'completed', disposition: 'resolved' });
    expect(done.timestamps.wrapUp! - done.timestamps.connected!).toBe(90_000);
    expect(desk.getSnapshot().contacts).toEqual([]);

    await desk.setStatus({ status: 'notReady', reason: 'break' });
    clock.advance(5_000);
    expect(desk.timeInStatus()).toBe(5_000);
    await desk.logout();
    expect(desk.getSnapshot().agent.presence.status).toBe('offline');
  });

  it('keeps the snapshot object until this agent or their contacts change', async () => {
    const { center, ada, bob } = twoDesks();
    await ada.login();
    const before = ada.getSnapshot();
    let notified = 0;
    ada.subscribe(() => (notified += 1));
    await bob.login();
    center.openContact({ channel: 'email', queueId: 'support' }); // goes to Ada: longest idle
    expect(notified).toBe(1);
    expect(ada.getSnapshot()).not.toBe(before);
    const after = ada.getSnapshot();
    await bob.setStatus({ status: 'notReady', reason: 'lunch' });
    expect(ada.getSnapshot()).toBe(after);
    expect(notified).toBe(1);
    expect(Object.isFrozen(after)).toBe(true);
  });

  it("delivers only the events that concern the desk's agent", async () => {
    const { center, ada, bob } = twoDesks();
    const adaEvents: string[] = [];
    ada.events.onAny((name) => adaEvents.push(name));
    await ada.login();
    await bob.login();
    const contact = center.openContact({ channel: 'voice', queueId: 'support' });
    expect(center.getSnapshot().contacts.get(contact.id)?.agentId).toBe('ada');
    expect(adaEvents).toEqual(['agent.statusChanged', 'contact.offered']);
  });

  it('transfers: blind to a queue, consult then transfer to a colleague, conference', async () => {
    const { center, ada, bob } = twoDesks();
    await ada.login();
    const call = center.openContact({ channel: 'voice', queueId: 'support' });
    await ada.accept(call.id);
    center.contactCommand(call.id, { type: 'connect' });
    await bob.login();
    await ada.consult(call.id, 'bob');
    expect(bob.getSnapshot().contacts.map((c) => c.id)).toEqual([call.id]);
    await ada.endConsult(call.id);
    expect(bob.getSnapshot().contacts).toEqual([]);
    await ada.consult(call.id, 'bob');
    await ada.conference(call.id);
    expect(center.getSnapshot().contacts.get(call.id)).toMatchObject({
      status: 'conferenced',
      participants: ['ada', 'bob'],
    });
    await ada.wrapUp(call.id);
    await ada.complete(call.id);

    const second = center.openContact({ channel: 'voice', queueId: 'support' });
    const owner = center.getSnapshot().contacts.get(second.id)!.agentId === 'ada' ? ada : bob;
    const other = owner === ada ? bob : ada;
    await owner.accept(second.id);
    center.contactCommand(second.id, { type: 'connect' });
    await owner.consult(second.id, other.agentId);
    await owner.transfer(second.id, { kind: 'agent', agentId: other.agentId });
    expect(center.getSnapshot().contacts.get(second.id)).toMatchObject({
      status: 'connected',
      agentId: other.agentId,
      transfers: 1,
    });
    expect(owner.getSnapshot().contacts).toEqual([]);
    await other.transfer(second.id, { kind: 'queue', queueId: 'sales' });
    expect(center.getSnapshot().contacts.get(second.id)?.queueId).toBe('sales');
  });

  it('places outbound contacts and refuses them without free capacity', async () => {
    const { ada } = twoDesks();
    await expectCode(
      ada.dial({ channel: 'voice', customer: { phone: '+33142000000', attributes: {} } }),
      'CAPACITY_EXCEEDED',
    );
    await ada.login();
    const call = await ada.dial({
      channel: 'voice',
      customer: { phone: '+33142000000', attributes: {} },
    });
    expect(call).toMatchObject({ direction: 'outbound', status: 'accepted', agentId: 'ada' });
    await expectCode(ada.dial({ channel: 'voice' }), 'CAPACITY_EXCEEDED');
    expect(ada.center.getSnapshot().contacts.size).toBe(1);
  });

  it("refuses work on another agent's contact, unknown codes and bad payloads, changing nothing", async () => {
    const { center, ada, bob } = twoDesks();
    await ada.login();
    const chat = center.openContact({ channel: 'chat', queueId: 'support' });
    await ada.accept(chat.id);
    const before = center.getSnapshot();
    await expectCode(bob.hold(chat.id), 'PERMISSION_DENIED');
    await expectCode(bob.accept(chat.id), 'INVALID_TRANSITION');
    await expectCode(ada.hold('nope'), 'NOT_FOUND');
    await expectCode(ada.setStatus({ status: 'notReady', reason: 'nap' }), 'VALIDATION_FAILED');
    await expectCode(ada.setStatus({ status: 'away' } as never), 'VALIDATION_FAILED');
    await ada.wrapUp(chat.id);
    const wrapping = center.getSnapshot();
    await expectCode(ada.complete(chat.id, { disposition: 'made-up' }), 'VALIDATION_FAILED');
    expect(center.getSnapshot()).toBe(wrapping);
    expect(before.contacts.get(chat.id)?.status).toBe('connected');
  });

  it('lets a plugin cancel an action, and survives a plugin whose listener throws', async () => {
    const clock = createVirtualClock();
    const failures: string[] = [];
    const noRejects = definePlugin({
      name: 'no-rejects',
      version: '1.0.0',
      permissions: ['contact:write', 'contact:read'],
      setup(ctx) {
        ctx.actions.before('contact.reject', () => ({ cancel: 'Rejecting is not allowed here' }));
        ctx.events.on('contact.offered', () => {
          throw new Error('plugin bug');
        });
      },
    });
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock, plugins: [noRejects] });
    desk.events.on('plugin.failed', ({ plugin }) => failures.push(plugin));
    const reports = await desk.ready;
    expect(reports.map((report) => report.state)).toEqual(['ready']);
    await desk.login();
    const chat = desk.center.openContact({ channel: 'chat', queueId: 'default' });
    expect(failures).toEqual(['no-rejects']);
    await expectCode(desk.reject(chat.id), 'ACTION_CANCELLED');
    expect(desk.getSnapshot().contacts[0]?.status).toBe('offered');
    await desk.accept(chat.id);
    expect(desk.getSnapshot().contacts[0]?.status).toBe('connected');
  });

  it('invokes plugin actions by name with the agent as caller', async () => {
    const greeter = definePlugin({
      name: 'greeter',
      version: '1.0.0',
      setup(ctx) {
        ctx.actions.register({
          name: 'greeter.greet',
          schema: {
            safeParse: (data: unknown) => ({
              success: true as const,
              data: data as { who: string },
            }),
          },
          run: ({ who }, call) => `hello ${who} from ${call.caller.agentId ?? '?'}`,
        });
      },
    });
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, plugins: [greeter] });
    await desk.ready;
    await expect(desk.invoke('greeter.greet', { who: 'Bob' })).resolves.toBe('hello Bob from ada');
    await desk.dispose();
  });

  it("passes what a plugin action's run throws to the caller unchanged, without failing the plugin", async () => {
    const boom = new Error('provider down');
    let calls = 0;
    const flaky = definePlugin({
      name: 'flaky',
      version: '1.0.0',
      setup(ctx) {
        ctx.actions.register({
          name: 'flaky.send',
          schema: { safeParse: (data: unknown) => ({ success: true as const, data }) },
          run: () => {
            calls += 1;
            return calls === 1 ? Promise.reject(boom) : Promise.resolve('sent');
          },
        });
      },
    });
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, plugins: [flaky] });
    const failed: unknown[] = [];
    desk.events.on('plugin.failed', (report) => failed.push(report));
    await desk.ready;
    await expect(desk.invoke('flaky.send', {})).rejects.toBe(boom);
    await expect(desk.invoke('flaky.send', {})).resolves.toBe('sent');
    expect(failed).toEqual([]);
    await desk.dispose();
  });

  it('loads plugins into a running desk with use(), after the first batch', async () => {
    const late = definePlugin({
      name: 'late',
      version: '1.0.0',
      setup(ctx) {
        ctx.actions.register({
          name: 'late.ping',
          schema: { safeParse: (data: unknown) => ({ success: true as const, data }) },
          run: () => 'pong',
        });
      },
    });
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' } });
    await expectCode(desk.invoke('late.ping', {}), 'UNKNOWN_ACTION');
    const reports = await desk.use([late]);
    expect(reports.map((report) => report.state)).toEqual(['ready']);
    await expect(desk.invoke('late.ping', {})).resolves.toBe('pong');
    await expectCode(desk.use([late]), 'PLUGIN_DUPLICATE');
    await desk.dispose();
    await expectCode(desk.use([]), 'DISPOSED');
  });
});
