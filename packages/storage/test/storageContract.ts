// The contract every Storage adapter meets: the core's memory storage, the file adapter (Node)
// and the IndexedDB adapter (headless Chromium) all run these checks. They use no test runner,
// so the same code runs in Node under vitest and bundled into a browser page.
import type { Storage } from '@switchboard/core';
import { openTicketBook } from '@switchboard/core/history';
import { createVirtualClock } from '@switchboard/core/testing';

/** An adapter under test: each `open()` opens the same place again (or returns the same object). */
export interface ContractTarget {
  /** Opens the storage; a durable adapter's second open sees what the first stored. */
  open(): Promise<Storage & { close?: () => unknown }>;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new TypeError(`contract broken: ${message}`);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function reopen(target: ContractTarget, storage: Storage & { close?: () => unknown }) {
  await storage.close?.();
  return target.open();
}

const ada = { id: 'ada', roles: ['agent' as const] };
const sam = { id: 'sam', roles: ['supervisor' as const] };
const canary = 'CANARY-5d1e';

/** Each check by name. */
export const storageContract: Record<string, (target: ContractTarget) => Promise<void>> = {
  async 'a missing key reads as undefined'(target) {
    const storage = await target.open();
    check((await storage.get('nothing')) === undefined, 'missing key');
    check((await storage.keys()).length === 0, 'empty keys');
  },

  async 'set then get gives an equal copy, never the stored object'(target) {
    const storage = await target.open();
    const value = { a: [1, 'two', { three: null }], b: true, unicode: 'héllo 🌍' };
    await storage.set('k', value);
    value.a.push(4);
    const read = (await storage.get('k')) as typeof value;
    check(same(read, { a: [1, 'two', { three: null }], b: true, unicode: 'héllo 🌍' }), 'copy');
    read.b = false;
    check(((await storage.get('k')) as typeof value).b, 'read copy is detached');
  },

  async 'set replaces a value and keeps its first place; delete removes'(target) {
    const storage = await target.open();
    await storage.set('x', 1);
    await storage.set('y', 2);
    await storage.set('x', 3);
    check(same(await storage.keys(), ['x', 'y']), 'insertion order kept on replace');
    check((await storage.get('x')) === 3, 'replaced');
    await storage.delete('x');
    await storage.delete('never-there');
    check((await storage.get('x')) === undefined, 'deleted');
    check(same(await storage.keys(), ['y']), 'keys after delete');
    await storage.set('x', 4);
    check(same(await storage.keys(), ['y', 'x']), 'a deleted key set again goes last');
  },

  async 'keys filter by prefix, in insertion order'(target) {
    const storage = await target.open();
    for (const key of ['b/2', 'a/1', 'b/10', 'b/1', 'ab']) await storage.set(key, key);
    check(same(await storage.keys('b/'), ['b/2', 'b/10', 'b/1']), 'prefix b/');
    check(same(await storage.keys('a'), ['a/1', 'ab']), 'prefix a');
    check((await storage.keys('zzz')).length === 0, 'no match');
  },

  async 'writes started without waiting land in call order'(target) {
    const storage = await target.open();
    const writes = Array.from({ length: 50 }, (_, index) => storage.set(`n/${index}`, index));
    writes.push(storage.delete('n/7'));
    await Promise.all(writes);
    const keys = await storage.keys('n/');
    check(keys.length === 49 && keys[0] === 'n/0' && keys[48] === 'n/49', 'order');
    check((await storage.get('n/49')) === 49, 'last value');
  },

  async 'what was stored is there after a reopen'(target) {
    const first = await target.open();
    await first.set('kept', { n: 1 });
    await first.set('gone', 1);
    await first.delete('gone');
    await first.set('kept', { n: 2 });
    const second = await reopen(target, first);
    check(same(await second.get('kept'), { n: 2 }), 'value kept');
    check(same(await second.keys(), ['kept']), 'keys kept');
  },

  async 'a ticket book on history restores tickets, notes and open follow-ups'(target) {
    const clock = createVirtualClock();
    const storage = await target.open();
    const first = await openTicketBook({ storage, clock, snapshotEvery: 3 });
    const ticket = first.book.createTicket({ subject: 'Parcel lost' }, ada);
    first.book.transition(ticket.id, 'open', ada);
    const fields = { customer: 'Grace', reasonForContact: 'Lost', stepsTaken: 'Traced' };
    first.book.addNote({ target: { kind: 'ticket', id: ticket.id }, fields }, ada);
    const followUp = first.book.scheduleFollowUp(
      { target: { kind: 'ticket', id: ticket.id }, dueAt: clock.now() + 60_000 },
      ada,
    );
    await first.close();
    const again = await openTicketBook({ storage: await reopen(target, storage), clock });
    check(same(again.book.getSnapshot(), first.book.getSnapshot()), 'same state after reload');
    let due = 0;
    again.book.events.on('followUp.due', () => (due += 1));
    clock.advance(60_000);
    check(due === 1, 'follow-up timer re-armed');
    check(again.book.getSnapshot().followUps.get(followUp.id)?.status === 'due', 'status due');
    await again.close();
  },

  async 'erasing a customer leaves their canary in no stored value'(target) {
    const storage = await target.open();
    const persistent = await openTicketBook({ storage, snapshotEvery: 2 });
    const { book } = persistent;
    const ticket = book.createTicket(
      { subject: `Refund ${canary}`, customer: { id: 'cus-9', name: canary } },
      ada,
    );
    book.update(ticket.id, { description: canary }, ada);
    const fields = { customer: canary, reasonForContact: 'Refund', stepsTaken: canary };
    book.addNote({ target: { kind: 'customer', id: 'cus-9' }, fields }, ada);
    await persistent.flush();
    const dump = async () =>
      JSON.stringify(await Promise.all((await storage.keys()).map((key) => storage.get(key))));
    check((await dump()).includes(canary), 'canary planted');
    await persistent.eraseCustomer({ customerId: 'cus-9' }, sam);
    check(!(await dump()).includes(canary), 'canary gone from storage');
    check(!JSON.stringify(book.getSnapshot()).includes(canary), 'canary gone from the book');
    await persistent.close();
  },
};
