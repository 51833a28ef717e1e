// A server centre for the bot to connect to: the desk protocol on /desk and the chat gateway on
// /chat, both WebSockets (the `ws` package) on one HTTP server on 127.0.0.1. A person's desk
// (the stand-in) runs beside the centre so hand-offs get an answer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createCenterServer,
  createDesk,
  fromWebSocket,
  type ClientMessage,
  type ServerMessage,
} from '@switchboard/core';
import { chat, createChatGateway } from '@switchboard/plugin-chat';
import { fromWsServer } from '@switchboard/plugin-chat/node';
import { WebSocketServer, type WebSocket } from 'ws';
import { dialChat } from './wsDialer';
import { staffWithStandIn } from './humanStandIn';
import { createShopCentre, humanAgent } from './shop';

/** Serves the shop's centre on `port` (0 picks a free one) and resolves with its URLs. */
export async function serveShop(port = 0, log: (line: string) => void = () => undefined) {
  const center = createShopCentre();
  const deskSockets = new WebSocketServer({ noServer: true });
  const chatSockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const http = createServer((_request, response) => response.writeHead(426).end());
  http.on('upgrade', (request, socket, head) => {
    const sockets = { '/desk': deskSockets, '/chat': chatSockets }[request.url ?? ''];
    if (!sockets) return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client));
  });
  const server = createCenterServer(center);
  deskSockets.on('connection', (socket: WebSocket) => {
    server.accept(fromWebSocket<ServerMessage, ClientMessage>(socket));
  });
  const gateway = createChatGateway({ center, transport: fromWsServer(chatSockets) });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const base = `ws://127.0.0.1:${String((http.address() as AddressInfo).port)}`;
  const chatUrl = `${base}/chat`;

  const human = createDesk({
    agent: humanAgent,
    center,
    plugins: [{ plugin: chat, config: { connect: dialChat(chatUrl) } }],
  });
  await human.ready;
  await human.login();
  const stopHuman = staffWithStandIn(human, human.plugin('chat'), log);

  return {
    center,
    deskUrl: `${base}/desk`,
    chatUrl,
    async close() {
      stopHuman();
      await human.dispose();
      gateway.dispose();
      server.close();
      for (const sockets of [deskSockets, chatSockets])
        for (const client of sockets.clients) client.terminate();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
