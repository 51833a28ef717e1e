import type { Unsubscribe } from '@switchboard/core';
import type { MediaStatsSample } from './media/callMedia';

/** Why a call ended. */
export type CallEndReason =
  /** This side hung up. */
  | 'hangUp'
  /** The far end hung up. */
  | 'remoteHangUp'
  /** This side declined the incoming call. */
  | 'rejected'
  /** The caller gave up before it was answered (CANCEL). */
  | 'cancelled'
  /** The far end was busy (486, 600). */
  | 'busy'
  /** The far end declined (603). */
  | 'declined'
  /** Nobody answered, or the far end was unreachable (408, 480, 404). */
  | 'unanswered'
  /** Answered on another device or tab. */
  | 'answeredElsewhere'
  /** The connection to the server stayed down longer than the call could survive. */
  | 'connectionLost'
  /** The call was handed to someone else by a transfer (this side's or the far end's). */
  | 'transferred'
  /** An incoming call replaced it (INVITE with Replaces: the far end of an attended transfer). */
  | 'replaced'
  /** Any other failure (see `statusCode`). */
  | 'failed';

/**
 * A call's lifecycle.
 *
 * ```text
 * inbound:  ringing ──answer()──► connected ──hangUp() / far end BYE──► ended
 *              └──reject() / CANCEL──────────────────────────────────► ended
 * outbound: dialing ──180/183──► early ──200──► connected ──► ended
 *              └─────────── busy / declined / unanswered / hangUp() ──► ended
 * ```
 */
export type CallStatus = 'ringing' | 'dialing' | 'early' | 'connected' | 'ended';

/** Who is on the other end. */
export interface CallParty {
  /** Their SIP URI. */
  readonly uri: string;
  /** Their display name, when given. */
  readonly displayName: string | null;
  /** Their number in E.164 when the user part is one (or when a number was dialled). */
  readonly number: string | null;
}

/** One call's state; frozen, a new object on every change. */
export interface CallSnapshot {
  /** Unique id of the call (stable for its life). */
  readonly id: string;
  /** Whether the call came in or went out. */
  readonly direction: 'inbound' | 'outbound';
  /** The other party. */
  readonly remote: CallParty;
  /** Where the call stands. */
  readonly status: CallStatus;
  /** Whether this side holds the call. */
  readonly held: boolean;
  /** Whether the far end holds the call (its last offer was `sendonly` or `inactive`). */
  readonly remoteHeld: boolean;
  /** Whether the microphone is muted. */
  readonly muted: boolean;
  /** Whether the connection to the server is lost and the call waits to be restored. */
  readonly reconnecting: boolean;
  /** When the call started ringing or dialling (ms since epoch). */
  readonly startedAt: number;
  /** When it was answered, if it was. */
  readonly connectedAt: number | null;
  /** When it ended, if it did. */
  readonly endedAt: number | null;
  /** Why it ended, once it did. */
  readonly endReason: CallEndReason | null;
  /** The SIP status code behind the end, when there was one (486, 603, ...). */
  readonly statusCode: number | null;
  /** Whether the call's recording is paused (see {@link Call.pauseRecording}). */
  readonly recordingPaused: boolean;
  /** The conference the call belongs to, if any (see `Softphone.conference`). */
  readonly conferenceId: string | null;
}

/** Options of {@link Call.answer}. */
export interface AnswerOptions {
  /**
   * Puts every other connected call on hold first (call waiting); the softphone's
   * `holdOnAnswer` (`true`) by default. Calls of the same conference are never held by it.
   */
  readonly holdOthers?: boolean;
}

/** What a completed transfer reports. */
export interface TransferResult {
  /** `blind` (REFER to an address) or `attended` (REFER with Replaces to a consulted call). */
  readonly mode: 'blind' | 'attended';
  /** The address the far end was sent to. */
  readonly target: string;
  /** The final status of the far end's new call, from the NOTIFY's `message/sipfrag` (2xx). */
  readonly statusCode: number;
}

/** Options of {@link Call.pauseRecording}. */
export interface PauseRecordingOptions {
  /**
   * Recording resumes by itself after this many ms, in case nobody resumes it; the softphone's
   * `recordingControl.autoResumeMs` (3 minutes) by default, 0 never.
   */
  readonly autoResumeMs?: number;
}

/** Options of {@link Call.reject}. */
export interface RejectOptions {
  /** The SIP status to answer with: 486 Busy Here by default, 603 Decline, 480, ... */
  readonly statusCode?: number;
}

/** One call: its state and the controls that apply to it. Every control is a promise. */
export interface Call {
  /** The call's id. */
  readonly id: string;
  /** The call's current state; the same object until it changes. */
  getSnapshot(): CallSnapshot;
  /** Calls `listener` when the snapshot changes. */
  subscribe(listener: () => void): Unsubscribe;
  /** Answers an incoming call; other connected calls are held first unless told otherwise. */
  answer(options?: AnswerOptions): Promise<void>;
  /** Declines an incoming call. */
  reject(options?: RejectOptions): Promise<void>;
  /** Ends the call: CANCEL while dialling, a decline while ringing, BYE once connected. */
  hangUp(): Promise<void>;
  /** Puts the far end on hold (re-INVITE, serialized with every other renegotiation). */
  hold(): Promise<void>;
  /** Takes the far end off hold. */
  resume(): Promise<void>;
  /** Mutes or unmutes the microphone. */
  setMuted(muted: boolean): void;
  /** Current media figures (bytes, packets, jitter, round trip), when the media engine has them. */
  getStats(): Promise<MediaStatsSample | null>;
  /** A header of the incoming INVITE (e.g. `X-Switchboard-Contact-Id`); `null` for outbound calls. */
  header(name: string): string | null;
  /** Sends DTMF tones (`0-9`, `*`, `#`, `A-D`; `,` pauses): RFC 4733 when negotiated, SIP INFO otherwise. */
  sendDtmf(tones: string): Promise<void>;
  /**
   * Transfers the far end: to an address (blind: REFER), or to another connected call of this
   * phone (attended: REFER with Replaces, after a consultation). Resolves once the far end's new
   * call is answered, then this call ends with `transferred`; rejects with `TRANSFER_FAILED`
   * (`details.stage`: `refer` when the far end refused the REFER, `notify` when the new call
   * failed, with its `statusCode`; `timeout` when no outcome came) and the call goes on.
   */
  transfer(target: string | Call): Promise<TransferResult>;
  /**
   * Asks the recorder to pause (PCI: while card data is taken) by an in-call request the host
   * configures (`recordingControl`, SIP INFO by default); resumes by itself after `autoResumeMs`.
   */
  pauseRecording(options?: PauseRecordingOptions): Promise<void>;
  /** Asks the recorder to resume recording. */
  resumeRecording(): Promise<void>;
}
