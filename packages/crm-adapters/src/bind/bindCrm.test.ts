import {
  createDesk,
  createMemoryStorage,
  definePlugin,
  isSwitchboardError,
  type ErrorCode,
} from '@switchboard/core';
import { createVirtualClock } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { tick } from '../../test/settle';
import { createMemoryCrm } from '../adapters/memory';
import { CrmError } from '../errors';
import { createOutbox } from '../outbox/createOutbox';
import { bindCrm } from './bindCrm';

async function expectCode(promise: Promise<unknown>, code: ErrorCode) {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isSwitchboardError(error) && error.code).toBe(code);
}

// The core's embedded contact centre, a desk, the memory CRM and an outbox: every real part.
async function deskWithCrm() {
  const clock = createVirtualClock();
  const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
  const crm = createMemoryCrm({
    customers: [{ name: 'Grace', phone: '+442079460018' }],
    defaultCountry: 'GB',
  });
  const outbox = createOutbox({ adapter: crm, storage: createMemoryStorage(), clock, locks: null });
  const binding = bindCrm(desk, crm, { outbox, summaryOf: () => 'Refund issued' });
  await desk.login();
  return { clock, desk, crm, outbox, binding };
}

describe('bindCrm', () => {
  it('pops the caller on offer and logs the call with its disposition on completion, once', async () => {
    const { clock, desk, crm, outbox, binding } = await deskWithCrm();
    const call = desk.center.openContact({
      channel: 'voice',
      queueId: 'default',
      customer: { phone: '020 7946 0018' },
    });
    expect(binding.getSnapshot().pops.get(call.id)?.status).toBe('loading');
    await tick();
    const pop = binding.getSnapshot().pops.get(call.id);
    expect(pop?.status === 'ready' && pop.pop.customer?.name).toBe('Grace');

    await desk.accept(call.id);
    desk.center.contactCommand(call.id, { type: 'connect' }); // the softphone's media is up
    clock.advance(120_000);
    await desk.wrapUp(call.id);
    await desk.complete(call.id, { disposition: 'resolved' });
    await outbox.drain();
    await tick();
    const [logged] = crm.getSnapshot().interactions;
    expect(logged).toMatchObject({
      contactId: call.id,
      channel: 'voice',
      disposition: 'resolved',
      durationMs: 120_000,
      summary: 'Refund issued',
    });
    expect(binding.getSnapshot().pops.has(call.id)).toBe(false);
    // the same contact logged again (say, after a reload) keeps one record: same key
    await crm.logInteraction(
      {
        contactId: call.id,
        channel: 'voice',
        customerId: logged!.customerId,
        startedAt: 0,
        endedAt: 1,
      },
      { idempotencyKey: `interaction:${call.id}` },
    );
    expect(crm.getSnapshot().interactions).toHaveLength(1);
  });

  it('creates tickets for the popped customer and adds notes as desk actions, through the outbox', async () => {
    const { desk, crm, outbox, binding } = await deskWithCrm();
    await binding.ready;
    const chat = desk.center.openContact({
      channel: 'chat',
      queueId: 'default',
      customer: { phone: '+442079460018' },
    });
    await tick();
    const queued = await desk.invoke('crm.createTicket', {
      subject: 'Parcel lost',
      contactId: chat.id,
      key: 'ticket:parcel',
    });
    expect(queued).toEqual({ key: 'ticket:parcel', record: null });
    await outbox.drain();
    const [ticket] = crm.getSnapshot().tickets;
    expect(ticket).toMatchObject({
      subject: 'Parcel lost',
      customerId: crm.getSnapshot().customers[0]?.id,
    });
    // the same request again (a double click, a retried call) makes no second ticket
    await desk.invoke('crm.createTicket', {
      subject: 'Parcel lost',
      contactId: chat.id,
      key: 'ticket:parcel',
    });
    await outbox.drain();
    expect(crm.getSnapshot().tickets).toHaveLength(1);
    await desk.invoke('crm.updateTicket', { id: ticket!.id, changes: { status: 'pending' } });
    await desk.invoke('crm.addNote', {
      target: { kind: 'ticket', id: ticket!.id },
      body: 'Carrier called',
    });
    await outbox.drain();
    expect(crm.getSnapshot().tickets[0]?.status).toBe('pending');
    expect(crm.getSnapshot().notes[0]?.body).toBe('Carrier called');
    const found = await desk.invoke('crm.findCustomer', { phone: '020 7946 0018' });
    expect(found?.name).toBe('Grace');
    expect(await desk.invoke('crm.searchTickets', { customerId: found!.id })).toHaveLength(1);
  });

  it('runs the CRM actions through the pipeline: validation, roles, plugin hooks', async () => {
    const seen: string[] = [];
    const noUrgent = definePlugin({
      name: 'no-urgent',
      version: '1.0.0',
      permissions: ['crm:write'],
      setup(ctx) {
        ctx.actions.before('crm.createTicket', (ticket) =>
          ticket.priority === 'urgent' ? { cancel: 'Ask a supervisor' } : undefined,
        );
        ctx.actions.after('crm.addNote', (_note, receipt) => {
          seen.push(receipt.key);
          throw new Error('audit plugin bug'); // reported, never breaks the action
        });
      },
    });
    const clock = createVirtualClock();
    const crm = createMemoryCrm();
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock, plugins: [noUrgent] });
    const failures: string[] = [];
    desk.events.on('plugin.failed', ({ plugin }) => failures.push(plugin));
    const binding = bindCrm(desk, crm); // no outbox: writes go straight to the CRM
    expect((await binding.ready).state).toBe('ready');

    await expectCode(desk.invoke('crm.createTicket', { subject: '' }), 'VALIDATION_FAILED');
    await expectCode(
      desk.invoke('crm.createTicket', { subject: 'Refund', priority: 'urgent' }),
      'ACTION_CANCELLED',
    );
    expect(crm.getSnapshot().tickets).toHaveLength(0);
    const created = await desk.invoke('crm.createTicket', { subject: 'Refund' });
    expect(created.record).toMatchObject({ subject: 'Refund', status: 'new' });
    const note = await desk.invoke('crm.addNote', {
      target: { kind: 'ticket', id: created.record!.id },
      body: 'Refund sent',
    });
    expect(note.record?.body).toBe('Refund sent');
    expect(seen).toEqual([note.key]);
    expect(failures).toEqual(['no-urgent']);

    const admin = createDesk({ agent: { id: 'root', name: 'Root', roles: ['admin'] }, clock });
    await bindCrm(admin, crm).ready;
    await expectCode(
      admin.invoke('crm.findCustomer', { email: 'a@example.com' }),
      'PERMISSION_DENIED',
    );

    binding.dispose();
    await expectCode(desk.invoke('crm.findCustomer', { email: 'a@example.com' }), 'UNKNOWN_ACTION');
  });

  it('keeps the desk working when the CRM lookup fails, showing the failure', async () => {
    const clock = createVirtualClock();
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
    const crm = createMemoryCrm();
    const binding = bindCrm(desk, {
      ...crm,
      screenPop: () => Promise.reject(new CrmError('UNAVAILABLE')),
    });
    await desk.login();
    const call = desk.center.openContact({ channel: 'voice', queueId: 'default' });
    await tick();
    expect(binding.getSnapshot().pops.get(call.id)?.status).toBe('failed');
    await desk.accept(call.id);
    expect(desk.getSnapshot().contacts[0]?.status).toBe('accepted');
    binding.dispose();
  });
});
