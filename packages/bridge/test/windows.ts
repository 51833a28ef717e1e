import type { PeerWindow } from '../src/index';
import type { HandshakeTarget } from '../src/peer';

/**
 * Two "windows" in one Node process, for unit tests only (the Chromium suite uses real ones):
 * `postMessage` delivers a `MessageEvent` to the receiving window only when `targetOrigin` is
 * exactly its origin, and stamps the sender's origin and window on it, as browsers do.
 */
export interface FakeWindow extends PeerWindow, HandshakeTarget {
  /** This window's origin. */
  readonly origin: string;
}

export function createWindow(
  origin: string,
): FakeWindow & { from(sender: FakeWindow): PeerWindow } {
  const target = new EventTarget();
  const self = {
    origin,
    addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => {
      target.addEventListener(type, listener as EventListener);
    },
    removeEventListener: (type: 'message', listener: (event: MessageEvent) => void) => {
      target.removeEventListener(type, listener as EventListener);
    },
    postMessage(message: unknown, targetOrigin: string, transfer: Transferable[]) {
      self.from(self).postMessage(message, targetOrigin, transfer);
    },
    /** This window as seen by `sender`: messages arrive stamped with the sender's origin. */
    from(sender: FakeWindow): PeerWindow {
      return {
        postMessage(message, targetOrigin, transfer) {
          if (targetOrigin !== origin) return;
          const ports = transfer.filter((item): item is MessagePort => item instanceof MessagePort);
          // Node's MessageEvent only takes a MessagePort as `source`, so the fields are set by hand.
          target.dispatchEvent(
            Object.assign(new Event('message'), {
              data: structuredClone(message),
              origin: sender.origin,
              source: sender,
              ports,
            }),
          );
        },
      };
    },
  };
  return self;
}
