// Messages per second through the chat gateway: customer widget -> gateway -> agent desk plugin
// (and back), in process and over a `ws` server on 127.0.0.1. Each figure is one run on whatever
// load the machine has: read them as upper bounds of what the code costs, not as capacity.
//   pnpm --filter @switchboard/plugin-chat run bench:ws
import { createContactCenter, createDesk } from '@switchboard/core';
import { WebSocket, WebSocketServer } from 'ws';
import { createChatClient, type ChatClient } from '../src/client';
import { chat, createChatGateway, createInProcessChatTransport } from '../src/index';
import { fromWsServer } from '../src/node';
import type { ChatDialer, ChatServerTransport } from '../src/transport/link';
import { fromWebSocketUrl, type WebSocketConstructor } from '../src/transport/webSocket';

const perChat = Number(process.env.CHAT_BENCH_MESSAGES ?? 2_000);
const chats = 3;

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

async function run(kind: string, transport: ChatServerTransport, dial: ChatDialer) {
  const center = createContactCenter({ queues: [{ id: 'default', name: 'Default' }] });
  const gateway = createChatGateway({ center, transport });
  const desk = createDesk({
    agent: { id: 'ada', name: 'Ada', capacity: { chat: chats } },
    center,
    plugins: [{ plugin: chat, config: { connect: dial } }],
  });
  await desk.ready;
  await desk.login();
  const api = desk.plugin('chat');
  await until(() => api.getSnapshot().connection === 'open');
  const customers: ChatClient[] = [];
  for (let index = 0; index < chats; index += 1) {
    const customer = createChatClient({ connect: dial });
    await until(() => customer.getSnapshot().conversationId !== null);
    await desk.accept(customer.getSnapshot().conversationId ?? '');
    customers.push(customer);
  }
  await until(() => api.getSnapshot().chats.length === chats);

  const held = () => api.getSnapshot().chats.reduce((sum, open) => sum + open.messages.length, 0);
  let started = performance.now();
  for (let index = 0; index < perChat; index += 1) {
    for (const customer of customers) customer.send(`m${index}`);
  }
  await until(() => held() === perChat * chats);
  const inbound = (perChat * chats) / ((performance.now() - started) / 1_000);

  started = performance.now();
  const ids = api.getSnapshot().chats.map((open) => open.contactId);
  for (let index = 0; index < perChat; index += 1) for (const id of ids) api.send(id, `r${index}`);
  await until(() =>
    customers.every((customer) => customer.getSnapshot().messages.length === perChat * 2),
  );
  const outbound = (perChat * chats) / ((performance.now() - started) / 1_000);
  await gateway.flush();
  console.log(
    `${kind.padEnd(12)} customer->agent ${Math.round(inbound)} msg/s, agent->customer ${Math.round(outbound)} msg/s ` +
      `(${chats} chats x ${perChat} messages each way, transcript included)`,
  );
  for (const customer of customers) customer.close();
  await desk.dispose();
  gateway.dispose();
  center.dispose();
}

const inProcess = createInProcessChatTransport();
await run('in-process', inProcess.server, inProcess.dial);

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) =>
  server.once('listening', () => {
    resolve();
  }),
);
const { port } = server.address() as { port: number };
const dial = fromWebSocketUrl(`ws://127.0.0.1:${port}`, {
  WebSocket: WebSocket as unknown as WebSocketConstructor,
});
await run('ws loopback', fromWsServer(server), dial);
for (const socket of server.clients) socket.terminate();
await new Promise<void>((resolve) => {
  server.close(() => {
    resolve();
  });
});
