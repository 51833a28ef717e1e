import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import type { DomainEvent } from '../events/domainEvents';
import { createKpiEngine } from '../metrics/kpiEngine';
import { createMemoryStorage } from '../ports/storage';
import { createVirtualClock } from '../testing/virtualClock';
import {
  attachLog,
  eraseCustomerContacts,
  exportCustomerContacts,
  type LoggedDomainEvent,
} from './contactLog';
import { openEventLog } from './eventLog';
import { defineEventSchema } from './eventSchema';

// A real embedded centre logs its domain events; erasing a customer from that log removes their
// canary and leaves every KPI (first-contact resolution included) as it was.
const canary = 'CANARY-c0ffee';

async function day() {
  const storage = createMemoryStorage();
  const log = await openEventLog<LoggedDomainEvent>({
    storage,
    schema: defineEventSchema({ version: 1 }),
    name: 'centre',
  });
  const clock = createVirtualClock();
  const center = createContactCenter({ clock, queues: [{ id: 'support', name: 'Support' }] });
  attachLog(center, log);
  center.registerAgent({ id: 'ada', name: 'Ada' });
  center.agentCommand('ada', { type: 'login' });
  const call = (customer: { id: string; name: string }, reason: string) => {
    const contact = center.openContact({
      channel: 'voice',
      queueId: 'support',
      customer,
      attributes: { reason, subject: `${customer.name} called` },
    });
    clock.advance(5_000);
    center.contactCommand(contact.id, { type: 'accept', agentId: 'ada' });
    center.contactCommand(contact.id, { type: 'connect' });
    clock.advance(60_000);
    center.contactCommand(contact.id, { type: 'end' });
    center.contactCommand(contact.id, { type: 'complete', disposition: 'resolved' });
    clock.advance(600_000);
    return contact.id;
  };
  const grace = { id: 'cus-1', name: `Grace ${canary}` };
  const first = call(grace, 'billing');
  const repeat = call(grace, 'billing'); // a repeat: the first contact was not resolved at first
  call({ id: 'cus-2', name: 'Alan' }, 'billing');
  await log.flush();
  return { storage, log, clock, contacts: [first, repeat] };
}

async function kpisOf(log: Awaited<ReturnType<typeof day>>['log'], now: number) {
  const engine = createKpiEngine({ clock: { now: () => now } });
  for await (const { event } of log.read()) engine.ingest(event as DomainEvent);
  return engine.report({ groupBy: 'queue' });
}

describe('contact logs: export and erasure', () => {
  it('exports every stored event of the customer’s contacts', async () => {
    const { log, contacts } = await day();
    const events = await exportCustomerContacts(log, 'cus-1');
    expect(new Set(events.map(({ event }) => event.contact?.id ?? event.contactId))).toEqual(
      new Set(contacts),
    );
    expect(events.map(({ event }) => event.type)).toContain('contact.completed');
  });

  it('erases the canary from the stored log and leaves the KPIs as they were', async () => {
    const { storage, log, clock, contacts } = await day();
    // Read a month later, once first-contact resolution is settled.
    const later = clock.now() + 30 * 86_400_000;
    const before = await kpisOf(log, later);
    const erased = await eraseCustomerContacts(log, { customerId: 'cus-1', tombstone: 'erased-1' });
    expect(erased).toEqual(contacts);
    const stored = JSON.stringify(
      await Promise.all((await storage.keys()).map((key) => storage.get(key))),
    );
    expect(stored).not.toContain(canary);
    expect(stored).toContain('Alan');
    expect(await kpisOf(log, later)).toEqual(before);
    // Grace called twice about billing: only Alan's call counts as resolved at first contact.
    expect(before.rows[0]?.counts.fcrContacts).toBe(2);
    expect(before.rows[0]?.kpis.fcr).toBe(0.5);
    const created = (await exportCustomerContacts(log, 'erased-1'))[0]?.event.contact;
    expect(created?.customer).toEqual({ id: 'erased-1', attributes: {} });
    expect(created?.attributes).toEqual({ reason: 'billing', subject: '[erased]' });
  });
});
