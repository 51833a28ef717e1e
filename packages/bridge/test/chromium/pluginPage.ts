// The third-party plugin (the allowed origin), sandboxed in the desk's iframe. Besides taking
// the bridge, it keeps the port it was handed and the frames it sent, so the test can play a
// compromised script on that port: unsigned, badly signed and replayed frames.
import { acceptBridge, type BridgePeer } from '../../src/peer';

declare global {
  interface Window {
    /** The desk page's exact origin. */
    deskOrigin: string;
    /** What the test drives in the plugin frame. */
    pluginPage: {
      refusals: string[];
      events: unknown[];
      peer: Promise<BridgePeer>;
      port: MessagePort | null;
      sent: unknown[];
    };
  }
}

const refusals: string[] = [];
const sent: unknown[] = [];
let port: MessagePort | null = null;
// Registered before acceptBridge's listener (listeners run in order): record what goes out on
// the first port a desk hands over.
window.addEventListener('message', (event) => {
  const [offered] = event.ports;
  if (port || !offered || event.origin !== window.deskOrigin) return;
  port = offered;
  const post = offered.postMessage.bind(offered);
  offered.postMessage = (message: unknown) => {
    sent.push(message);
    post(message);
  };
});
window.pluginPage = {
  refusals,
  events: [],
  sent,
  get port() {
    return port;
  },
  peer: acceptBridge({
    allowedOrigins: [window.deskOrigin],
    bridge: 'notes',
    source: window.parent,
    onRefused: (reason, origin) => refusals.push(`${reason} ${origin}`),
  }),
};
