import type { Unsubscribe } from '@switchboard/core';
import type { Call, CallSnapshot } from './call';
import type { RegistrationState } from './core/registrationMachine';
import type { SoftphoneError } from './errors';
import type { MediaStatsSample } from './media/callMedia';
import type { TabRole } from './tabs/createSharedSoftphone';
import type { WakeReason } from './web/wakeWatcher';

/** The softphone's state: registration and every call not yet ended. Frozen. */
export interface SoftphoneSnapshot {
  /** Where the registration stands. */
  readonly registration: RegistrationState;
  /** Calls ringing, dialling or connected, oldest first. */
  readonly calls: readonly CallSnapshot[];
}

/** Every event of a softphone, by name; each has one payload object. */
export interface SoftphoneEvents {
  /** The registration changed status (or was renewed). */
  'registration.changed': {
    /** The new state. */
    readonly registration: RegistrationState;
  };
  /** A call came in and rings. */
  'call.incoming': {
    /** The ringing call. */
    readonly call: Call;
  };
  /** A call was placed. */
  'call.outgoing': {
    /** The call being dialled. */
    readonly call: Call;
  };
  /** A call was answered (by either side). */
  'call.connected': {
    /** The call. */
    readonly call: CallSnapshot;
  };
  /** This side put a call on hold. */
  'call.held': {
    /** The call. */
    readonly call: CallSnapshot;
  };
  /** This side took a call off hold. */
  'call.resumed': {
    /** The call. */
    readonly call: CallSnapshot;
  };
  /** A call's media was restored after a reconnect (re-INVITE with ICE restart). */
  'call.restored': {
    /** The call. */
    readonly call: CallSnapshot;
    /** How long the call was without a connection, in ms. */
    readonly outageMs: number;
  };
  /** Media figures of a connected call, every `qualityIntervalMs` (WebRTC media only). */
  'call.quality': {
    /** The call. */
    readonly call: CallSnapshot;
    /** The figures read from the media engine. */
    readonly stats: MediaStatsSample;
    /** Packets lost since the previous sample, in percent. */
    readonly lossPercent: number;
    /** An estimated mean opinion score, 1 (bad) to 4.5 (excellent). */
    readonly mos: number;
  };
  /** The far end sent a DTMF tone by SIP INFO. */
  'call.dtmfReceived': {
    /** The call. */
    readonly call: CallSnapshot;
    /** The tone: `0-9`, `*`, `#` or `A-D`. */
    readonly tone: string;
  };
  /** A call ended; `call.endReason` says why. */
  'call.ended': {
    /** The call, in its final state. */
    readonly call: CallSnapshot;
  };
  /**
   * A call the page before a reload left connected was found and ended: a BYE went to the far
   * end (its media died with the old page), so no ghost call stays up on either side.
   */
  'call.orphanEnded': {
    /** The SIP Call-ID of the orphaned dialog. */
    readonly callId: string;
    /** The far end's URI. */
    readonly remoteUri: string;
    /** The far end's answer to the BYE (200, or 481 when it had already ended); `null` if none. */
    readonly statusCode: number | null;
  };
  /** The page became visible, the network came back or a sleep ended: the phone re-registers. */
  'softphone.woke': {
    /** What was noticed. */
    readonly reason: WakeReason;
    /** For `timerGap`, how much later than due the sleep detector's timer fired, in ms. */
    readonly gapMs: number;
  };
  /** This tab started or stopped owning the registration (`createSharedSoftphone` only). */
  'tabs.roleChanged': {
    /** The tab's part now. */
    readonly role: TabRole;
  };
  /** Something failed that no promise could report (a refresh, a reconnect, a listener). */
  error: {
    /** What failed. */
    readonly error: SoftphoneError;
  };
}

/** Options of {@link Softphone.call}. */
export interface CallOptions {
  /** Extra SIP headers for the INVITE, e.g. `X-Contact-Id: 42`. */
  readonly extraHeaders?: readonly string[];
}

/**
 * A SIP softphone: a registration and its calls. Observable like every Switchboard object:
 * `getSnapshot()` + `subscribe()` for UI bindings, typed `on()` for events.
 */
export interface Softphone {
  /** The current state; the same object until it changes. */
  getSnapshot(): SoftphoneSnapshot;
  /** Calls `listener` when the snapshot changes; fits React's `useSyncExternalStore`. */
  subscribe(listener: () => void): Unsubscribe;
  /** Calls `listener` on every `event` until the returned function is called. */
  on<K extends keyof SoftphoneEvents>(
    event: K,
    listener: (payload: SoftphoneEvents[K]) => void,
  ): Unsubscribe;
  /**
   * Connects and registers. Resolves once registered; rejects with `UNAUTHORIZED`,
   * `CREDENTIALS_UNAVAILABLE`, `REGISTRATION_FAILED` or `TRANSPORT_FAILED`.
   */
  register(): Promise<void>;
  /** Removes the registration and stops reconnecting; calls in progress go on. */
  unregister(): Promise<void>;
  /** Calls a SIP URI, a user in this domain, or a phone number (normalised to E.164). */
  call(target: string, options?: CallOptions): Promise<Call>;
  /** The live call with this id, if any. */
  getCall(id: string): Call | undefined;
  /** Re-registers now (and restores calls' media): after a network change or a wake-up. */
  refresh(): Promise<void>;
  /** Hangs up every call, unregisters and closes the connection. */
  dispose(): Promise<void>;
}
