import { fc, test } from '@fast-check/vitest';
import { createTestHost } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createEmailInbox } from './createEmailInbox';
import type { InboundEmailInput } from './message';

const mail = (messageId: string, extra: Partial<InboundEmailInput> = {}): InboundEmailInput => ({
  messageId: `<${messageId}>`,
  from: { address: 'kim@example.com', name: 'Kim' },
  to: [{ address: 'support@example.com' }],
  subject: 'Refund',
  text: 'Where is my refund?',
  ...extra,
});

async function setUp() {
  const host = await createTestHost();
  const inbox = createEmailInbox({ center: host.center, queueId: 'default', clock: host.clock });
  return { host, inbox };
}

describe('createEmailInbox', () => {
  it('opens an email contact offered to the agent, with the customer and subject', async () => {
    const { host, inbox } = await setUp();
    const result = inbox.receive(mail('a@customer'));
    expect(result).toEqual({
      outcome: 'opened',
      threadId: 'a@customer',
      contactId: result.contactId,
    });
    const contact = host.center.getSnapshot().contacts.get(result.contactId);
    expect(contact).toMatchObject({
      channel: 'email',
      status: 'offered',
      agentId: 'agent-1',
      customer: { email: 'kim@example.com', name: 'Kim' },
      attributes: { subject: 'Refund', threadId: 'a@customer' },
    });
    expect(inbox.threadOf(result.contactId)?.messages.map((m) => m.date)).toEqual([
      host.clock.now(),
    ]);
    await host.dispose();
  });

  it('joins replies by In-Reply-To or by References alone, and ignores a repeated Message-ID', async () => {
    const { host, inbox } = await setUp();
    const first = inbox.receive(mail('a@customer'));
    const byInReplyTo = inbox.receive(mail('b@customer', { inReplyTo: '<a@customer>' }));
    const byReferences = inbox.receive(
      mail('c@customer', { references: ['<unknown@elsewhere>', '<b@customer>'] }),
    );
    const again = inbox.receive(mail('b@customer', { inReplyTo: '<a@customer>' }));
    expect([byInReplyTo.outcome, byReferences.outcome, again.outcome]).toEqual([
      'joined',
      'joined',
      'duplicate',
    ]);
    expect(new Set([first, byInReplyTo, byReferences, again].map((r) => r.contactId)).size).toBe(1);
    expect(inbox.threadOf(first.contactId)?.messages.map((m) => m.messageId)).toEqual([
      'a@customer',
      'b@customer',
      'c@customer',
    ]);
    expect(host.events.of('contact.offered')).toHaveLength(1);
    await host.dispose();
  });

  it('reopens a follow-up contact when the thread’s contact is finished', async () => {
    const { host, inbox } = await setUp();
    const first = inbox.receive(mail('a@customer'));
    await host.desk.accept(first.contactId);
    await host.desk.wrapUp(first.contactId);
    await host.desk.complete(first.contactId);
    const followUp = inbox.receive(mail('b@customer', { inReplyTo: 'a@customer' }));
    expect(followUp.outcome).toBe('reopened');
    expect(followUp.contactId).not.toBe(first.contactId);
    expect(host.center.getSnapshot().contacts.get(followUp.contactId)?.attributes).toMatchObject({
      followUpOf: first.contactId,
      threadId: 'a@customer',
    });
    const thread = inbox.threadOf(followUp.contactId);
    expect(thread?.contactIds).toEqual([first.contactId, followUp.contactId]);
    expect(inbox.threadOf(first.contactId)).toBe(thread);
    await host.dispose();
  });

  it('refuses an invalid message with EMAIL_INVALID and creates nothing', async () => {
    const { host, inbox } = await setUp();
    let changes = 0;
    inbox.subscribe(() => (changes += 1));
    expect(() =>
      inbox.receive(mail('a@customer', { from: { address: 'not an address' } })),
    ).toThrow(expect.objectContaining({ code: 'EMAIL_INVALID' }));
    expect(() => inbox.receive({ ...mail('x'), messageId: '<>' })).toThrow(
      expect.objectContaining({ code: 'EMAIL_INVALID' }),
    );
    expect(host.center.getSnapshot().contacts.size).toBe(0);
    expect(changes).toBe(0);
    expect(inbox.getSnapshot().threads.size).toBe(0);
    expect(() => {
      inbox.recordSent('nope', {} as never);
    }).toThrow(expect.objectContaining({ code: 'EMAIL_NO_THREAD' }));
    await host.dispose();
  });

  it('keeps receiving when a subscriber throws, and keeps the snapshot until a change', async () => {
    const { host, inbox } = await setUp();
    const seen: number[] = [];
    inbox.subscribe(() => {
      throw new Error('subscriber broke');
    });
    inbox.subscribe(() => seen.push(inbox.getSnapshot().threads.size));
    inbox.receive(mail('a@customer'));
    inbox.receive(mail('b@other', { from: { address: 'lee@example.com' } }));
    expect(seen).toEqual([1, 2]);
    expect(inbox.getSnapshot()).toBe(inbox.getSnapshot());
    await host.dispose();
  });

  test.prop([fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 25 })])(
    'delivering messages any number of times gives one message each and one contact per root',
    async (deliveries) => {
      const { host, inbox } = await setUp();
      // Message n answers message n - 2 (two interleaved threads: the even and the odd ones).
      const message = (n: number) =>
        mail(`m${n}@customer`, n >= 2 ? { inReplyTo: `m${n - 2}@customer` } : {});
      // In order of first delivery.
      const delivered = new Set<number>();
      for (const n of deliveries) {
        // A reply only threads when its parent came first; deliver the missing parents first.
        for (let parent = n % 2; parent <= n; parent += 2) {
          inbox.receive(message(parent));
          delivered.add(parent);
        }
      }
      const threads = [...inbox.getSnapshot().threads.values()];
      expect(threads.flatMap((thread) => thread.messages)).toHaveLength(delivered.size);
      expect(host.center.getSnapshot().contacts.size).toBe(threads.length);
      expect(threads.length).toBe(new Set([...delivered].map((n) => n % 2)).size);
      // Each thread is rooted at m0 or m1 and holds its parity's messages in delivery order.
      for (const thread of threads) {
        const parity = thread.id === 'm0@customer' ? 0 : 1;
        expect(thread.id).toBe(`m${parity}@customer`);
        expect(thread.messages.map((held) => held.messageId)).toEqual(
          [...delivered].filter((n) => n % 2 === parity).map((n) => `m${n}@customer`),
        );
      }
      await host.dispose();
    },
  );
});
