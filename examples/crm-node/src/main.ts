// A desk bound to a CRM: a customer calls, their record pops, the agent takes the call, wraps up
// with a disposition, opens a ticket and adds a note. Every write goes through a durable outbox;
// the CRM is the embedded memory one, so this runs with no account. `start` with CRM=dynamics
// (or hubspot, salesforce, zendesk, freshdesk), CRM_URL and CRM_TOKEN picks a real CRM instead
// (src/chooseCrm.ts); the run then pops whoever the CRM knows and writes there.
import { createDesk, createMemoryStorage } from '@switchboard/core';
import { createVirtualClock } from '@switchboard/core/testing';
import { bindCrm, createMemoryCrm, createOutbox } from '@switchboard/crm-adapters';
import { chooseCrm } from './chooseCrm';

export async function runCrmExample(
  log: (line: string) => void = console.log,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<void> {
  const clock = createVirtualClock();
  const memory = createMemoryCrm({
    customers: [{ name: 'Grace Hopper', phone: '020 7946 0018', email: 'grace@example.com' }],
    defaultCountry: 'GB',
  });
  const crm = chooseCrm(env, () => memory);
  const outbox = createOutbox({ adapter: crm, storage: createMemoryStorage(), clock, locks: null });
  outbox.on('outbox.delivered', ({ entry }) => {
    log(`outbox: delivered ${entry.write.op} (${entry.key})`);
  });

  const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
  const binding = bindCrm(desk, crm, { outbox, summaryOf: () => 'Parcel lost; refund agreed.' });
  await binding.ready; // the crm.* desk actions are registered
  await desk.login();

  const call = desk.center.openContact({
    channel: 'voice',
    queueId: 'default',
    customer: { phone: '+44 20 7946 0018' },
  });
  await new Promise((resolve) => setImmediate(resolve)); // the lookup answers
  const pop = binding.getSnapshot().pops.get(call.id);
  const customerId = pop?.status === 'ready' ? pop.pop.customer?.id : undefined;
  if (pop?.status === 'ready')
    log(
      `screen pop: ${pop.pop.customer?.name ?? 'unknown caller'} (${pop.pop.customer?.phone ?? ''})`,
    );

  await desk.accept(call.id);
  desk.center.contactCommand(call.id, { type: 'connect' }); // the softphone reports media up
  clock.advance(4 * 60_000);
  // A desk action: validated, role-checked, open to plugin hooks, written through the outbox.
  await desk.invoke('crm.createTicket', {
    subject: 'Parcel lost',
    priority: 'high',
    contactId: call.id,
  });
  await desk.wrapUp(call.id);
  await desk.complete(call.id, { disposition: 'resolved' });
  await outbox.drain();

  // Open tickets of the popped customer, then a note on the newest, again as desk actions.
  const [ticket] = customerId
    ? await desk.invoke('crm.searchTickets', { customerId, status: ['new', 'open'] })
    : [];
  if (ticket)
    await desk.invoke('crm.addNote', {
      target: { kind: 'ticket', id: ticket.id },
      body: 'Refund sent.',
    });
  await outbox.drain();

  const [logged] = customerId ? await crm.getHistory(customerId) : [];
  log(
    `call logged: ${String((logged?.durationMs ?? 0) / 1000)} s, disposition ${logged?.disposition ?? 'none'}`,
  );
  if (crm === memory)
    log(
      `tickets: ${String(memory.getSnapshot().tickets.length)}, notes: ${String(memory.getSnapshot().notes.length)}`,
    );
  log(`outbox: ${JSON.stringify(outbox.getSnapshot())}`);
  binding.dispose();
  await outbox.dispose();
  await desk.dispose();
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`)
  await runCrmExample(console.log, process.env);
