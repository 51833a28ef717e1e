import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/createDesk';
import { isSwitchboardError } from '../errors';
import type { DomainEvent } from '../events/domainEvents';
import { createKpiEngine } from '../metrics/kpiEngine';
import { createMemoryStorage, type Storage } from '../ports/storage';
import { createTestCenter } from '../../test/testCenter';
import { openCenterHistory } from './openCenterHistory';

// Erasure of a live centre's customer: a canary planted in the customer's name, email, phone,
// contact attributes, annotations and IVR classification is found nowhere afterwards (the
// centre's state, every desk's snapshot, routing explanations, the stored log and snapshot),
// and the KPIs computed before and after agree, live and from the stored log.
const canary = 'CANARY-5eed';
const admin = { id: 'root', roles: ['admin' as const] };

async function scenario(storage: Storage = createMemoryStorage()) {
  // Ids are numbered, not random: a random id (and the tombstone made from one) could hold the
  // digits of the canary phone that the erasure test looks for.
  const { clock, center } = createTestCenter({ queues: [{ id: 'support', name: 'Support' }] });
  const history = await openCenterHistory({ center, storage, snapshotEvery: 7 });
  const engine = createKpiEngine({ clock });
  engine.attach(center);
  const ada = createDesk({ center, clock, agent: { id: 'ada', name: 'Ada' } });
  const boss = createDesk({
    center,
    clock,
    agent: { id: 'root', name: 'Root', roles: ['admin', 'supervisor'] },
  });
  center.agentCommand('ada', { type: 'login' });
  const grace = {
    id: 'cus-1',
    name: `Grace ${canary}`,
    email: 'grace.canary-5eed@example.com',
    phone: '+44 20 7946 0958',
    attributes: { note: canary },
  };
  const call = (customer: typeof grace | { id: string; name: string }, finish = true) => {
    const contact = center.openContact({
      channel: 'voice',
      customer,
      attributes: { reason: 'billing', subject: `${customer.name} called` },
    });
    center.contactCommand(contact.id, {
      type: 'queue',
      queueId: 'support',
      classification: { attributes: { said: `my name is ${customer.name}` } },
    });
    clock.advance(5_000);
    center.contactCommand(contact.id, { type: 'accept', agentId: 'ada' });
    center.contactCommand(contact.id, { type: 'connect' });
    center.contactCommand(contact.id, {
      type: 'annotate',
      attributes: { transcript: `hello ${customer.name}` },
    });
    clock.advance(60_000);
    if (finish) {
      center.contactCommand(contact.id, { type: 'end' });
      center.contactCommand(contact.id, { type: 'complete', disposition: 'resolved' });
      clock.advance(600_000);
    }
    return contact.id;
  };
  const first = call(grace);
  call({ id: 'cus-2', name: 'Alan' });
  const live = call(grace, false); // still with Ada when the erasure comes
  await history.flush();
  return { clock, center, history, engine, ada, boss, storage, first, live };
}

async function kpisFromLog(history: Awaited<ReturnType<typeof scenario>>['history'], now: number) {
  const engine = createKpiEngine({ clock: { now: () => now } });
  for await (const { event } of history.log.read()) engine.ingest(event as DomainEvent);
  return engine.report({ groupBy: 'queue' });
}

const stored = async (storage: Storage) =>
  JSON.stringify(await Promise.all((await storage.keys()).map((key) => storage.get(key))));

describe('erasure of a live centre’s customer', () => {
  it('finds the canary nowhere afterwards and leaves every KPI as it was', async () => {
    const { clock, center, history, engine, ada, storage, first, live } = await scenario();
    await history.snapshot();
    const everywhere = async () =>
      JSON.stringify([
        center.getSnapshot(),
        ada.getSnapshot(),
        center.explain(first),
        center.explain(live),
        await stored(storage),
      ]);
    expect(await everywhere()).toContain(canary);
    expect(await everywhere()).toContain('7946');
    const later = clock.now() + 30 * 86_400_000;
    const liveBefore = engine.report({ groupBy: 'queue' });
    const logBefore = await kpisFromLog(history, later);

    const erasure = await history.eraseCustomer({ customerId: 'cus-1' }, admin);

    expect(erasure.contactIds).toEqual([first, live]);
    const after = await everywhere();
    expect(after).not.toContain(canary);
    expect(after).not.toContain('canary-5eed');
    expect(after).not.toContain('7946');
    expect(after).toContain('Alan');
    expect(engine.report({ groupBy: 'queue' })).toEqual(liveBefore);
    expect(await kpisFromLog(history, later)).toEqual(logBefore);
    expect(logBefore.rows[0]?.counts.handled).toBe(2);
    // The stored history still gives the live state: snapshot + replay = the tombstoned centre.
    expect(await history.replay()).toEqual(center.getSnapshot());
    const tombstone = center.getSnapshot().contacts.get(first);
    expect(tombstone?.customer).toEqual({ id: erasure.tombstone, attributes: {} });
    expect(tombstone?.attributes).toEqual({
      reason: 'billing',
      subject: '[erased]',
      said: '[erased]',
      transcript: '[erased]',
    });
    // The contact with Ada goes on as a tombstone; both of Grace's contacts share it.
    center.contactCommand(live, { type: 'end' });
    expect(center.getSnapshot().contacts.get(live)?.customer.id).toBe(erasure.tombstone);
    const exported = await history.exportCustomer(erasure.tombstone);
    expect(exported.contacts.map((contact) => contact.id)).toEqual([first, live]);
    expect((await history.exportCustomer('cus-1')).events).toEqual([]);
    await history.close();
  });

  it('exports the customer’s contacts and stored events before erasure', async () => {
    const { history, first, live } = await scenario();
    const exported = await history.exportCustomer('cus-1');
    expect(exported.contacts.map((contact) => contact.id).sort()).toEqual([first, live].sort());
    expect(JSON.stringify(exported)).toContain(canary);
    expect(
      new Set(exported.events.map(({ event }) => event.contactId ?? event.contact?.id)),
    ).toEqual(new Set([first, live]));
  });

  it('is an admin action of a desk: agents are refused, an admin erases', async () => {
    const { center, ada, boss, first, live } = await scenario();
    const refused = await ada
      .invoke('admin.eraseCustomer', { customerId: 'cus-1' })
      .catch((error: unknown) => error);
    expect(isSwitchboardError(refused, 'PERMISSION_DENIED')).toBe(true);
    expect(() =>
      center.eraseCustomer({ customerId: 'cus-1' }, { id: 'sam', roles: ['supervisor'] }),
    ).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
    expect(JSON.stringify(ada.getSnapshot())).toContain(canary);

    const seen: unknown[] = [];
    ada.events.on('contact.erased', (event) => seen.push(event.contactId));
    const erasure = await boss.invoke('admin.eraseCustomer', {
      customerId: 'cus-1',
      tombstone: 'erased-t1',
    });
    expect(erasure).toMatchObject({ tombstone: 'erased-t1', actor: { id: 'root' } });
    expect(seen).toEqual([first, live]);
    expect(JSON.stringify([center.getSnapshot(), ada.getSnapshot()])).not.toContain(canary);
  });
});
