import { definePlugin, type PluginEntry } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { createEmailHost } from '../test/emailHost';
import type { EmailTransport, OutboundEmail } from './message';

/**
 * A transport that records what it is given (or fails when told to). Unit tests use it to reach
 * the plugin's failure paths; the real SMTP path (nodemailer to an SMTP server) is test/smtp.test.ts.
 */
function recordingTransport() {
  const sent: OutboundEmail[] = [];
  let failure: Error | undefined;
  const transport: EmailTransport = {
    send(message) {
      if (failure) return Promise.reject(failure);
      sent.push(message);
      return Promise.resolve({ accepted: message.to.map((to) => to.address), rejected: [] });
    },
  };
  return { transport, sent, failWith: (error: Error | undefined) => (failure = error) };
}

async function setUp(plugins: PluginEntry[] = []) {
  const wire = recordingTransport();
  return { wire, ...(await createEmailHost(wire.transport, plugins)) };
}

const customerMail = (id: string, extra: Record<string, unknown> = {}) => ({
  messageId: `<${id}>`,
  from: { address: 'kim@example.com', name: 'Kim' },
  subject: 'Refund for order 42',
  text: 'Where is my refund?',
  ...extra,
});

describe('emailChannel', () => {
  it('shows the offered thread as data and replies with threading headers', async () => {
    const { host, inbox, wire, api } = await setUp();
    const seen: number[] = [];
    api.subscribe(() => seen.push(api.getSnapshot().conversations.length));
    const { contactId } = inbox.receive(customerMail('a@customer'));
    expect(api.getSnapshot().conversations).toEqual([
      expect.objectContaining({ contactId, status: 'offered', sending: 0, lastError: null }),
    ]);
    expect(api.getSnapshot().conversations[0]?.thread?.subject).toBe('Refund for order 42');
    expect(seen.length).toBeGreaterThan(0);

    await expect(api.reply(contactId, { text: 'Too early' })).rejects.toMatchObject({
      code: 'EMAIL_NOT_HELD',
    });
    await host.desk.accept(contactId);
    const reply = await api.reply(contactId, { text: 'It left today.' });
    expect(wire.sent).toEqual([
      expect.objectContaining({
        to: [{ address: 'kim@example.com', name: 'Kim' }],
        from: { address: 'support@example.com', name: 'Support' },
        subject: 'Re: Refund for order 42',
        inReplyTo: 'a@customer',
        references: ['a@customer'],
        text: 'It left today.',
      }),
    ]);
    expect(reply).toMatchObject({ direction: 'outbound', agentId: 'agent-1' });
    expect(reply.messageId).toMatch(/@example\.com$/);
    expect(host.events.of('email.replySent')).toEqual([
      { contactId, threadId: 'a@customer', messageId: reply.messageId },
    ]);

    // The customer answers our reply: it joins the same contact and thread.
    const answer = inbox.receive(customerMail('c@customer', { inReplyTo: `<${reply.messageId}>` }));
    expect(answer).toMatchObject({ outcome: 'joined', contactId });
    expect(api.thread(contactId)?.messages.map((m) => m.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
    ]);
    expect(host.failures()).toEqual([]);
    await host.dispose();
  });

  it('reports a failed send as EMAIL_SEND_FAILED, in the snapshot and as an event', async () => {
    const { host, inbox, wire, api } = await setUp();
    const { contactId } = inbox.receive(customerMail('a@customer'));
    await host.desk.accept(contactId);
    wire.failWith(new Error('connection refused'));
    await expect(api.reply(contactId, { text: 'Hello' })).rejects.toMatchObject({
      code: 'EMAIL_SEND_FAILED',
      cause: expect.objectContaining({ message: 'connection refused' }) as unknown,
    });
    expect(api.getSnapshot().conversations[0]).toMatchObject({
      sending: 0,
      lastError: { code: 'EMAIL_SEND_FAILED' },
    });
    expect(host.events.of('email.replyFailed')).toHaveLength(1);
    expect(api.thread(contactId)?.messages).toHaveLength(1);

    wire.failWith(undefined);
    await api.reply(contactId, { text: 'Hello again' });
    expect(api.getSnapshot().conversations[0]?.lastError).toBeNull();
    await expect(api.reply(contactId, { text: '' })).rejects.toMatchObject({
      code: 'EMAIL_INVALID',
    });
    await expect(api.reply('unknown', { text: 'x' })).rejects.toMatchObject({
      code: 'EMAIL_NOT_HELD',
    });
    await host.dispose();
  });

  it('lets another plugin hook the email.reply action', async () => {
    const guard = definePlugin({
      name: 'guard',
      version: '1.0.0',
      permissions: ['email:write'],
      setup(ctx) {
        ctx.actions.before('email.reply', ({ text }) =>
          text.includes('4111') ? { cancel: 'Card numbers may not be emailed' } : undefined,
        );
      },
    });
    const { host, inbox, wire, api } = await setUp([guard]);
    const { contactId } = inbox.receive(customerMail('a@customer'));
    await host.desk.accept(contactId);
    await expect(api.reply(contactId, { text: 'Card 4111 1111' })).rejects.toMatchObject({
      code: 'ACTION_CANCELLED',
    });
    expect(wire.sent).toEqual([]);
    await host.dispose();
  });

  it('keeps the desk running when a listener of its events or a subscriber of its API throws', async () => {
    const noisy = definePlugin({
      name: 'noisy',
      version: '1.0.0',
      permissions: ['email:read'],
      setup(ctx) {
        ctx.events.on('email.replySent', () => {
          throw new Error('listener broke');
        });
      },
    });
    const { host, inbox, wire, api } = await setUp([noisy]);
    api.subscribe(() => {
      throw new Error('UI broke');
    });
    const { contactId } = inbox.receive(customerMail('a@customer'));
    await host.desk.accept(contactId);
    await api.reply(contactId, { text: 'Sent anyway' });
    expect(wire.sent).toHaveLength(1);
    expect(host.failures()).toEqual([
      expect.objectContaining({ plugin: 'noisy', phase: 'listener', disabled: false }),
    ]);
    await host.desk.wrapUp(contactId);
    await host.desk.complete(contactId);
    expect(api.getSnapshot().conversations).toEqual([]);
    await host.dispose();
  });
});
