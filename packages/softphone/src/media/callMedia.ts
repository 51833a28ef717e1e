/** How a local description is made or a remote one applied. */
export interface MediaDescriptionOptions {
  /** Whether this side holds the call (offer or answer `sendonly`/`inactive`). */
  readonly held: boolean;
  /** Whether to restart ICE (after a reconnect or a network change). */
  readonly iceRestart: boolean;
}

/** Figures of one call's media, read from the media engine (WebRTC `getStats` in browsers). */
export interface MediaStatsSample {
  /** RTP audio bytes received so far. */
  readonly bytesReceived: number;
  /** RTP audio bytes sent so far. */
  readonly bytesSent: number;
  /** Packets lost so far, as reported by the receiver. */
  readonly packetsLost: number;
  /** Packets received so far. */
  readonly packetsReceived: number;
  /** Inter-arrival jitter, in ms. */
  readonly jitterMs: number;
  /** Round-trip time, in ms, when known. */
  readonly roundTripMs: number | null;
}

/**
 * The media of one call: what turns SDP into sound. The softphone drives it through the SIP
 * offer/answer exchange and never looks inside; browsers get a WebRTC one by default, Node bots
 * and tests pass their own (see {@link createStaticMedia}).
 */
export interface CallMedia {
  /** Makes the local offer, or the answer once a remote offer was applied. Returns SDP. */
  getLocalDescription(options: MediaDescriptionOptions): Promise<string>;
  /** Applies the far end's offer or answer. */
  setRemoteDescription(sdp: string, options: MediaDescriptionOptions): Promise<void>;
  /** Sends DTMF in the media (RFC 4733); returns `false` when not negotiated (SIP INFO is used). */
  sendDtmf?(tones: string): boolean;
  /** Stops or restarts sending the microphone. */
  setMuted(muted: boolean): void;
  /** Current media figures, when the engine has them. */
  getStats?(): Promise<MediaStatsSample | null>;
  /** Stops the media and frees devices. */
  close(): void;
  /**
   * Conference audio: sends the microphone mixed with what the far ends of `others` send (their
   * received audio), so that each party hears the other two; an empty list sends the microphone
   * alone again. Optional: media without it (Node's static media) cannot mix.
   */
  mix?(others: readonly CallMedia[]): Promise<void>;
  /** The far end's audio as received, for another call's {@link CallMedia.mix} (browsers). */
  remoteAudio?(): MediaStream | null;
}

/** What a {@link MediaFactory} learns about the call it makes media for. */
export interface MediaContext {
  /** The call's id. */
  readonly callId: string;
  /** Whether the call came in or goes out. */
  readonly direction: 'inbound' | 'outbound';
  /** STUN/TURN servers from the softphone's options. */
  readonly iceServers: readonly IceServer[];
}

/** A STUN or TURN server (the shape of WebRTC's `RTCIceServer`). */
export interface IceServer {
  /** One URL or several, e.g. `stun:stun.example.com:3478`. */
  readonly urls: string | readonly string[];
  /** TURN user name. */
  readonly username?: string;
  /** TURN credential. */
  readonly credential?: string;
}

/** Makes the {@link CallMedia} of each call. */
export type MediaFactory = (context: MediaContext) => CallMedia;
