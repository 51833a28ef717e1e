import { createEventBus, type Unsubscribe } from '@switchboard/core';
import { SoftphoneError } from '../errors';

/** A microphone or a speaker the browser reports. */
export interface AudioDevice {
  /** The browser's `deviceId` (stable for the origin once permission was granted). */
  readonly id: string;
  /** Its name; empty until microphone permission was granted. */
  readonly label: string;
  /** Whether it records or plays. */
  readonly kind: 'microphone' | 'speaker';
}

/** Devices found and chosen; frozen, a new object on every change. */
export interface DeviceSnapshot {
  /** Microphones, in the browser's order. */
  readonly microphones: readonly AudioDevice[];
  /** Speakers (audio outputs); empty where the browser cannot choose outputs. */
  readonly speakers: readonly AudioDevice[];
  /** The chosen microphone; `null` follows the system default. */
  readonly microphoneId: string | null;
  /** The chosen speaker; `null` follows the system default. */
  readonly speakerId: string | null;
  /** Whether microphone access was granted, refused, or not asked yet. */
  readonly permission: 'unknown' | 'granted' | 'denied';
}

/** Events of a {@link DeviceManager}. */
export interface DeviceEvents {
  /** The list of devices changed (plugged, unplugged, permission granted). */
  'devices.changed': {
    /** The microphones now. */
    readonly microphones: readonly AudioDevice[];
    /** The speakers now. */
    readonly speakers: readonly AudioDevice[];
  };
  /** The chosen device disappeared; calls moved to the system default. */
  'devices.fallback': {
    /** Which kind of device was lost. */
    readonly kind: 'microphone' | 'speaker';
    /** The id of the device that disappeared. */
    readonly lostId: string;
    /** Its label, when it was known. */
    readonly label: string;
  };
  /** Switching a call's device failed (the call keeps its previous device). */
  'devices.failed': {
    /** What failed: `PERMISSION_DENIED`, `NOT_FOUND` or `MEDIA_FAILED`. */
    readonly error: SoftphoneError;
  };
}

/** One device as `enumerateDevices` lists it (the part of `MediaDeviceInfo` used). */
export interface ListedDevice {
  /** The browser's id of the device. */
  readonly deviceId: string;
  /** `audioinput`, `audiooutput` or `videoinput`. */
  readonly kind: string;
  /** Its name; empty before permission. */
  readonly label: string;
}

/** The part of `navigator.mediaDevices` the manager uses. */
export interface MediaDevicesPort {
  /** Lists devices. */
  enumerateDevices(): Promise<ListedDevice[]>;
  /** Opens a microphone. */
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** Listens to `devicechange`. */
  addEventListener(type: 'devicechange', listener: () => void): void;
  /** Stops listening. */
  removeEventListener(type: 'devicechange', listener: () => void): void;
}

/** Options of {@link createDeviceManager}. */
export interface DeviceManagerOptions {
  /** `navigator.mediaDevices` by default. */
  readonly mediaDevices?: MediaDevicesPort;
  /** Extra audio constraints (echo cancellation, ...) merged with the chosen device. */
  readonly audio?: MediaTrackConstraints;
}

/**
 * Lists and chooses microphones and speakers, before and during calls. Pass it to
 * `createWebRtcMedia({ devices })`: each call opens the chosen microphone and plays through the
 * chosen speaker, and switches both when the choice changes mid-call (`replaceTrack`,
 * `setSinkId`). When the chosen device is unplugged the choice falls back to the system default
 * and `devices.fallback` fires.
 */
export interface DeviceManager {
  /** The devices and the choice; the same object until it changes. */
  getSnapshot(): DeviceSnapshot;
  /** Calls `listener` when the snapshot changes. */
  subscribe(listener: () => void): Unsubscribe;
  /** Calls `listener` on every `event` until the returned function is called. */
  on<K extends keyof DeviceEvents>(
    event: K,
    listener: (payload: DeviceEvents[K]) => void,
  ): Unsubscribe;
  /**
   * Asks for microphone access (device labels need it) and lists the devices. Rejects with
   * `PERMISSION_DENIED` (refused), `NOT_FOUND` (no microphone) or `MEDIA_FAILED`.
   */
  requestPermission(): Promise<void>;
  /** Lists the devices again (done on every `devicechange`). */
  refresh(): Promise<void>;
  /** Chooses the microphone (`null`: the default); `NOT_FOUND` for an unknown id. */
  selectMicrophone(id: string | null): Promise<void>;
  /** Chooses the speaker (`null`: the default); `NOT_FOUND` for an unknown id. */
  selectSpeaker(id: string | null): Promise<void>;
  /** Opens the chosen microphone; rejects with the same codes as `requestPermission`. */
  openMicrophone(): Promise<MediaStream>;
  /** Reports a failure to switch a call's device (`devices.failed`); used by the media engine. */
  report(error: unknown): void;
  /** Stops listening to device changes. */
  dispose(): void;
}

