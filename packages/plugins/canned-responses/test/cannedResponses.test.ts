import { isSwitchboardError } from '@switchboard/core';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { cannedResponses, type CannedResponsesConfig, type OutboundReply } from '../src';

const hosts: TestHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.dispose()));
});

/** A sender that keeps what it is given: the channel plugins are written elsewhere. */
function keepingSender() {
  const sent: OutboundReply[] = [];
  return { sent, send: (reply: OutboundReply) => void sent.push(reply) };
}

async function host(config: CannedResponsesConfig) {
  const created = await createTestHost({
    agent: {
      id: 'ada',
      name: 'Ada Lovelace',
      capacity: { voice: 1, chat: 3, email: 5, sms: 3, social: 3 },
    },
    plugins: [{ plugin: cannedResponses, config }],
    center: {
      queues: [
        { id: 'default', name: 'Default' },
        { id: 'billing', name: 'Billing' },
      ],
    },
  });
  hosts.push(created);
  return created;
}

const responses: CannedResponsesConfig['responses'] = [
  {
    id: 'greet',
    title: 'Greeting',
    body: 'Hello {{customer.firstName}}, this is {{agent.firstName}} from {{contact.queue}}.',
    subject: 'Your {{contact.queue}} request',
  },
  {
    id: 'invoice',
    title: 'Invoice copy',
    body: 'Your invoice {{contact.invoice}} is attached.',
    queues: ['billing'],
  },
  {
    id: 'bye',
    title: 'Goodbye',
    body: 'Thanks for contacting us, {{customer.name | "and have a nice day"}}.',
  },
];

describe('cannedResponses', () => {
  it('fills replies from the customer, the contact and the agent', async () => {
    const test = await host({ responses, queueNames: { billing: 'Billing team' } });
    const api = test.plugin('cannedResponses');
    const chat = await test.take({
      queueId: 'billing',
      customer: { name: 'Grace Hopper' },
      attributes: { invoice: 'INV-77' },
    });
    expect(api.render(chat.id, 'greet')).toEqual({
      responseId: 'greet',
      text: 'Hello Grace, this is Ada from Billing team.',
      subject: 'Your Billing team request',
      missing: [],
    });
    expect(api.render(chat.id, 'invoice').text).toBe('Your invoice INV-77 is attached.');
  });

  it('offers per-queue sets and searches within them', async () => {
    const test = await host({
      responses,
      macros: [{ id: 'wrap', title: 'Wrap up', parts: ['invoice', 'bye'] }],
    });
    const api = test.plugin('cannedResponses');
    const bill = await test.take({ queueId: 'billing' });
    const other = await test.take({ queueId: 'default' });
    expect(api.available(bill.id).map((item) => item.id)).toEqual([
      'greet',
      'invoice',
      'bye',
      'wrap',
    ]);
    expect(api.available(other.id).map((item) => item.id)).toEqual(['greet', 'bye']);
    expect(api.search('INVOICE', bill.id).map((item) => item.id)).toEqual(['invoice', 'wrap']);
    expect(api.search('invoice', other.id)).toEqual([]);
    expect(() => api.render(other.id, 'invoice')).toThrow(/not available/);
  });

  it('sends through the port, and refuses to send with a variable missing', async () => {
    const sender = keepingSender();
    const test = await host({ responses, sender });
    const api = test.plugin('cannedResponses');
    const anonymous = await test.take({ channel: 'email' });
    expect(api.render(anonymous.id, 'greet').missing).toEqual(['customer.firstName']);
    const refused = await api.send(anonymous.id, 'greet').catch((error: unknown) => error);
    expect(isSwitchboardError(refused, 'VALIDATION_FAILED')).toBe(true);
    expect(sender.sent).toEqual([]);

    await api.send(anonymous.id, 'bye');
    expect(sender.sent).toEqual([
      {
        contactId: anonymous.id,
        channel: 'email',
        kind: 'reply',
        text: 'Thanks for contacting us, and have a nice day.',
        responseId: 'bye',
      },
    ]);
    expect(test.events.of('cannedResponses.sent')).toMatchObject([
      { contactId: anonymous.id, responseId: 'bye' },
    ]);
  });

  it('refuses sending without a sender, and contacts the agent does not hold', async () => {
    const test = await host({ responses });
    const api = test.plugin('cannedResponses');
    const chat = await test.take({ customer: { name: 'Grace' } });
    expect(
      isSwitchboardError(await api.send(chat.id, 'bye').catch((e: unknown) => e), 'NOT_FOUND'),
    ).toBe(true);
    expect(() => api.available('nobody')).toThrow(/not with this agent/);
  });

  it('a sender that throws reaches the caller; the desk keeps serving', async () => {
    const test = await host({
      responses,
      sender: {
        send() {
          throw new RangeError('socket closed');
        },
      },
    });
    const chat = await test.take({ customer: { name: 'Grace' } });
    await expect(test.plugin('cannedResponses').send(chat.id, 'bye')).rejects.toThrow(
      'socket closed',
    );
    await test.desk.wrapUp(chat.id);
    await test.desk.complete(chat.id);
    expect(test.failures()).toEqual([]);
  });

  it('rejects a configuration with a macro of unknown parts', async () => {
    const refused = await createTestHost({
      plugins: [
        { plugin: cannedResponses, config: { macros: [{ id: 'm', title: 'M', parts: ['x'] }] } },
      ],
    }).catch((error: unknown) => error);
    expect(isSwitchboardError(refused, 'PLUGIN_INVALID')).toBe(true);
  });
});
