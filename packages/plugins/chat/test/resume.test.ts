import { afterEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../src/client';
import type { ChatMessage } from '../src/index';
import { createRig, until, type ChatRig, type RigKind } from './support/rig';

const cuts = 50;

/** Seqs 1..n in order, and each text once. */
function expectWhole(messages: readonly ChatMessage[]) {
  expect(messages.map((message) => message.seq)).toEqual(messages.map((_, index) => index + 1));
  expect(new Set(messages.map((message) => message.text)).size).toBe(messages.length);
}

describe.each<RigKind>(['inProcess', 'ws'])('resume over %s', { timeout: 60_000 }, (kind) => {
  let rig: ChatRig;
  afterEach(async () => {
    await rig.close();
  });
  const chatApi = () => rig.host.plugin('chat');

  async function connectedChat(): Promise<[ChatClient, string]> {
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    const customer = rig.customer();
    await until(() => customer.getSnapshot().conversationId !== null, 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(contactId);
    await until(() => chatApi().getSnapshot().chats.length === 1, 'the chat on the desk');
    return [customer, contactId];
  }

  it(`loses and doubles nothing across ${cuts} cut connections`, { timeout: 120_000 }, async () => {
    rig = await createRig(kind);
    const [customer, contactId] = await connectedChat();
    // Count welcomes on each side: a round ends once both sides were welcomed again.
    let reconnects = 0;
    const opens = { customer: 0, agent: 0 };
    let last = { customer: 'open', agent: 'open' };
    const watch = (side: 'customer' | 'agent', state: () => string) => () => {
      const now = state();
      if (now === 'open' && last[side] !== 'open') opens[side] += 1;
      if (now === 'reconnecting' && last[side] !== 'reconnecting' && side === 'customer')
        reconnects += 1;
      last = { ...last, [side]: now };
    };
    customer.subscribe(watch('customer', () => customer.getSnapshot().connection));
    chatApi().subscribe(watch('agent', () => chatApi().getSnapshot().connection));
    // A cut during a handshake makes the next attempt wait a back-off on the virtual clock.
    const tick = () => {
      if (last.customer === 'reconnecting' || last.agent === 'reconnecting') rig.host.advance(500);
    };
    let broken = 0;
    const expected = new Set<string>();
    for (let round = 0; round < cuts; round += 1) {
      for (const text of [`c${round}`, `a${round}`]) expected.add(text);
      customer.send(`c${round}`);
      chatApi().send(contactId, `a${round}`);
      // Let some rounds get frames on the wire before the cut, others not.
      if (round % 3 !== 0) await new Promise((resolve) => setTimeout(resolve, round % 5));
      const before = { ...opens };
      broken += rig.cut();
      // Sent while the link is down: kept pending, resent after the resume.
      for (const text of [`c${round}x`, `a${round}x`]) expected.add(text);
      customer.send(`c${round}x`);
      chatApi().send(contactId, `a${round}x`);
      await until(
        () => opens.customer > before.customer && opens.agent > before.agent,
        `both sides to reconnect after cut ${round}`,
        20_000,
        tick,
      );
    }
    const desk = () => chatApi().getSnapshot().chats[0];
    await until(
      () =>
        customer.getSnapshot().messages.length === expected.size &&
        desk()?.messages.length === expected.size &&
        customer.getSnapshot().pending.length === 0 &&
        desk()?.pending.length === 0,
      'every message on both sides',
      30_000,
    );
    const seen = customer.getSnapshot().messages;
    expectWhole(seen);
    expect(desk()?.messages).toEqual(seen);
    expect(new Set(seen.map((message) => message.text))).toEqual(expected);
    expect(await rig.gateway.transcript(contactId)).toEqual(seen);
    expect(rig.host.failures()).toEqual([]);
    const { frames, distinct } = rig.sends();
    expect(distinct).toBe(expected.size);
    console.info(
      `[chat resume over ${kind}] ${cuts} cuts, ${broken} links broken, ${reconnects} customer reconnects; ` +
        `${seen.length} messages sent, customer holds ${seen.length}, agent holds ${desk()?.messages.length ?? 0}, ` +
        `transcript ${seen.length}; ${frames - distinct} resends of ${frames} send frames; lost 0, doubled 0`,
    );
  });

  it('resumes after a page reload from the resume point, and refuses a wrong token', async () => {
    rig = await createRig(kind);
    const [customer, contactId] = await connectedChat();
    customer.send('before the reload');
    chatApi().send(contactId, 'an answer');
    await until(() => customer.getSnapshot().messages.length === 2, 'two messages');
    const point = customer.resumePoint();
    expect(point).toMatchObject({ conversationId: contactId, lastSeq: 2 });
    customer.close();

    // A reloaded page keeps the id and token but no messages: it resumes from seq 0.
    const reloaded = rig.customer({ resume: { ...point!, lastSeq: 0 } });
    await until(() => reloaded.getSnapshot().messages.length === 2, 'the history again');
    expect(reloaded.getSnapshot()).toMatchObject({
      status: 'connected',
      conversationId: contactId,
    });
    reloaded.send('after the reload');
    await until(() => chatApi().getSnapshot().chats[0]?.messages.length === 3, 'the new message');
    expect(rig.host.center.getSnapshot().contacts.get(contactId)?.status).toBe('connected');

    const intruder = rig.customer({
      resume: { conversationId: contactId, token: 'guess', lastSeq: 0 },
    });
    await until(() => intruder.getSnapshot().error !== null, 'the refusal');
    expect(intruder.getSnapshot()).toMatchObject({
      status: 'ended',
      messages: [],
      error: { code: 'UNKNOWN_CONVERSATION' },
    });
  });
});

describe('the resume window', { timeout: 30_000 }, () => {
  it('counts a customer gone for longer than the window as having left', async () => {
    const rig = await createRig('inProcess', { login: false });
    const customer = rig.customer();
    await until(() => customer.getSnapshot().conversationId !== null, 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    customer.close();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the close reaches the gateway
    rig.host.advance(59_999);
    expect(rig.host.center.getSnapshot().contacts.get(contactId)?.status).toBe('queued');
    rig.host.advance(1);
    expect(rig.host.center.getSnapshot().contacts.get(contactId)?.status).toBe('abandoned');
    // Ended and nobody left to resume: forgotten one window later (the transcript stays).
    expect(rig.gateway.size()).toBe(1);
    rig.host.advance(60_000);
    expect(rig.gateway.size()).toBe(0);
    expect(await rig.gateway.transcript(contactId)).toEqual([]);
    await rig.close();
  });
});
