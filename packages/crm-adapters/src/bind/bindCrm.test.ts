import { createDesk, createMemoryStorage } from '@switchboard/core';
import { createVirtualClock } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { tick } from '../../test/settle';
import { createMemoryCrm } from '../adapters/memory';
import { CrmError } from '../errors';
import { createOutbox } from '../outbox/createOutbox';
import { bindCrm } from './bindCrm';

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

  it('creates tickets for the popped customer and adds notes through the outbox', async () => {
    const { desk, crm, outbox, binding } = await deskWithCrm();
    const chat = desk.center.openContact({
      channel: 'chat',
      queueId: 'default',
      customer: { phone: '+442079460018' },
    });
    await tick();
    await binding.createTicket(chat.id, { subject: 'Parcel lost' });
    await outbox.drain();
    const [ticket] = crm.getSnapshot().tickets;
    expect(ticket).toMatchObject({
      subject: 'Parcel lost',
      customerId: crm.getSnapshot().customers[0]?.id,
    });
    await binding.addNote({ target: { kind: 'ticket', id: ticket!.id }, body: 'Carrier called' });
    await outbox.drain();
    expect(crm.getSnapshot().notes[0]?.body).toBe('Carrier called');
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
