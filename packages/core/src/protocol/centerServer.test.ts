import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { createVirtualClock } from '../testing/virtualClock';
import { createCenterServer } from './centerServer';
import { createInProcessTransport } from './inProcessTransport';
import {
  protocolVersion,
  serverMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from './messages';
import * as z from 'zod/mini';

function setup(historyLimit?: number) {
  const clock = createVirtualClock();
  let next = 0;
  const center = createContactCenter({
    clock,
    createId: () => `c${++next}`,
    queues: [{ id: 'q', name: 'Q' }],
  });
  center.registerAgent({ id: 'ada', name: 'Ada' });
  center.registerAgent({ id: 'bob', name: 'Bob' });
  const server = createCenterServer(center, { clock, historyLimit });
  const connect = () => {
    const { client, server: end } = createInProcessTransport();
    const received: ServerMessage[] = [];
    client.onMessage((message) => {
      // Every message the server sends must match the published schema.
      received.push(z.parse(serverMessageSchema, message));
    });
    const drop = server.accept(end);
    const send = (message: ClientMessage) => {
      client.send(message);
    };
    return { received, send, drop };
  };
  return { center, server, connect };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the desk protocol server', () => {
  it('welcomes with a snapshot, runs commands through the desk and streams the user’s events', async () => {
    const { center, connect } = setup();
    const ada = connect();
    ada.send({ type: 'hello', version: protocolVersion, agentId: 'ada' });
    expect(ada.received[0]).toMatchObject({ type: 'welcome', resumed: false, lastEventId: 0 });
    ada.send({ type: 'command', id: 'k1', action: 'agent.login', payload: {} });
    await flush();
    center.openContact({ channel: 'chat', queueId: 'q' });
    ada.send({ type: 'command', id: 'k2', action: 'contact.accept', payload: { contactId: 'c1' } });
    ada.send({ type: 'command', id: 'k3', action: 'contact.accept', payload: { contactId: 42 } });
    await flush();
    const results = ada.received.filter((message) => message.type === 'result');
    expect(results.map((result) => [result.id, result.ok])).toEqual([
      ['k1', true],
      ['k2', true],
      ['k3', false],
    ]);
    expect(results[2]).toMatchObject({
      error: { code: 'VALIDATION_FAILED', issues: [{ path: ['contactId'] }] },
    });
    const names = ada.received.flatMap((message) =>
      message.type === 'event' ? [message.name] : [],
    );
    expect(names).toEqual([
      'agent.statusChanged',
      'contact.offered',
      'contact.accepted',
      'contact.connected',
    ]);
    const ids = ada.received.flatMap((message) => (message.type === 'event' ? [message.id] : []));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('keeps other agents’ events from an agent, and refuses bad sessions', () => {
    const { center, connect } = setup();
    const bob = connect();
    bob.send({ type: 'hello', version: protocolVersion, agentId: 'bob' });
    center.agentCommand('ada', { type: 'login' });
    expect(bob.received.filter((message) => message.type === 'event')).toEqual([]);

    const stranger = connect();
    stranger.send({ type: 'hello', version: protocolVersion, agentId: 'eve' });
    expect(stranger.received).toEqual([{ type: 'goodbye', reason: 'NOT_FOUND' }]);
    const future = connect();
    future.send({ type: 'hello', version: protocolVersion + 1, agentId: 'ada' });
    expect(future.received).toEqual([{ type: 'goodbye', reason: 'VERSION_UNSUPPORTED' }]);
    const early = connect();
    early.send({ type: 'command', id: 'x', action: 'agent.login', payload: {} });
    expect(early.received).toEqual([{ type: 'goodbye', reason: 'MALFORMED' }]);
  });

  it('resumes from the last event id, or sends a fresh snapshot when history no longer reaches', () => {
    const { center, connect, server } = setup(3);
    const first = connect();
    first.send({ type: 'hello', version: protocolVersion, agentId: 'ada' });
    center.agentCommand('ada', { type: 'login' });
    const seen = server.lastEventId();
    first.drop();
    center.agentCommand('ada', { type: 'setNotReady', reason: 'break' });
    center.agentCommand('ada', { type: 'setAvailable' });

    const again = connect();
    again.send({ type: 'hello', version: protocolVersion, agentId: 'ada', resumeFrom: seen });
    expect(again.received[0]).toMatchObject({ type: 'welcome', resumed: true });
    expect(
      again.received.slice(1).map((message) => message.type === 'event' && message.id),
    ).toEqual([seen + 1, seen + 2]);

    for (let i = 0; i < 3; i += 1) center.openContact({ channel: 'email' });
    const late = connect();
    late.send({ type: 'hello', version: protocolVersion, agentId: 'ada', resumeFrom: seen });
    expect(late.received[0]).toMatchObject({
      type: 'welcome',
      resumed: false,
      snapshot: { agents: [{}, {}] },
    });
  });
});
