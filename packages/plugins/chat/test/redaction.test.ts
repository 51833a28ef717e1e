import { definePlugin } from '@switchboard/core';
import { createRedactor } from '@switchboard/core/privacy';
import { redaction } from '@switchboard/plugin-redaction';
import { afterEach, describe, expect, it } from 'vitest';
import { createRig, deskOf, until, type ChatRig } from './support/rig';

// Transcripts are redacted before they are stored or sent, over a real `ws` server on 127.0.0.1:
// with the redaction plugin on the desk, what the desk keeps, emits and sends is masked; with a
// redactor on the gateway, what it stores and relays is masked too. The card is Luhn-valid.
const card = '4242 4242 4242 4242';
const digits = /4242 ?4242/;

describe('chat transcripts with redaction', { timeout: 60_000 }, () => {
  let rig: ChatRig;
  afterEach(async () => {
    await rig.close();
  });
  const { api: chatApi, chat: deskChat } = deskOf(() => rig);

  async function connected(customerName = 'Grace') {
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const customer = rig.customer({ customer: { name: customerName } });
    await until(() => customer.getSnapshot().status === 'queued', 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(contactId);
    await until(() => deskChat(contactId)?.status === 'connected', 'the chat on the desk');
    await until(() => customer.getSnapshot().status === 'connected', 'the agent');
    return { customer, contactId };
  }

  it('masks a card number on the desk (snapshot, event, reply) when the redaction plugin is loaded', async () => {
    rig = await createRig('ws', { plugins: [{ plugin: redaction, config: {} }] });
    const { customer, contactId } = await connected();
    customer.send(`my card is ${card}, thanks`);
    await until(() => deskChat(contactId)?.messages.length === 1, 'the message on the desk');
    const kept = deskChat(contactId)?.messages[0]?.text ?? '';
    expect(kept).toBe('my card is **** **** **** 4242, thanks');
    const received = rig.host.events.of('chat.messageReceived');
    expect(JSON.stringify(received)).not.toMatch(digits);
    expect(received[0]?.message.text).toBe(kept);

    chatApi().send(contactId, `I read ${card} back`);
    await until(() => customer.getSnapshot().messages.length === 2, 'the reply');
    const transcript = await rig.gateway.transcript(contactId);
    expect(transcript[1]?.text).toBe('I read **** **** **** 4242 back');
    expect(customer.getSnapshot().messages[1]?.text).toBe(transcript[1]?.text);
    expect(JSON.stringify(chatApi().getSnapshot())).not.toMatch(digits);
    expect(rig.host.failures()).toEqual([]);
  });

  it('stores and relays redacted text when the gateway has a redactor', async () => {
    rig = await createRig('ws', {}, { redactor: createRedactor() });
    const { customer, contactId } = await connected();
    customer.send(`card ${card}, mail grace@example.com`);
    await until(() => deskChat(contactId)?.messages.length === 1, 'the message on the desk');
    const transcript = await rig.gateway.transcript(contactId);
    expect(transcript[0]?.text).toBe('card **** **** **** 4242, mail [redacted]');
    expect(deskChat(contactId)?.messages[0]?.text).toBe(transcript[0]?.text);
    expect(customer.getSnapshot().messages[0]?.text).toBe(transcript[0]?.text);
  });

  const faulty = definePlugin({
    name: 'faulty',
    version: '1.0.0',
    setup: () => ({
      api: {
        redactMessage: () => {
          throw new TypeError('broken rules');
        },
      },
    }),
  });

  it('keeps the text as written when the redaction plugin is absent', async () => {
    rig = await createRig('inProcess', { plugins: [faulty] });
    const { customer, contactId } = await connected();
    customer.send(`card ${card}`);
    await until(() => deskChat(contactId)?.messages.length === 1, 'the message on the desk');
    // `redactWith` is `redaction` by default, and it is not loaded: chat runs without it.
    expect(deskChat(contactId)?.messages[0]?.text).toBe(`card ${card}`);
  });

  it('fails closed when the redactor throws, and keeps running', async () => {
    rig = await createRig('inProcess', { plugins: [faulty] }, {}, { redactWith: 'faulty' });
    const { customer, contactId } = await connected();
    customer.send(`card ${card}`);
    await until(() => deskChat(contactId)?.messages.length === 1, 'the message on the desk');
    expect(deskChat(contactId)?.messages[0]?.text).toBe('[redaction failed]');
    chatApi().send(contactId, 'Thank you');
    await until(() => customer.getSnapshot().messages.length === 2, 'the reply');
    expect(JSON.stringify(chatApi().getSnapshot())).not.toMatch(digits);
    expect(rig.host.plugin('chat').getSnapshot().connection).toBe('open');
  });
});
