// The customer's side of the SIP call test: a page script (bundled and served by the test, loaded
// in headless Chromium) with a browser softphone on @switchboard/softphone, driven from the test
// through `window.softphone` (tooling/sip/softphonePage.ts's `run`).
import {
  createSoftphone,
  createWebRtcMedia,
  type Call,
  type Softphone,
} from '@switchboard/softphone';

let phone: Softphone | undefined;
let current: Call | undefined;

const api = {
  /** Registers `uri` with the registrar at `server` (a `ws://` URL). */
  async start(server: string, uri: string, password: string) {
    phone = createSoftphone({
      server,
      uri,
      credentials: () => password,
      iceServers: [],
      media: createWebRtcMedia({ iceGatheringTimeoutMs: 300 }),
    });
    await phone.register();
  },
  /** Calls `target` (a user of the registrar's domain). */
  async call(target: string) {
    current = await phone?.call(target);
  },
  /** The call's status, `none` before a call. */
  status: () => current?.getSnapshot().status ?? 'none',
  /** Audio bytes received on the call so far (from its `getStats`), -1 without a call. */
  bytesReceived: async () => (await current?.getStats())?.bytesReceived ?? -1,
  /** Hangs the call up. */
  hangUp: () => current?.hangUp(),
};

(globalThis as unknown as { softphone: typeof api }).softphone = api;
