// A desk bound to a CRM: a customer calls, their record pops, the agent takes the call, wraps up
// with a disposition, opens a ticket and adds a note. Every write goes through a durable outbox;
// the CRM is the embedded memory one, so this runs with no account. To use a real CRM, swap
// createMemoryCrm for createHubspotCrm / createSalesforceCrm / createZendeskCrm with a token.
import { createDesk, createMemoryStorage } from '@switchboard/core';
import { createVirtualClock } from '@switchboard/core/testing';
import { bindCrm, createMemoryCrm, createOutbox } from '@switchboard/crm-adapters';

export async function runCrmExample(log: (line: string) => void = console.log): Promise<void> {
  const clock = createVirtualClock();
  const crm = createMemoryCrm({
    customers: [{ name: 'Grace Hopper', phone: '020 7946 0018', email: 'grace@example.com' }],
    defaultCountry: 'GB',
  });
  const outbox = createOutbox({ adapter: crm, storage: createMemoryStorage(), clock, locks: null });
  outbox.on('outbox.delivered', ({ entry }) => {
    log(`outbox: delivered ${entry.write.op} (${entry.key})`);
  });

  const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
  const binding = bindCrm(desk, crm, { outbox, summaryOf: () => 'Parcel lost; refund agreed.' });
  await desk.login();

  const call = desk.center.openContact({
    channel: 'voice',
    queueId: 'default',
    customer: { phone: '+44 20 7946 0018' },
  });
  await new Promise((resolve) => setImmediate(resolve)); // the lookup answers
  const pop = binding.getSnapshot().pops.get(call.id);
  if (pop?.status === 'ready')
    log(
      `screen pop: ${pop.pop.customer?.name ?? 'unknown caller'} (${pop.pop.customer?.phone ?? ''})`,
    );

  await desk.accept(call.id);
  desk.center.contactCommand(call.id, { type: 'connect' }); // the softphone reports media up
  clock.advance(4 * 60_000);
  await binding.createTicket(call.id, { subject: 'Parcel lost', priority: 'high' });
  await desk.wrapUp(call.id);
  await desk.complete(call.id, { disposition: 'resolved' });
  await outbox.drain();

  const [ticket] = crm.getSnapshot().tickets;
  if (ticket)
    await binding.addNote({ target: { kind: 'ticket', id: ticket.id }, body: 'Refund sent.' });
  await outbox.drain();

  const [logged] = crm.getSnapshot().interactions;
  log(
    `call logged: ${String((logged?.durationMs ?? 0) / 1000)} s, disposition ${logged?.disposition ?? 'none'}`,
  );
  log(
    `tickets: ${String(crm.getSnapshot().tickets.length)}, notes: ${String(crm.getSnapshot().notes.length)}`,
  );
  log(`outbox: ${JSON.stringify(outbox.getSnapshot())}`);
  binding.dispose();
  await outbox.dispose();
  await desk.dispose();
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await runCrmExample();
