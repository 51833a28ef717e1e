import type { Transport } from './messages';

/**
 * The part of a WebSocket a transport uses: the browser's, Node 22's global one and the `ws`
 * package's all fit.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends one text frame. */
  send(data: string): void;
  /** Closes the socket. */
  close(): void;
  /** Subscribes to `open`, `message` and `close`. */
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  /** Subscribes to text frames. */
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  /** Unsubscribes from `open` or `close`. */
  removeEventListener(type: 'open' | 'close', listener: () => void): void;
  /** Unsubscribes from text frames. */
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

const connecting = 0;
const open = 1;

/**
 * Turns a WebSocket into a {@link Transport} of JSON messages, either end of the desk protocol:
 * `fromWebSocket<ClientMessage, ServerMessage>(new WebSocket(url))` on a desk, the server's
 * socket on a centre. Messages sent while the socket still connects wait for it to open; a frame
 * that is not JSON is handed on as its raw text, for the schema check to refuse.
 */
export function fromWebSocket<Out, In>(socket: WebSocketLike): Transport<Out, In> {
  const waiting: string[] = [];
  const flush = () => {
    for (const frame of waiting.splice(0)) socket.send(frame);
  };
  socket.addEventListener('open', flush);
  return {
    send(message) {
      const frame = JSON.stringify(message);
      if (socket.readyState === open) socket.send(frame);
      else if (socket.readyState === connecting) waiting.push(frame);
    },
    onMessage(listener) {
      const receive = (event: { readonly data: unknown }) => {
        const text = String(event.data);
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          message = text;
        }
        listener(message as In);
      };
      socket.addEventListener('message', receive);
      return () => {
        socket.removeEventListener('message', receive);
      };
    },
    onClose(listener) {
      if (socket.readyState > open) {
        listener();
        return () => undefined;
      }
      let called = false;
      const closed = () => {
        if (called) return;
        called = true;
        socket.removeEventListener('close', closed);
        listener();
      };
      socket.addEventListener('close', closed);
      return () => {
        socket.removeEventListener('close', closed);
      };
    },
    close() {
      waiting.length = 0;
      if (socket.readyState <= open) socket.close();
    },
  };
}