/** Maps a `getUserMedia` failure onto the softphone's codes. */
export function microphoneError(cause: unknown): SoftphoneError {
  if (cause instanceof SoftphoneError) return cause;
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new SoftphoneError('PERMISSION_DENIED', 'Microphone access was denied.', { cause });
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return new SoftphoneError('NOT_FOUND', 'No such microphone.', { cause });
  }
  return new SoftphoneError('MEDIA_FAILED', 'The microphone could not be opened.', { cause });
}

/** Creates a {@link DeviceManager}; it lists devices at once and on every `devicechange`. */
export function createDeviceManager(options: DeviceManagerOptions = {}): DeviceManager {
  const port =
    options.mediaDevices ??
    (globalThis as { navigator?: { mediaDevices?: MediaDevicesPort } }).navigator?.mediaDevices;
  if (!port) throw new SoftphoneError('MEDIA_FAILED', 'This environment has no mediaDevices.');
  const bus = createEventBus<DeviceEvents>();
  const changes = createEventBus<{ change: undefined }>();
  let snapshot: DeviceSnapshot = Object.freeze({
    microphones: [],
    speakers: [],
    microphoneId: null,
    speakerId: null,
    permission: 'unknown',
  });
  const update = (patch: Partial<DeviceSnapshot>) => {
    snapshot = Object.freeze({ ...snapshot, ...patch });
    changes.emit('change', undefined);
  };

  const refresh = async () => {
    const found = await port.enumerateDevices();
    const of = (kind: string, as: AudioDevice['kind']) =>
      found
        .filter((device) => device.kind === kind && device.deviceId !== '')
        .map((device) => Object.freeze({ id: device.deviceId, label: device.label, kind: as }));
    const microphones = of('audioinput', 'microphone');
    const speakers = of('audiooutput', 'speaker');
    const lost = (id: string | null, list: readonly AudioDevice[]) =>
      id !== null && !list.some((device) => device.id === id);
    const lostMicrophone = lost(snapshot.microphoneId, microphones);
    const lostSpeaker = lost(snapshot.speakerId, speakers);
    const fallbacks: DeviceEvents['devices.fallback'][] = [];
    for (const [gone, kind, id] of [
      [lostMicrophone, 'microphone', snapshot.microphoneId],
      [lostSpeaker, 'speaker', snapshot.speakerId],
    ] as const) {
      if (!gone || id === null) continue;
      const label = [...snapshot.microphones, ...snapshot.speakers].find((d) => d.id === id);
      fallbacks.push({ kind, lostId: id, label: label?.label ?? '' });
    }
    const same = (a: readonly AudioDevice[], b: readonly AudioDevice[]) =>
      a.length === b.length &&
      a.every((d, i) => {
        const other = b[i];
        return other !== undefined && d.id === other.id && d.label === other.label;
      });
    const listed = !same(microphones, snapshot.microphones) || !same(speakers, snapshot.speakers);
    if (!listed && fallbacks.length === 0) return;
    update({
      microphones,
      speakers,
      microphoneId: lostMicrophone ? null : snapshot.microphoneId,
      speakerId: lostSpeaker ? null : snapshot.speakerId,
    });
    if (listed) bus.emit('devices.changed', { microphones, speakers });
    for (const fallback of fallbacks) bus.emit('devices.fallback', fallback);
  };
  const onDeviceChange = () => {
    refresh().catch((error: unknown) => {
      bus.emit('devices.failed', { error: microphoneError(error) });
    });
  };
  port.addEventListener('devicechange', onDeviceChange);
  onDeviceChange();

  const openMicrophone = async () => {
    const chosen = snapshot.microphoneId;
    const audio =
      chosen === null ? (options.audio ?? true) : { ...options.audio, deviceId: { exact: chosen } };
    try {
      const stream = await port.getUserMedia({ audio });
      if (snapshot.permission !== 'granted') update({ permission: 'granted' });
      return stream;
    } catch (cause) {
      const error = microphoneError(cause);
      if (error.code === 'PERMISSION_DENIED') update({ permission: 'denied' });
      throw error;
    }
  };
  const choose = async (kind: AudioDevice['kind'], id: string | null) => {
    if (id !== null) {
      const list = kind === 'microphone' ? snapshot.microphones : snapshot.speakers;
      if (!list.some((device) => device.id === id)) await refresh();
      const again = kind === 'microphone' ? snapshot.microphones : snapshot.speakers;
      if (!again.some((device) => device.id === id)) {
        throw new SoftphoneError('NOT_FOUND', `No ${kind} with id ${id}.`, {
          details: { kind, id },
        });
      }
    }
    update(kind === 'microphone' ? { microphoneId: id } : { speakerId: id });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => changes.on('change', listener),
    on: (event, listener) => bus.on(event, listener),
    async requestPermission() {
      const stream = await openMicrophone();
      for (const track of stream.getTracks()) track.stop();
      await refresh();
    },
    refresh,
    selectMicrophone: (id) => choose('microphone', id),
    selectSpeaker: (id) => choose('speaker', id),
    openMicrophone,
    report(error) {
      bus.emit('devices.failed', { error: microphoneError(error) });
    },
    dispose() {
      port.removeEventListener('devicechange', onDeviceChange);
    },
  };
}
