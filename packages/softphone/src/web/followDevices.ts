import type { DeviceManager } from './devices';

/** How {@link followDevices} reaches the call's microphone stream. */
export interface MicrophoneSlot {
  /** The call's open microphone, if it was opened yet. */
  opened(): Promise<MediaStream> | undefined;
  /** Records the stream that replaced it. */
  replaced(stream: MediaStream): void;
}

/**
 * Keeps one call's media on the devices chosen in `devices`: a new microphone replaces the
 * sending track (`RTCRtpSender.replaceTrack`, no renegotiation; mute carries over) and a new
 * speaker moves the player (`setSinkId`). Failures go to `devices.failed`; the call keeps its
 * previous device. Returns a function that stops following.
 */
export function followDevices(
  devices: DeviceManager,
  pc: RTCPeerConnection,
  player: HTMLAudioElement,
  slot: MicrophoneSlot,
): () => void {
  let { microphoneId, speakerId } = devices.getSnapshot();
  const sink = (id: string | null) => {
    // Not every browser can choose the output (Firefox before 116, Safari).
    const settable = player as { setSinkId?: (id: string) => Promise<void> };
    if (typeof settable.setSinkId !== 'function') return;
    settable.setSinkId(id ?? '').catch((error: unknown) => {
      devices.report(error);
    });
  };
  const switchMicrophone = async () => {
    const current = await slot.opened()?.catch(() => undefined);
    if (!current) return; // not opened yet: the call opens the new choice itself
    const stream = await devices.openMicrophone();
    const track = stream.getAudioTracks()[0];
    const sender = pc.getSenders().find((candidate) => candidate.track?.kind === 'audio');
    if (!track || !sender) {
      for (const unused of stream.getTracks()) unused.stop();
      return;
    }
    track.enabled = sender.track?.enabled ?? true;
    await sender.replaceTrack(track);
    for (const old of current.getTracks()) old.stop();
    slot.replaced(stream);
  };
  if (speakerId !== null) sink(speakerId);
  return devices.subscribe(() => {
    const next = devices.getSnapshot();
    if (next.speakerId !== speakerId) {
      speakerId = next.speakerId;
      sink(speakerId);
    }
    if (next.microphoneId !== microphoneId) {
      microphoneId = next.microphoneId;
      switchMicrophone().catch((error: unknown) => {
        devices.report(error);
      });
    }
  });
}
