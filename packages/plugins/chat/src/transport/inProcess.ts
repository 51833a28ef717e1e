import {
  createInbox,
  createListeners,
  type ChatDialer,
  type ChatLink,
  type ChatServerTransport,
} from './link';

/** Both ends of an in-process transport, and a way to break links as a network would. */
export interface InProcessChatTransport {
  /** The gateway's side. */
  readonly server: ChatServerTransport;
  /** Opens a link to the gateway: what a client or desk plugin is given as `connect`. */
  readonly dial: ChatDialer;
  /** Breaks every open link (both ends see `onClose`, frames in flight are lost); returns how many. */
  drop(): number;
  /** How many links are open. */
  open(): number;
}

/**
 * An in-process transport for an embedded centre (the agent-desktop example, the simulator) and
 * tests. Frames are strings, delivered in order on a later microtask, as a socket would; like a
 * socket, a link dialled before the gateway listens waits for it, and frames wait for a reader.
 *
 * @example
 * ```ts
 * const transport = createInProcessChatTransport();
 * const gateway = createChatGateway({ center, transport: transport.server });
 * const client = createChatClient({ connect: transport.dial });
 * ```
 */
export function createInProcessChatTransport(): InProcessChatTransport {
  const accept = new Set<(link: ChatLink) => void>();
  const waiting: ChatLink[] = [];
  const links = new Set<() => void>();

  const deliver = (link: ChatLink) => {
    if (accept.size === 0) waiting.push(link);
    for (const listener of [...accept]) listener(link);
  };
  const dial: ChatDialer = () => {
    const [client, server, cut] = createPair();
    links.add(cut);
    client.onClose(() => links.delete(cut));
    return Promise.resolve().then(() => {
      deliver(server);
      return client;
    });
  };

  return {
    server: {
      onConnection(listener) {
        accept.add(listener);
        for (const link of waiting.splice(0)) listener(link);
        return () => {
          accept.delete(listener);
        };
      },
    },
    dial,
    drop() {
      const open = [...links];
      for (const cut of open) cut();
      return open.length;
    },
    open: () => links.size,
  };
}

/** Two connected ends; `close` delivers what was sent first, the cutter drops it (a cut wire). */
function createPair(): [ChatLink, ChatLink, () => void] {
  let closed = false;
  let broken = false;
  const inboxes = [createInbox(), createInbox()] as const;
  const closes = [createListeners<[]>(), createListeners<[]>()] as const;
  const shutdown = () => {
    if (closed) return;
    closed = true;
    queueMicrotask(() => {
      broken = true;
      closes[0].emit();
      closes[1].emit();
      for (const set of [...inboxes, ...closes]) set.clear();
    });
  };
  const end = (own: 0 | 1): ChatLink => ({
    send(data) {
      if (closed) return;
      queueMicrotask(() => {
        if (!broken) inboxes[own === 0 ? 1 : 0].put(data);
      });
    },
    onMessage: (listener) => inboxes[own].read(listener),
    onClose: closes[own].add,
    close: shutdown,
  });
  const cut = () => {
    broken = true;
    shutdown();
  };
  return [end(0), end(1), cut];
}
