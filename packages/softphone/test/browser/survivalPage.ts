// Bundled by browserSurvival.test.ts and loaded in headless Chromium: softphones for the reload,
// tab and device tests, driven from the test through `window.softphone`. Peer connections and
// audio elements are recorded as they are made so the test can read which devices a call uses.
import {
  createDeviceManager,
  createSharedSoftphone,
  createSoftphone,
  createWebRtcMedia,
  isSoftphoneError,
  type Call,
  type DeviceManager,
  type MediaFactory,
  type SharedSoftphone,
  type Softphone,
} from '../../src/index';

const connections: RTCPeerConnection[] = [];
const NativePeerConnection = RTCPeerConnection;
globalThis.RTCPeerConnection = class extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
  }
};
/** The peer connection of each call, by call id (the latest one after a rejoin). */
const peers = new Map<string, RTCPeerConnection>();
const peerOf = (callId: string) => peers.get(callId);
const recordingPeers =
  (factory: MediaFactory): MediaFactory =>
  (context) => {
    const before = connections.length;
    const media = factory(context);
    const pc = connections[before];
    if (pc) peers.set(context.callId, pc);
    return media;
  };
const players: HTMLAudioElement[] = [];
const NativeAudio = Audio;
globalThis.Audio = class extends NativeAudio {
  constructor(src?: string) {
    super(src);
    players.push(this);
  }
};

let phone: Softphone | undefined;
let devices: DeviceManager | undefined;
let current: Call | undefined;
/** Every call this page saw, by id (transfers and call waiting have several). */
const calls = new Map<string, Call>();
const use = (call: Call) => {
  calls.set(call.id, call);
  current = call;
};
let role: () => ReturnType<SharedSoftphone['getRole']> | 'none' = () => 'none';
const events: { name: string; payload: unknown }[] = [];
const codeOf = (error: unknown) => (isSoftphoneError(error) ? error.code : String(error));

