import { definePlugin } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { createMessagingHost, smsFromKim } from '../test/messagingHost';

describe('smsSocialChannel', () => {
  it('shows the conversation as data and replies through the sender', async () => {
    const { host, handle, signed, wire, api } = await createMessagingHost();
    const changes: number[] = [];
    api.subscribe(() => changes.push(api.getSnapshot().threads.length));
    const { contactId } = JSON.parse((await handle(await signed(smsFromKim('m1')))).body) as {
      contactId: string;
    };
    expect(api.getSnapshot().threads).toEqual([
      expect.objectContaining({ contactId, channel: 'sms', status: 'offered', sending: 0 }),
    ]);
    expect(api.getSnapshot().threads[0]?.conversation?.messages[0]?.text).toBe(
      'Is my parcel coming?',
    );
    expect(changes.at(-1)).toBe(1);
    expect(api.getSnapshot()).toBe(api.getSnapshot());

    await expect(api.reply(contactId, { text: 'Too early' })).rejects.toMatchObject({
      code: 'MESSAGING_NOT_HELD',
    });
    await host.desk.accept(contactId);
    const reply = await api.reply(contactId, { text: 'It arrives today.' });
    expect(wire.sent).toEqual([
      {
        channel: 'sms',
        network: 'sms',
        to: '+33612345678',
        from: '+33900000000',
        text: 'It arrives today.',
        media: [],
        conversationId: 'sms:sms:+33612345678',
      },
    ]);
    expect(reply).toMatchObject({ direction: 'outbound', id: 'out-1', agentId: 'agent-1' });
    expect(api.conversation(contactId)?.messages.map((m) => m.direction)).toEqual([
      'inbound',
      'outbound',
    ]);
    expect(host.events.of('sms-social.replySent')).toEqual([
      { contactId, conversationId: 'sms:sms:+33612345678', result: 'out-1' },
    ]);
    expect(host.failures()).toEqual([]);
    await host.dispose();
  });

  it('reports a refused send and rejects invalid drafts', async () => {
    const { host, handle, signed, wire, api } = await createMessagingHost();
    const { contactId } = JSON.parse((await handle(await signed(smsFromKim('m1')))).body) as {
      contactId: string;
    };
    await host.desk.accept(contactId);
    wire.state.failure = new Error('provider said 503');
    await expect(api.reply(contactId, { text: 'Hello' })).rejects.toMatchObject({
      code: 'MESSAGING_SEND_FAILED',
    });
    expect(api.getSnapshot().threads[0]).toMatchObject({
      sending: 0,
      lastError: 'MESSAGING_SEND_FAILED',
    });
    expect(host.events.of('sms-social.replyFailed')).toHaveLength(1);
    delete wire.state.failure;
    await api.reply(contactId, { text: 'Hello' });
    expect(api.getSnapshot().threads[0]?.lastError).toBeNull();
    await expect(api.reply(contactId, { text: '' })).rejects.toMatchObject({
      code: 'MESSAGING_INVALID',
    });
    await expect(api.reply('nobody', { text: 'x' })).rejects.toMatchObject({
      code: 'MESSAGING_NOT_HELD',
    });
    await host.dispose();
  });

  it('keeps the desk running when its listeners or subscribers throw', async () => {
    const noisy = definePlugin({
      name: 'noisy',
      version: '1.0.0',
      permissions: ['sms-social:read'],
      setup(ctx) {
        ctx.events.on('sms-social.replySent', () => {
          throw new Error('listener broke');
        });
      },
    });
    const { host, handle, signed, wire, api } = await createMessagingHost([noisy]);
    api.subscribe(() => {
      throw new Error('UI broke');
    });
    const { contactId } = JSON.parse((await handle(await signed(smsFromKim('m1')))).body) as {
      contactId: string;
    };
    await host.desk.accept(contactId);
    await api.reply(contactId, { text: 'Sent anyway' });
    expect(wire.sent).toHaveLength(1);
    expect(host.failures()).toEqual([
      expect.objectContaining({ plugin: 'noisy', phase: 'listener', disabled: false }),
    ]);
    await host.desk.wrapUp(contactId);
    await host.desk.complete(contactId);
    expect(api.getSnapshot().threads).toEqual([]);
    await host.dispose();
  });
});
