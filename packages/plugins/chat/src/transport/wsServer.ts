import type { WebSocket, WebSocketServer } from 'ws';
import { createInbox, createListeners, type ChatLink, type ChatServerTransport } from './link';

/**
 * The gateway's side of a transport over the `ws` package's server, in Node. It accepts sockets
 * from the moment it is created (keeping them, and their frames, until the gateway listens).
 * Text frames only: a binary frame reaches the gateway as text it refuses as malformed. Limit
 * frame sizes with the server's `maxPayload`.
 *
 * @example
 * ```ts
 * import { WebSocketServer } from 'ws';
 * const server = new WebSocketServer({ host: '127.0.0.1', port: 8080, maxPayload: 64 * 1024 });
 * const gateway = createChatGateway({ center, transport: fromWsServer(server) });
 * ```
 */
export function fromWsServer(server: WebSocketServer): ChatServerTransport {
  const accept = new Set<(link: ChatLink) => void>();
  const waiting: ChatLink[] = [];
  server.on('connection', (socket: WebSocket) => {
    const inbox = createInbox();
    const closes = createListeners<[]>();
    socket.on('message', (data, isBinary) => {
      inbox.put(isBinary ? '\u0000binary' : (data as Buffer).toString('utf8'));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const index = waiting.indexOf(link);
      if (index !== -1) waiting.splice(index, 1);
      closes.emit();
      inbox.clear();
      closes.clear();
    });
    const link: ChatLink = {
      send: (data) => {
        if (socket.readyState === socket.OPEN) socket.send(data);
      },
      onMessage: inbox.read,
      onClose: closes.add,
      close: () => {
        socket.close(1000);
      },
    };
    if (accept.size === 0) waiting.push(link);
    for (const listener of [...accept]) listener(link);
  });
  return {
    onConnection(listener) {
      accept.add(listener);
      for (const link of waiting.splice(0)) listener(link);
      return () => {
        accept.delete(listener);
      };
    },
  };
}
