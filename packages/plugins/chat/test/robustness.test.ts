import { afterEach, describe, expect, it } from 'vitest';
import type { ChatLink, ServerFrame } from '../src/index';
import { createRig, until, type ChatRig, type RigKind } from './support/rig';

/** A raw link that records the frames the gateway sends, to speak the protocol by hand. */
async function rawLink(rig: ChatRig) {
  const link: ChatLink = await rig.dial();
  const frames: ServerFrame[] = [];
  let closed = false;
  link.onMessage((data) => frames.push(JSON.parse(data) as ServerFrame));
  link.onClose(() => (closed = true));
  return {
    frames,
    closed: () => closed,
    send: (frame: unknown) => {
      link.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    },
    errors: () =>
      frames.filter(
        (frame): frame is Extract<ServerFrame, { type: 'error' }> => frame.type === 'error',
      ),
  };
}

describe.each<RigKind>(['inProcess', 'ws'])('robustness over %s', { timeout: 60_000 }, (kind) => {
  let rig: ChatRig;
  afterEach(async () => {
    await rig.close();
  });
  const chatApi = () => rig.host.plugin('chat');

  it('answers a malformed frame with a typed error and changes nothing', async () => {
    rig = await createRig(kind);
    const before = await rawLink(rig);
    before.send({ type: 'send', clientId: 'x', text: 'too early' });
    await until(() => before.errors().length === 1, 'hello required');
    expect(before.errors()[0]).toMatchObject({ code: 'HELLO_REQUIRED' });

    const customer = await rawLink(rig);
    customer.send({ type: 'hello', v: 1, role: 'customer', customer: { name: 'Eve' } });
    await until(() => customer.frames.some((frame) => frame.type === 'welcome'), 'a welcome');
    const welcome = customer.frames.find((frame) => frame.type === 'welcome');
    const contactId = welcome?.type === 'welcome' ? (welcome.conversationId ?? '') : '';
    const contactBefore = rig.host.center.getSnapshot().contacts.get(contactId);

    const malformed = [
      'not json{',
      JSON.stringify({ type: 'send', text: 'no client id' }),
      JSON.stringify({
        type: 'send',
        clientId: 'a',
        text: 'bad file',
        attachments: [{ name: 'x' }],
      }),
      JSON.stringify({ type: 'read', upTo: -1 }),
      JSON.stringify({ type: 'teleport' }),
      JSON.stringify([1, 2, 3]),
    ];
    for (const frame of malformed) customer.send(frame);
    customer.send('x'.repeat(70_000));
    await until(() => customer.errors().length === malformed.length + 1, 'one error per frame');
    expect(customer.errors().map((error) => error.code)).toEqual([
      ...malformed.map(() => 'MALFORMED_FRAME'),
      'FRAME_TOO_LARGE',
    ]);
    expect(customer.errors()[1]).toMatchObject({
      issues: [expect.objectContaining({ path: ['clientId'] })],
    });
    expect(rig.host.center.getSnapshot().contacts.get(contactId)).toBe(contactBefore);
    expect(await rig.gateway.transcript(contactId)).toEqual([]);

    // The session survives: a good frame after the bad ones works.
    customer.send({ type: 'send', clientId: 'ok-1', text: 'Hello' });
    await until(() => customer.frames.some((frame) => frame.type === 'message'), 'the echo');
    expect(await rig.gateway.transcript(contactId)).toHaveLength(1);

    // An agent may only write in chats they hold, and only agents the centre knows may connect.
    const agent = await rawLink(rig);
    agent.send({ type: 'hello', v: 1, role: 'agent', agentId: 'agent-1' });
    await until(() => agent.frames.some((frame) => frame.type === 'welcome'), 'the agent welcome');
    agent.send({ type: 'send', contactId, clientId: 'a-1', text: 'not mine' });
    agent.send({ type: 'typing', contactId });
    await until(() => agent.errors().length === 2, 'two refusals');
    expect(agent.errors()).toEqual([
      expect.objectContaining({ code: 'NOT_YOUR_CHAT', contactId }),
      expect.objectContaining({ code: 'MALFORMED_FRAME' }),
    ]);
    const stranger = await rawLink(rig);
    stranger.send({ type: 'hello', v: 1, role: 'agent', agentId: 'mallory' });
    await until(() => stranger.closed(), 'the stranger to be shown out');
    expect(stranger.errors()).toEqual([expect.objectContaining({ code: 'UNAUTHORIZED' })]);
    const future = await rawLink(rig);
    future.send({ type: 'hello', v: 2, role: 'customer' });
    await until(() => future.closed(), 'a version refusal');
    expect(future.errors()).toEqual([expect.objectContaining({ code: 'VERSION_UNSUPPORTED' })]);
    expect(await rig.gateway.transcript(contactId)).toHaveLength(1);
    expect(rig.gateway.size()).toBe(1);
  });

  it('keeps the desk up when a listener of chat throws', async () => {
    rig = await createRig(kind);
    await until(() => chatApi().getSnapshot().connection === 'open', 'the desk to connect');
    rig.host.desk.events.on('chat.messageReceived', () => {
      throw new Error('a host listener broke');
    });
    const heard: number[] = [];
    rig.host.desk.events.on('chat.messageReceived', ({ message }) => heard.push(message.seq));
    chatApi().subscribe(() => {
      throw new Error('a snapshot subscriber broke');
    });
    let renders = 0;
    chatApi().subscribe(() => (renders += 1));

    const customer = rig.customer();
    customer.subscribe(() => {
      throw new Error('a widget subscriber broke');
    });
    await until(() => customer.getSnapshot().conversationId !== null, 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(contactId);
    for (const text of ['one', 'two', 'three']) customer.send(text);
    await until(() => heard.length === 3, 'three messages on the desk');
    expect(heard).toEqual([1, 2, 3]);
    expect(renders).toBeGreaterThan(3);
    expect(rig.host.failures()).toEqual(
      [1, 2, 3].map(
        () => expect.objectContaining({ phase: 'listener', disabled: false }) as unknown,
      ),
    );
    chatApi().send(contactId, 'still here');
    await until(() => customer.getSnapshot().messages.length === 4, 'the reply');
    await rig.host.desk.wrapUp(contactId);
    await rig.host.desk.complete(contactId);
    expect(rig.host.desk.getSnapshot().contacts).toEqual([]);
  });
});

describe('local input', () => {
  it('refuses bad sends on both sides without sending anything', async () => {
    const rig = await createRig('inProcess');
    await until(() => rig.host.plugin('chat').getSnapshot().connection === 'open', 'connect');
    const api = rig.host.plugin('chat');
    expect(() => api.send('nobody', 'hi')).toThrow(
      expect.objectContaining({ code: 'NOT_YOUR_CHAT' }),
    );
    const customer = rig.customer();
    await until(() => customer.getSnapshot().conversationId !== null, 'a welcome');
    const contactId = customer.getSnapshot().conversationId ?? '';
    await rig.host.desk.accept(contactId);
    await until(() => api.getSnapshot().chats.length === 1, 'the chat');
    const badFile = { name: 'x', type: 'text/plain', size: -1, url: 'not a url' };
    expect(() => api.send(contactId, 'file', { attachments: [badFile] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(customer.send('x'.repeat(8_001))).toBeNull();
    expect(customer.getSnapshot().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(customer.getSnapshot().pending).toEqual([]);
    expect(rig.sends().frames).toBe(0);
    expect(() => rig.gateway.post(contactId, '')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    rig.gateway.post(contactId, 'You are talking to Test Agent');
    await until(() => customer.getSnapshot().messages.length === 1, 'the system message');
    expect(customer.getSnapshot().messages[0]).toMatchObject({ from: 'system', seq: 1 });
    await rig.close();
  });
});