const api = {
  async start(
    server: string,
    uri: string,
    password: string,
    withDevices = false,
    withoutReplaces = false,
  ) {
    // A far end that does not support Replaces: `replaces` is cut from its Supported headers.
    if (withoutReplaces) {
      const send = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'send')?.value as (
        this: WebSocket,
        data: unknown,
      ) => void;
      WebSocket.prototype.send = function (data) {
        const text =
          typeof data === 'string' ? data.replace(/^(Supported:.*?)replaces,?\s*/im, '$1') : data;
        send.call(this, text);
      };
    }
    devices = withDevices ? createDeviceManager() : undefined;
    devices?.on('devices.fallback', (payload) =>
      events.push({ name: 'devices.fallback', payload }),
    );
    phone = createSoftphone({
      server,
      uri,
      credentials: () => password,
      iceServers: [],
      media: recordingPeers(createWebRtcMedia({ iceGatheringTimeoutMs: 300, devices })),
    });
    phone.on('call.orphanEnded', (payload) => events.push({ name: 'call.orphanEnded', payload }));
    phone.on('call.rejoined', ({ call, replacedCallId }) => {
      use(call);
      events.push({ name: 'call.rejoined', payload: { callId: call.id, replacedCallId } });
    });
    phone.on('call.remoteRejoined', ({ call }) =>
      events.push({ name: 'call.remoteRejoined', payload: { callId: call.id } }),
    );
    phone.on('call.incoming', ({ call }) => {
      use(call);
      void call.answer();
    });
    // Transfers: the call placed on a REFER, and the call that replaced one (attended).
    phone.on('call.referred', ({ call }) => {
      use(call);
    });
    phone.on('call.replaced', ({ call }) => {
      use(call);
    });
    await phone.register();
  },
  /**
   * A softphone shared by the tabs of this browser context; calls are answered explicitly.
   * `callSurvivalMs` shortens how long a call outlives a lost connection.
   */
  async startShared(server: string, uri: string, password: string, callSurvivalMs?: number) {
    const shared = createSharedSoftphone({
      server,
      uri,
      credentials: () => password,
      iceServers: [],
      media: createWebRtcMedia({ iceGatheringTimeoutMs: 300 }),
      reconnect: callSurvivalMs === undefined ? undefined : { callSurvivalMs },
    });
    phone = shared;
    role = () => shared.getRole();
    shared.on('tabs.roleChanged', (payload) => events.push({ name: 'tabs.roleChanged', payload }));
    shared.on('call.recordingPaused', ({ autoResumeMs }) =>
      events.push({ name: 'call.recordingPaused', payload: { autoResumeMs } }),
    );
    shared.on('call.recordingResumed', ({ reason }) =>
      events.push({ name: 'call.recordingResumed', payload: { reason } }),
    );
    shared.on('call.incoming', ({ call }) => {
      use(call);
    });
    shared.on('call.audioPlaced', ({ call, tab, reason }) =>
      events.push({ name: 'call.audioPlaced', payload: { callId: call.id, tab, reason } }),
    );
    shared.on('call.ended', ({ call }) =>
      events.push({ name: 'call.ended', payload: { callId: call.id, endReason: call.endReason } }),
    );
    shared.on('call.restored', ({ call }) =>
      events.push({ name: 'call.restored', payload: { callId: call.id } }),
    );
    shared.on('call.rejoined', ({ call }) => {
      current = call;
      events.push({ name: 'call.rejoined', payload: { callId: call.id } });
    });
    await shared.register();
  },
  role: () => role(),
  /** Audio energy received so far by every open peer connection of this page. */
  async audioEnergy() {
    let energy = 0;
    for (const pc of connections.filter((each) => each.connectionState !== 'closed')) {
      (await pc.getStats()).forEach((entry: Record<string, unknown>) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
          energy += Number(entry.totalAudioEnergy ?? 0);
        }
      });
    }
    return energy;
  },
  openConnections: () => connections.filter((pc) => pc.connectionState !== 'closed').length,
  registration: () => phone?.getSnapshot().registration.status ?? 'none',
  answer: () => current?.answer(),
  async call(target: string) {
    const call = await phone?.call(target);
    if (call) use(call);
    return call?.id ?? null;
  },
  /** Makes the call `id` the one the other methods act on. */
  use: (id: string) => {
    current = calls.get(id);
  },
  statusOf: (id: string) => calls.get(id)?.getSnapshot().status ?? 'none',
  endReasonOf: (id: string) => calls.get(id)?.getSnapshot().endReason ?? null,
  heldOf: (id: string) => calls.get(id)?.getSnapshot().held ?? null,
  bytesReceivedOf: async (id: string) => (await calls.get(id)?.getStats())?.bytesReceived ?? -1,
  switchTo: (id: string) => phone?.switchTo(id),
  async conference(ids: string[]) {
    const joined = ids.map((id) => calls.get(id)).filter((call) => call !== undefined);
    const conference = await phone?.conference(joined);
    return conference?.id ?? null;
  },
  /** `conference(ids)`'s refusal: its code and `details.reason` (`null` if it worked). */
  async conferenceRefusal(ids: string[]) {
    try {
      const joined = ids.map((id) => calls.get(id) ?? phone?.getCall(id));
      await phone?.conference(joined.filter((call) => call !== undefined));
      return null;
    } catch (error) {
      const reason = isSoftphoneError(error) ? error.details.reason : null;
      return { code: codeOf(error), reason };
    }
  },
  /** Total audio energy received so far on call `id` (WebRTC inbound-rtp `totalAudioEnergy`). */
  async audioEnergyOf(id: string) {
    const call = calls.get(id);
    const pc = call ? peerOf(call.id) : undefined;
    if (!pc) return -1;
    let energy = 0;
    (await pc.getStats()).forEach((entry: Record<string, unknown>) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
        energy += Number(entry.totalAudioEnergy ?? 0);
      }
    });
    return energy;
  },
  /** Attended transfer: the current call goes to the far end of call `id`. */
  async transferToCall(id: string) {
    const target = calls.get(id);
    if (!target) return 'NOT_FOUND';
    try {
      return await current?.transfer(target);
    } catch (error) {
      return codeOf(error);
    }
  },
  status: () => current?.getSnapshot().status ?? 'none',
  callId: () => current?.id ?? null,
  endReason: () => current?.getSnapshot().endReason ?? null,
  calls: () => phone?.getSnapshot().calls.length ?? 0,
  bytesReceived: async () => (await current?.getStats())?.bytesReceived ?? -1,
  hangUp: () => current?.hangUp(),
  /** The current call's flags that the tab controls change. */
  flags: () => {
    const snapshot = current?.getSnapshot();
    return { held: snapshot?.held, recordingPaused: snapshot?.recordingPaused };
  },
  hold: () => current?.hold(),
  switchToCurrent: () => (current ? phone?.switchTo(current.id) : undefined),
  async transfer(target: string) {
    try {
      return await current?.transfer(target);
    } catch (error) {
      return codeOf(error);
    }
  },
  pauseRecording: () => current?.pauseRecording({ autoResumeMs: 0 }),
  resumeRecording: () => current?.resumeRecording(),
  setMuted: (muted: boolean) => current?.setMuted(muted),
  events: () => events,
  storedDialogs: () =>
    Object.keys(sessionStorage).filter((key) => key.startsWith('switchboard-softphone:dialogs')),

  // Devices
  async requestPermission() {
    try {
      await (devices ?? createDeviceManager()).requestPermission();
      return 'granted';
    } catch (error) {
      return codeOf(error);
    }
  },
  devices: () => devices?.getSnapshot(),
  async select(kind: 'microphone' | 'speaker', id: string | null) {
    try {
      await (kind === 'microphone' ? devices?.selectMicrophone(id) : devices?.selectSpeaker(id));
      return 'ok';
    } catch (error) {
      return codeOf(error);
    }
  },
  /** The device behind the live call's sending track, and whether it is enabled. */
  sendingDevice() {
    const pc = connections.filter((candidate) => candidate.connectionState !== 'closed').at(-1);
    const track = pc?.getSenders().find((sender) => sender.track)?.track;
    return track
      ? { deviceId: track.getSettings().deviceId ?? null, enabled: track.enabled }
      : null;
  },
  playingSink: () => players.at(-1)?.sinkId ?? null,
  /** Makes the browser stop listing `id` and fires `devicechange`, like unplugging it. */
  unplug(id: string) {
    const media = navigator.mediaDevices;
    const list = media.enumerateDevices.bind(media);
    media.enumerateDevices = async () => (await list()).filter((device) => device.deviceId !== id);
    media.dispatchEvent(new Event('devicechange'));
  },
};

(globalThis as unknown as { softphone: typeof api }).softphone = api;
