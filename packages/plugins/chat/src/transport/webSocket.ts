import { createInbox, createListeners, type ChatDialer, type ChatLink } from './link';

/** The part of the WebSocket API the dialer uses: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes the socket. */
  close(code?: number, reason?: string): void;
  /** Called once open. */
  onopen: ((event: unknown) => void) | null;
  /** Called with each frame. */
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  /** Called once closed. */
  onclose: ((event: unknown) => void) | null;
  /** Called on a failure (a close follows). */
  onerror: ((event: unknown) => void) | null;
}

/** A constructor of {@link WebSocketLike}s, e.g. `globalThis.WebSocket` or `ws`'s `WebSocket`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Options of {@link fromWebSocketUrl}. */
export interface WebSocketDialerOptions {
  /** The WebSocket implementation; `globalThis.WebSocket` when absent (browsers, Node 22+). */
  readonly WebSocket?: WebSocketConstructor;
}

/**
 * A {@link ChatDialer} that opens a WebSocket to `url` for each connection: what the customer
 * widget and the agent's desk use against a gateway served by `fromWsServer`.
 *
 * @example
 * ```ts
 * const client = createChatClient({ connect: fromWebSocketUrl('wss://chat.example.com/chat') });
 * ```
 */
export function fromWebSocketUrl(url: string, options: WebSocketDialerOptions = {}): ChatDialer {
  return () =>
    new Promise<ChatLink>((resolve, reject) => {
      const Socket =
        options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!Socket) {
        reject(new TypeError('No WebSocket implementation: pass options.WebSocket.'));
        return;
      }
      const socket = new Socket(url);
      const inbox = createInbox();
      const closes = createListeners<[]>();
      let opened = false;
      socket.onopen = () => {
        opened = true;
        resolve({
          send: (data) => {
            if (socket.readyState === 1) socket.send(data);
          },
          onMessage: inbox.read,
          onClose: closes.add,
          close: () => {
            socket.close(1000);
          },
        });
      };
      socket.onmessage = (event) => {
        inbox.put(typeof event.data === 'string' ? event.data : '');
      };
      socket.onerror = () => undefined;
      socket.onclose = () => {
        if (!opened) reject(new TypeError(`Could not open a WebSocket to ${url}.`));
        closes.emit();
        inbox.clear();
        closes.clear();
      };
    });
}
