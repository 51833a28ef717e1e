import { createTestHost, type TestHost, type TestHostOptions } from '@switchboard/core/testing';
import { assert } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createChatClient, type ChatClient, type ChatClientOptions } from '../../src/client';
import {
  chat,
  createChatGateway,
  createInProcessChatTransport,
  type ChatGateway,
  type ChatGatewayOptions,
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
  /** How many `send` frames the clients put on the wire, and for how many distinct client ids. */
  sends(): { frames: number; distinct: number };
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
export async function createRig(
  kind: RigKind,
  options: TestHostOptions = {},
  gatewayOptions: Partial<ChatGatewayOptions> = {},
  chatConfig: {
    readonly redactWith?: string | null;
    readonly typingTimeoutMs?: number | null;
  } = {},
): Promise<ChatRig> {
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
  // Counts the send frames both sides write, to tell resends (same client id) from new messages.
  const sendFrames = new Map<string, number>();
  const rawDial = dial;
  dial = async () => {
    const link = await rawDial();
    return {
      ...link,
      send(data) {
        const frame = (data.startsWith('{') ? JSON.parse(data) : {}) as {
          type?: string;
          clientId?: string;
        };
        if (frame.type === 'send' && frame.clientId) {
          sendFrames.set(frame.clientId, (sendFrames.get(frame.clientId) ?? 0) + 1);
        }
        link.send(data);
      },
    };
  };
  const host = await createTestHost({
    ...options,
    plugins: [
      { plugin: chat, config: { ...chatConfig, connect: dial } },
      ...(options.plugins ?? []),
    ],
  });
  const gateway = createChatGateway({
    center: host.center,
    transport,
    clock: host.clock,
    ...gatewayOptions,
  });
  const clients: ChatClient[] = [];
  return {
    host,
    gateway,
    dial,
    sends: () => ({
      frames: [...sendFrames.values()].reduce((sum, count) => sum + count, 0),
      distinct: sendFrames.size,
    }),
    customer(extra = {}) {
      const client = createChatClient({ timers: host.clock, ...extra, connect: dial });
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
        await new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        });
      }
    },
  };
}

/** The desk's chat API of a rig, and one chat of its snapshot. */
export function deskOf(rig: () => ChatRig) {
  const api = () => rig().host.plugin('chat');
  return {
    api,
    chat: (contactId: string) =>
      api()
        .getSnapshot()
        .chats.find((chat) => chat.contactId === contactId),
  };
}

/**
 * Waits (real time, bounded) until `check` holds; fails with `what` otherwise. `tick` runs on each
 * turn (e.g. to move a virtual clock so reconnect back-offs fire).
 */
export async function until(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
  tick?: () => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}`);
    tick?.();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
