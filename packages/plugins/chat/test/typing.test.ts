import { afterEach, describe, expect, it } from 'vitest';
import { createRig, deskOf, until, type ChatRig } from './support/rig';

// Typing indicators switch themselves off when not renewed, on the injected (virtual) clock:
// the desk's `customerTyping` and the widget's `agentTyping` alike.
describe('typing indicators expire', { timeout: 60_000 }, () => {
  let rig: ChatRig;
  afterEach(async () => {
    await rig.close();
  });
  const { api: chatApi, chat: deskChat } = deskOf(() => rig);

  async function connected(typingTimeoutMs?: number | null) {
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const customer = rig.customer(typingTimeoutMs === undefined ? {} : { typingTimeoutMs });
    await until(() => customer.getSnapshot().status === 'queued', 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(contactId);
    await until(() => customer.getSnapshot().status === 'connected', 'the agent');
    return { customer, contactId };
  }

  it('after the configured time without a renewal, on both sides', async () => {
    rig = await createRig('inProcess', {}, {}, { typingTimeoutMs: 5_000 });
    const { customer, contactId } = await connected(3_000);
    customer.setTyping(true);
    await until(() => deskChat(contactId)?.customerTyping === true, 'customer typing');
    rig.host.clock.advance(4_000);
    // Renewed (seen on the desk as a stop then a start): the 5 s start again.
    customer.setTyping(false);
    await until(() => deskChat(contactId)?.customerTyping === false, 'customer paused');
    customer.setTyping(true);
    await until(() => deskChat(contactId)?.customerTyping === true, 'customer typing again');
    rig.host.clock.advance(4_000);
    expect(deskChat(contactId)?.customerTyping).toBe(true);
    rig.host.clock.advance(1_000);
    expect(deskChat(contactId)?.customerTyping).toBe(false);

    chatApi().setTyping(contactId, true);
    await until(() => customer.getSnapshot().agentTyping, 'agent typing');
    rig.host.clock.advance(2_999);
    expect(customer.getSnapshot().agentTyping).toBe(true);
    rig.host.clock.advance(1);
    expect(customer.getSnapshot().agentTyping).toBe(false);
  });

  it('never, with `null`; and a stop cancels the expiry', async () => {
    rig = await createRig('inProcess', {}, {}, { typingTimeoutMs: null });
    const { customer, contactId } = await connected(null);
    customer.setTyping(true);
    chatApi().setTyping(contactId, true);
    await until(() => deskChat(contactId)?.customerTyping === true, 'customer typing');
    await until(() => customer.getSnapshot().agentTyping, 'agent typing');
    rig.host.clock.advance(3_600_000);
    expect(deskChat(contactId)?.customerTyping).toBe(true);
    expect(customer.getSnapshot().agentTyping).toBe(true);
    customer.setTyping(false);
    await until(() => deskChat(contactId)?.customerTyping === false, 'customer stopped');
  });

  it('by default after 10 s', async () => {
    rig = await createRig('inProcess');
    const { customer, contactId } = await connected();
    customer.setTyping(true);
    await until(() => deskChat(contactId)?.customerTyping === true, 'customer typing');
    rig.host.clock.advance(9_999);
    expect(deskChat(contactId)?.customerTyping).toBe(true);
    rig.host.clock.advance(1);
    expect(deskChat(contactId)?.customerTyping).toBe(false);
  });
});
