import { createServer, connect, type Socket } from 'node:net';
import { freePort } from '../../../../tooling/ports';

/** A TCP proxy on 127.0.0.1 between softphones and Kamailio that can break the connection. */
export interface CutProxy {
  /** `ws://127.0.0.1:PORT` to give the softphone instead of Kamailio's. */
  readonly wsUrl: string;
  /** Destroys every connection (both sides), like a network drop. */
  cut(): void;
  /** Destroys the connection accepted last (both sides): one client's drop, the others stay. */
  cutLatest(): void;
  /** While on, new connections are closed at once, like a server out of reach. */
  refuse(on: boolean): void;
  /** Stops forwarding on the current connections without closing them: a half-open socket. */
  silence(): void;
  /** Connections accepted so far (refused ones included). */
  readonly accepted: number;
  /** Connections forwarded now. */
  readonly open: number;
  /** Stops the proxy. */
  close(): Promise<void>;
}

/** One proxied connection: the client's socket and ours to Kamailio. */
interface Pair {
  client: Socket;
  server: Socket;
  silent: boolean;
}

/** Starts a {@link CutProxy} forwarding to `127.0.0.1:targetPort`. */
export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  const pairs = new Set<Pair>();
  let refusing = false;
  let accepted = 0;
  const proxy = createServer((client) => {
    accepted += 1;
    if (refusing) {
      client.destroy();
      return;
    }
    const server = connect(targetPort, '127.0.0.1');
    const pair: Pair = { client, server, silent: false };
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
  const drop = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.server.destroy();
  };
  const cut = () => {
    for (const pair of [...pairs]) drop(pair);
  };
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    cut,
    cutLatest() {
      const latest = [...pairs].at(-1); // a Set iterates in insertion order
      if (latest) drop(latest);
    },
    refuse(on) {
      refusing = on;
    },
    silence() {
      for (const pair of pairs) pair.silent = true;
    },
    get accepted() {
      return accepted;
    },
    get open() {
      return pairs.size;
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
