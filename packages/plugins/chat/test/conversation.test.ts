import { afterEach, describe, expect, it } from 'vitest';
import { createRig, until, type ChatRig, type RigKind } from './support/rig';

// The same conversation tests run on the in-process transport and on a real `ws` server on
// 127.0.0.1: the customer is the widget client, the agent a desk with the chat plugin.
describe.each<RigKind>(['inProcess', 'ws'])('a chat over %s', { timeout: 60_000 }, (kind) => {
  let rig: ChatRig;
  afterEach(async () => {
    await rig.close();
  });
  const chatApi = () => rig.host.plugin('chat');
  const deskChat = (contactId: string) =>
    chatApi()
      .getSnapshot()
      .chats.find((chat) => chat.contactId === contactId);

  it('opens a contact, relays messages, typing and read receipts, and keeps the transcript', async () => {
    rig = await createRig(kind);
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const customer = rig.customer({ customer: { name: 'Grace' }, attributes: { topic: 'parcel' } });
    await until(() => customer.getSnapshot().status === 'queued', 'a welcome');
    customer.send('Hello, my parcel is late');
    const contactId = customer.getSnapshot().conversationId ?? '';
    const contact = rig.host.center.getSnapshot().contacts.get(contactId);
    expect(contact).toMatchObject({
      channel: 'chat',
      status: 'offered',
      attributes: { chat: { topic: 'parcel' } },
    });

    await rig.host.desk.accept(contactId);
    await until(() => deskChat(contactId)?.messages.length === 1, 'the chat on the desk');
    expect(deskChat(contactId)).toMatchObject({
      customer: { name: 'Grace' },
      status: 'connected',
      unread: 1,
    });
    await until(
      () => customer.getSnapshot().status === 'connected',
      'the customer to see the agent',
    );

    chatApi().setTyping(contactId, true);
    await until(() => customer.getSnapshot().agentTyping, 'agent typing');
    chatApi().markRead(contactId);
    await until(() => customer.getSnapshot().agentReadUpTo === 1, 'the agent read receipt');
    const attachment = {
      name: 'label.pdf',
      type: 'application/pdf',
      size: 1234,
      url: 'https://files.example.com/label.pdf',
    };
    chatApi().send(contactId, 'Sorry! Here is your label', { attachments: [attachment] });
    await until(() => customer.getSnapshot().messages.length === 2, 'the reply');
    expect(customer.getSnapshot()).toMatchObject({ agentTyping: false, unread: 1 });
    expect(customer.getSnapshot().messages[1]).toMatchObject({
      seq: 2,
      from: 'agent',
      agentId: 'agent-1',
      attachments: [attachment],
    });

    customer.setTyping(true);
    await until(() => deskChat(contactId)?.customerTyping === true, 'customer typing');
    customer.markRead();
    await until(() => deskChat(contactId)?.customerReadUpTo === 2, 'the customer read receipt');
    expect(deskChat(contactId)?.pending).toEqual([]);

    const transcript = await rig.gateway.transcript(contactId);
    expect(transcript.map((message) => [message.seq, message.from, message.text])).toEqual([
      [1, 'customer', 'Hello, my parcel is late'],
      [2, 'agent', 'Sorry! Here is your label'],
    ]);
    expect(rig.host.events.of('chat.messageReceived')).toHaveLength(1);
    expect(rig.host.failures()).toEqual([]);
  });

  it('abandons a waiting contact when the customer leaves, and ends a connected one', async () => {
    rig = await createRig(kind, { login: false });
    const waiting = rig.customer();
    await until(() => waiting.getSnapshot().status === 'queued', 'a welcome');
    const waitingId = waiting.getSnapshot().conversationId ?? '';
    waiting.leave();
    await until(
      () => rig.host.center.getSnapshot().contacts.get(waitingId)?.status === 'abandoned',
      'the abandon',
    );

    await rig.host.desk.login();
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const talking = rig.customer();
    await until(() => talking.getSnapshot().conversationId !== null, 'a welcome');
    const talkingId = talking.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(talkingId);
    await until(() => deskChat(talkingId)?.status === 'connected', 'the chat on the desk');
    talking.leave();
    await until(() => deskChat(talkingId)?.status === 'ended', 'the desk to see the end');
    expect(rig.host.center.getSnapshot().contacts.get(talkingId)?.status).toBe('wrapUp');
    expect(() => chatApi().send(talkingId, 'Still there?')).toThrow(
      expect.objectContaining({ code: 'CHAT_ENDED' }),
    );
    await rig.host.desk.complete(talkingId);
    await until(() => deskChat(talkingId) === undefined, 'the chat to close');
    expect(rig.host.events.of('chat.closed')).toEqual([{ contactId: talkingId }]);
  });

  it('holds several chats at once within the chat capacity, and queues the next', async () => {
    rig = await createRig(kind);
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const customers = [0, 1, 2, 3].map((index) =>
      rig.customer({ customer: { name: `c${index}` } }),
    );
    await until(
      () => customers.every((c) => c.getSnapshot().conversationId !== null),
      'four welcomes',
    );
    const ids = customers.map((c) => c.getSnapshot().conversationId ?? '');
    const offered = ids.filter(
      (id) => rig.host.center.getSnapshot().contacts.get(id)?.status === 'offered',
    );
    expect(offered).toHaveLength(3); // the test agent's chat capacity
    for (const id of offered) await rig.host.desk.accept(id);
    await until(() => chatApi().getSnapshot().chats.length === 3, 'three chats');
    expect(chatApi().getSnapshot().capacity).toEqual({ used: 3, capacity: 3 });
    for (const [index, id] of offered.entries()) chatApi().send(id, `to ${index}`);
    await until(
      () => offered.every((id) => customers[ids.indexOf(id)]?.getSnapshot().messages.length === 1),
      'each reply in its own chat',
    );
    for (const [index, id] of offered.entries()) {
      expect(customers[ids.indexOf(id)]?.getSnapshot().messages[0]?.text).toBe(`to ${index}`);
    }
    const fourth = ids.find((id) => !offered.includes(id)) ?? '';
    expect(rig.host.center.getSnapshot().contacts.get(fourth)?.status).toBe('queued');
    await rig.host.desk.wrapUp(offered[0] ?? '');
    await rig.host.desk.complete(offered[0] ?? '');
    expect(rig.host.center.getSnapshot().contacts.get(fourth)?.status).toBe('offered');
  });
});
