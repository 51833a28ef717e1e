// Bundled by the browser test (esbuild) and loaded in headless Chromium: a softphone driven from
// the test through `window.softphone`.
import { createSoftphone, createWebRtcMedia, type Call, type Softphone } from '../../src/index';

let phone: Softphone | undefined;
let current: Call | undefined;
const quality: { mos: number; bytesReceived: number }[] = [];

const api = {
  async start(server: string, uri: string, password: string) {
    phone = createSoftphone({
      server,
      uri,
      credentials: () => password,
      iceServers: [],
      media: createWebRtcMedia({ iceGatheringTimeoutMs: 300 }),
      qualityIntervalMs: 500,
    });
    phone.on('call.quality', (sample) => {
      quality.push({ mos: sample.mos, bytesReceived: sample.stats.bytesReceived });
    });
    phone.on('call.incoming', ({ call }) => {
      current = call;
      void call.answer();
    });
    await phone.register();
  },
  async call(target: string) {
    current = await phone?.call(target);
  },
  status: () => current?.getSnapshot().status ?? 'none',
  held: () => current?.getSnapshot().held ?? false,
  bytesReceived: async () => (await current?.getStats())?.bytesReceived ?? -1,
  quality: () => quality,
  hold: () => current?.hold(),
  resume: () => current?.resume(),
  hangUp: () => current?.hangUp(),
};

(globalThis as unknown as { softphone: typeof api }).softphone = api;
