import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createContactCenter } from '../center/contactCenter';
import { createDeskSelector } from '../desk/deskSnapshot';
import { createCenterServer } from '../protocol/centerServer';
import type { ClientMessage, ServerMessage } from '../protocol/messages';
import { fromWebSocket } from '../protocol/webSocketTransport';
import { connectDesk } from './connectDesk';

// A real WebSocket server (the `ws` package) on loopback serves the centre; the desk connects
// with a real client socket, as a browser would.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function serve() {
  const center = createContactCenter({ queues: [{ id: 'q', name: 'Q' }] });
  center.registerAgent({ id: 'ada', name: 'Ada' });
  const server = createCenterServer(center);
  const sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => sockets.once('listening', resolve));
  sockets.on('connection', (socket) => {
    server.accept(fromWebSocket<ServerMessage, ClientMessage>(socket));
  });
  closers.push(async () => {
    server.close();
    for (const client of sockets.clients) client.terminate();
    await new Promise((resolve) => {
      sockets.close(resolve);
    });
  });
  const url = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}`;
  return { center, sockets, url };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a desk over a real WebSocket', () => {
  it('logs in, takes a chat and follows the server’s state', async () => {
    const { center, url } = await serve();
    const desk = await connectDesk({
      agentId: 'ada',
      connect: () => fromWebSocket(new WebSocket(url)),
    });
    closers.push(() => desk.dispose());
    await desk.login();
    const chat = center.openContact({ channel: 'chat', queueId: 'q' });
    await until(() => desk.getSnapshot().contacts.length === 1);
    await desk.accept(chat.id);
    await until(() => desk.getSnapshot().contacts[0]?.status === 'connected');
    expect(desk.getSnapshot()).toEqual(createDeskSelector('ada' as never)(center.getSnapshot()));
  });

  it('survives the server dropping the socket, resuming where it was', async () => {
    const { center, sockets, url } = await serve();
    const desk = await connectDesk({
      agentId: 'ada',
      connect: () => fromWebSocket(new WebSocket(url)),
    });
    closers.push(() => desk.dispose());
    await desk.login();
    for (const socket of sockets.clients) socket.terminate();
    await until(() => desk.connection() === 'reconnecting');
    const chat = center.openContact({ channel: 'chat', queueId: 'q' });
    await until(() => desk.connection() === 'open');
    await until(() => desk.getSnapshot().contacts[0]?.id === chat.id);
    expect(desk.getSnapshot().contacts[0]?.status).toBe('offered');
  });

  it('ignores frames that are not protocol messages', async () => {
    const { url, sockets } = await serve();
    const desk = await connectDesk({
      agentId: 'ada',
      connect: () => fromWebSocket(new WebSocket(url)),
    });
    closers.push(() => desk.dispose());
    for (const socket of sockets.clients) {
      socket.send('not json');
      socket.send(JSON.stringify({ type: 'event', id: 'x' }));
    }
    await desk.login();
    expect(desk.getSnapshot().agent.presence.status).toBe('available');
  });
});
