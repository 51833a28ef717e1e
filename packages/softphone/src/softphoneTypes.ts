import type { Unsubscribe } from '@switchboard/core';
import type { Call, CallSnapshot, TransferResult } from './call';
import type { RegistrationState } from './core/registrationMachine';
import type { SoftphoneError } from './errors';
import type { MediaStatsSample } from './media/callMedia';
import type { TabRole } from './tabs/sharedSoftphoneTypes';
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
    /** Whether another call is in progress (call waiting: answering holds it). */
    readonly waiting: boolean;
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
  /** This side's transfer completed: the far end was answered elsewhere; the call then ends. */
  'call.transferred': {
    /** The transferred call. */
    readonly call: CallSnapshot;
    /** `blind` or `attended`. */
    readonly mode: TransferResult['mode'];
    /** Where the far end went. */
    readonly target: string;
    /** The final status of the far end's new call (2xx). */
    readonly statusCode: number;
  };
  /** The far end asked this phone to call someone else (incoming REFER); the new call is placed. */
  'call.referred': {
    /** The new call to the transfer target (live). */
    readonly call: Call;
    /** The call whose far end asked for the transfer. */
    readonly from: CallSnapshot;
  };
  /** An incoming call replaced a connected one (INVITE with Replaces) and was answered. */
  'call.replaced': {
    /** The new call (live). */
    readonly call: Call;
    /** The call it replaced, which ends with `replaced`. */
    readonly replaced: CallSnapshot;
  };
  /** The recorder was asked to pause recording this call, and accepted. */
  'call.recordingPaused': {
    /** The call. */
    readonly call: CallSnapshot;
    /** Recording resumes by itself after this many ms (0: never). */
    readonly autoResumeMs: number;
  };
  /** The recorder was asked to resume recording this call, and accepted. */
  'call.recordingResumed': {
    /** The call. */
    readonly call: CallSnapshot;
    /** `request` (resumeRecording) or `timeout` (the automatic resume). */
    readonly reason: 'request' | 'timeout';
  };
  /** Calls were joined into a conference (or left it: `calls` is then empty). */
  'conference.changed': {
    /** The conference. */
    readonly conferenceId: string;
    /** The calls in it. */
    readonly calls: readonly CallSnapshot[];
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
  /**
   * After a reload, this page took over a call the page before it left connected: an INVITE with
   * Replaces to a far end that advertised `Supported: replaces`, answered with fresh media.
   */
  'call.rejoined': {
    /** The call, now carried by this page (a new id). */
    readonly call: Call;
    /** The SIP Call-ID of the dialog it replaced. */
    readonly replacedCallId: string;
  };
  /**
   * The far end of a connected call reloaded its page and took the call over (an INVITE with
   * Replaces): the call keeps its id and goes on with fresh media.
   */
  'call.remoteRejoined': {
    /** The call, still connected. */
    readonly call: CallSnapshot;
  };
  /**
   * Where the audio of a call answered in a follower tab (`createSharedSoftphone`) plays: moved
   * to the answering tab (its own connection took the dialog over with an INVITE with Replaces),
   * or kept in the leading tab because the far end does not advertise Replaces or the move failed.
   */
  'call.audioPlaced': {
    /** The call (the same id in every tab). */
    readonly call: CallSnapshot;
    /** `answering`: the tab that answered plays it; `leading`: the leading tab does. */
    readonly tab: 'answering' | 'leading';
    /** `moved`, or why it stayed: `replacesUnsupported`, `rejoinFailed`. */
    readonly reason: 'moved' | 'replacesUnsupported' | 'rejoinFailed';
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

/** A conference of this phone's calls (see {@link Softphone.conference}). */
export interface Conference {
  /** Its id, also in each call's `conferenceId`. */
  readonly id: string;
  /** The calls in it (live). */
  readonly calls: readonly Call[];
  /** Ends the conference but not the calls: all but the first are held. */
  split(): Promise<void>;
  /** Hangs every call of the conference up. */
  hangUp(): Promise<void>;
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
  /**
   * Call waiting: makes `callId` the active call. Holds every other connected call (except
   * those of its conference), then resumes it, or answers it if it rings.
   */
  switchTo(callId: string): Promise<void>;
  /**
   * Joins connected calls into a three-way (or larger) conference: takes them all off hold and
   * marks them with one `conferenceId`. The softphone does not mix media itself: see
   * `docs/softphone.md#conference` for what the media layers do with it.
   */
  conference(calls: readonly Call[]): Promise<Conference>;
  /** Re-registers now (and restores calls' media): after a network change or a wake-up. */
  refresh(): Promise<void>;
  /** Hangs up every call, unregisters and closes the connection. */
  dispose(): Promise<void>;
}
