import { createTestHost, type TestHost, type TestHostOptions } from '@switchboard/core/testing';
import { WebSocket, WebSocketServer } from 'ws';
import { createChatClient, type ChatClient, type ChatClientOptions } from '../../src/client';
import {
  chat,
  createChatGateway,
  createInProcessChatTransport,
  type ChatGateway,
} from '../../src/index';
import { fromWsServer } from '../../src/node';
import type { ChatDialer } from '../../src/transport/link';
import { fromWebSocketUrl, type WebSocketConstructor } from '../../src/transport/webSocket';

/** Which transport a rig runs on. */
export type RigKind = 'inProcess' | 'ws';

/** A centre with the chat gateway, one agent's desk with the chat plugin, and customers to make. */
export interface ChatRig {
  readonly host: TestHost;
  readonly gateway: ChatGateway;
  readonly dial: ChatDialer;
  /** A new customer widget client on the rig's transport. */
  customer(options?: Omit<ChatClientOptions, 'connect'>): ChatClient;
  /** Breaks every open connection (server side), as a network failure would; how many it broke. */
  cut(): number;
  close(): Promise<void>;
}

/**
 * Builds a rig. For `ws`, a real `ws` server listens on 127.0.0.1 on a random port and both the
 * plugin and the customers use the WebSocket dialer (with `ws`'s WebSocket, as Node 20 has none).
 */
export async function createRig(kind: RigKind, options: TestHostOptions = {}): Promise<ChatRig> {
  let dial: ChatDialer;
  let server: WebSocketServer | undefined;
  let cut: () => number;
  let transport;
  if (kind === 'ws') {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server?.once('listening', resolve));
    const { port } = server.address() as { port: number };
    dial = fromWebSocketUrl(`ws://127.0.0.1:${port}`, {
      WebSocket: WebSocket as unknown as WebSocketConstructor,
    });
    transport = fromWsServer(server);
    const wss = server;
    cut = () => {
      const sockets = [...wss.clients];
      for (const socket of sockets) socket.terminate();
      return sockets.length;
    };
  } else {
    const inProcess = createInProcessChatTransport();
    dial = inProcess.dial;
    transport = inProcess.server;
    cut = () => inProcess.drop();
  }
  const host = await createTestHost({
    ...options,
    plugins: [{ plugin: chat, config: { connect: dial } }, ...(options.plugins ?? [])],
  });
  const gateway = createChatGateway({ center: host.center, transport, clock: host.clock });
  const clients: ChatClient[] = [];
  return {
    host,
    gateway,
    dial,
    customer(extra = {}) {
      const client = createChatClient({ ...extra, connect: dial });
      clients.push(client);
      return client;
    },
    cut,
    async close() {
      for (const client of clients) client.close();
      await host.dispose();
      gateway.dispose();
      if (server) {
        for (const socket of server.clients) socket.terminate();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      }
    },
  };
}

/** Waits (real time, bounded) until `check` holds; fails with `what` otherwise. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
