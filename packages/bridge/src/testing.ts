// @switchboard/bridge/testing: stand-in windows for testing a bridge in Node, without a browser.
import type { HandshakeTarget } from './acceptBridge';
import type { PeerWindow } from './bridgePlugin';

/**
 * A stand-in for a browser window on one origin, in one Node process. Its `postMessage`
 * delivers a `MessageEvent` only when `targetOrigin` is exactly its origin, and stamps the
 * sender's origin and window on it, as browsers do.
 */
export interface TestWindow extends PeerWindow, HandshakeTarget {
  /** This window's origin. */
  readonly origin: string;
  /** This window as seen by `sender`: messages arrive stamped with the sender's origin. */
  from(sender: TestWindow): PeerWindow;
}

/**
 * Creates a stand-in window on `origin`, for unit tests of a desk and a bridge peer (or of a
 * CRM recipe built on them) in Node: `defineBridgePlugin({ peer: () => crm.from(desk) })` on
 * the desk side, `acceptBridge({ target: crm })` on the peer side. Browser-only behaviour
 * (sandboxing, real frames) needs a real browser.
 */
export function createTestWindow(origin: string): TestWindow {
  const target = new EventTarget();
  const self: TestWindow = {
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
    from(sender: TestWindow): PeerWindow {
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
