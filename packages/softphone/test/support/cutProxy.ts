import { createServer, connect, type Socket } from 'node:net';
import { freePort } from './ports';

/** A TCP proxy on 127.0.0.1 between softphones and Kamailio that can break the connection. */
export interface CutProxy {
  /** `ws://127.0.0.1:PORT` to give the softphone instead of Kamailio's. */
  readonly wsUrl: string;
  /** Destroys every connection (both sides), like a network drop. */
  cut(): void;
  /** While on, new connections are closed at once, like a server out of reach. */
  refuse(on: boolean): void;
  /** Stops forwarding on the current connections without closing them: a half-open socket. */
  silence(): void;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Stops the proxy. */
  close(): Promise<void>;
}

/** Starts a {@link CutProxy} forwarding to `127.0.0.1:targetPort`. */
export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  const pairs = new Set<{ client: Socket; server: Socket; silent: boolean }>();
  let refusing = false;
  let accepted = 0;
  const proxy = createServer((client) => {
    accepted += 1;
    if (refusing) {
      client.destroy();
      return;
    }
    const server = connect(targetPort, '127.0.0.1');
    const pair = { client, server, silent: false };
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk) => {
        if (!pair.silent) to.write(chunk);
      });
    };
    forward(client, server);
    forward(server, client);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', close).on('error', close);
    server.on('close', close).on('error', close);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  const cut = () => {
    for (const pair of [...pairs]) {
      pairs.delete(pair);
      pair.client.destroy();
      pair.server.destroy();
    }
  };
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    cut,
    refuse(on) {
      refusing = on;
    },
    silence() {
      for (const pair of pairs) pair.silent = true;
    },
    get accepted() {
      return accepted;
    },
    close() {
      cut();
      return new Promise((resolve) => {
        proxy.close(() => {
          resolve();
        });
      });
    },
  };
}
