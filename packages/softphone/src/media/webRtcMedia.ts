import { SoftphoneError } from '../errors';
import { followDevices } from '../web/followDevices';
import { microphoneError, type DeviceManager } from '../web/devices';
import type { CallMedia, MediaFactory, MediaStatsSample } from './callMedia';

/** Options of {@link createWebRtcMedia}. */
export interface WebRtcMediaOptions {
  /** What to ask `getUserMedia` for; `{ audio: true }` by default. */
  readonly constraints?: MediaStreamConstraints;
  /** How long to wait for ICE candidates before sending the SDP, in ms; 1000 by default. */
  readonly iceGatheringTimeoutMs?: number;
  /**
   * The chosen microphone and speaker ({@link createDeviceManager}); a change of choice
   * switches the devices of calls in progress. Without it, the defaults (and `constraints`).
   */
  readonly devices?: DeviceManager;
}

/**
 * Browser media: an `RTCPeerConnection` per call with the microphone from `getUserMedia`, the far
 * end played through an `Audio` element, hold by transceiver direction, ICE restart on request,
 * RFC 4733 DTMF, and `getStats` figures. The default media where WebRTC exists.
 */
export function createWebRtcMedia(options: WebRtcMediaOptions = {}): MediaFactory {
  const timeoutMs = options.iceGatheringTimeoutMs ?? 1000;
  return ({ iceServers }) => {
    const pc = new RTCPeerConnection({ iceServers: iceServers as RTCIceServer[] });
    const player = new Audio();
    player.autoplay = true;
    let remote: MediaStream | null = null;
    pc.ontrack = ({ streams, track }) => {
      remote = streams[0] ?? new MediaStream([track]);
      player.srcObject = remote;
      player.play().catch(() => undefined);
    };
    /** The Web Audio graph of a conference mix, while this call sends one. */
    let mixer: { readonly context: AudioContext; readonly track: MediaStreamTrack } | null = null;
    const stopMixing = () => {
      void mixer?.context.close().catch(() => undefined);
      mixer = null;
    };
    let microphone: Promise<MediaStream> | undefined;
    const { devices } = options;
    const local = () =>
      (microphone ??= (
        devices
          ? devices.openMicrophone()
          : navigator.mediaDevices.getUserMedia(options.constraints ?? { audio: true })
      )
        .then((stream) => {
          for (const track of stream.getTracks()) pc.addTrack(track, stream);
          return stream;
        })
        .catch((cause: unknown) => {
          throw microphoneError(cause);
        }));
    const unfollow = devices
      ? followDevices(devices, pc, player, {
          opened: () => microphone,
          replaced: (stream) => {
            microphone = Promise.resolve(stream);
          },
        })
      : () => undefined;

    const media: CallMedia = {
      async getLocalDescription({ held, iceRestart }) {
        await local();
        for (const transceiver of pc.getTransceivers()) {
          transceiver.direction = held ? 'sendonly' : 'sendrecv';
        }
        const description =
          pc.signalingState === 'have-remote-offer'
            ? await pc.createAnswer()
            : await pc.createOffer({ iceRestart });
        await pc.setLocalDescription(description);
        await gathered(pc, timeoutMs);
        const sdp = pc.localDescription?.sdp;
        if (!sdp) throw new SoftphoneError('MEDIA_FAILED', 'No local description was made.');
        return sdp;
      },
      async setRemoteDescription(sdp) {
        const type = pc.signalingState === 'have-local-offer' ? 'answer' : 'offer';
        await pc.setRemoteDescription({ type, sdp });
      },
      sendDtmf(tones) {
        const sender = pc.getSenders().find((candidate) => candidate.dtmf?.canInsertDTMF);
        if (!sender?.dtmf) return false;
        sender.dtmf.insertDTMF(tones, 100, 70);
        return true;
      },
      setMuted(muted) {
        // While mixing, the sender's track is the mix: muting silences the microphone in it only.
        for (const sender of pc.getSenders()) {
          if (sender.track && sender.track !== mixer?.track) sender.track.enabled = !muted;
        }
        void microphone?.then(
          (stream) => {
            for (const track of stream.getAudioTracks()) track.enabled = !muted;
          },
          () => undefined,
        );
      },
      async mix(others) {
        const stream = await local();
        const sender = pc.getSenders().find((candidate) => candidate.track?.kind !== 'video');
        const sources = others
          .map((other) => other.remoteAudio?.() ?? null)
          .filter((source): source is MediaStream => source !== null);
        stopMixing();
        if (sources.length === 0) {
          await sender?.replaceTrack(stream.getAudioTracks()[0] ?? null);
          return;
        }
        // Microphone and the other far ends into one track (Web Audio), sent without renegotiation.
        const context = new AudioContext();
        const destination = context.createMediaStreamDestination();
        for (const source of [stream, ...sources]) {
          context.createMediaStreamSource(source).connect(destination);
        }
        const track = destination.stream.getAudioTracks()[0];
        if (!track) throw new SoftphoneError('MEDIA_FAILED', 'Web Audio made no mixed track.');
        mixer = { context, track };
        await context.resume().catch(() => undefined);
        await sender?.replaceTrack(track);
      },
      remoteAudio: () => remote,
      async getStats() {
        return statsOf(await pc.getStats());
      },
      close() {
        stopMixing();
        unfollow();
        pc.close();
        player.srcObject = null;
        void microphone?.then(
          (stream) => {
            for (const track of stream.getTracks()) track.stop();
          },
          () => undefined,
        );
      },
    };
    return media;
  };
}

/** Resolves once ICE gathering completes, or after `timeoutMs` with what was gathered. */
function gathered(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

function statsOf(report: RTCStatsReport): MediaStatsSample | null {
  let sample: MediaStatsSample | null = null;
  let sent = 0;
  let roundTripMs: number | null = null;
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
      sent += Number(entry.bytesSent ?? 0);
    }
    if (entry.type === 'remote-inbound-rtp' && typeof entry.roundTripTime === 'number') {
      roundTripMs = entry.roundTripTime * 1000;
    }
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
      sample = {
        bytesReceived: Number(entry.bytesReceived ?? 0),
        bytesSent: 0,
        packetsLost: Number(entry.packetsLost ?? 0),
        packetsReceived: Number(entry.packetsReceived ?? 0),
        jitterMs: Number(entry.jitter ?? 0) * 1000,
        roundTripMs: null,
      };
    }
  });
  const found = sample as MediaStatsSample | null;
  return found && { ...found, bytesSent: sent, roundTripMs };
}
