import type { Clock } from '@switchboard/core';
import { Invitation, Inviter, type Referral, type Session } from 'sip.js';
import type { AnswerOptions, Call, CallParty, CallSnapshot, TransferResult } from '../call';
import { SoftphoneError } from '../errors';
import type { CallMedia } from '../media/callMedia';
import type { RecordingControlOptions } from '../softphoneOptions';
import type { SoftphoneEvents } from '../softphoneTypes';
import { createCallEnding, type CallEnding } from './callEnding';
import { createQualitySampler } from './callQuality';
import { createCallReconnection } from './callReconnection';
import { createCallSession } from './callSession';
import { createCallState, type CallState } from './callState';
import { createCallTransfers, type TransferTarget } from './callTransfers';
import type { DialogRecord } from './dialogMemory';
import { createInDialogRequests, type InDialogRequests } from './inDialogRequests';
import { createMediaControls } from './mediaControls';
import { createMovedCall } from './movedCall';
import { createRecordingPause } from './recordingPause';
import { createSessionControls } from './sessionControls';

/** What a call needs from the softphone that owns it. @internal */
export interface CallContext {
  readonly clock: Clock;
  readonly random: () => number;
  /** Emits a softphone event. */
  readonly emit: <K extends keyof SoftphoneEvents>(event: K, payload: SoftphoneEvents[K]) => void;
  /** Reports a snapshot change (the softphone rebuilds its own). */
  readonly changed: () => void;
  /** Whether requests can be sent now (registered and connected). */
  readonly canSignal: () => boolean;
  /** How often a connected call's media figures are sampled for `call.quality`; 0 never. */
  readonly qualityIntervalMs: number;
  /** Turns a transfer target (URI, user, number) into a SIP URI. */
  readonly resolveTarget: (target: string) => Promise<string>;
  /** The handle of another call of the same phone (the consulted call of an attended transfer). */
  readonly handleOf: (callId: string) => CallHandle | undefined;
  /** Runs before an incoming call is answered (call waiting holds the other calls). */
  readonly beforeAnswer: (callId: string, options: AnswerOptions) => Promise<void>;
  /** Handles the far end's REFER (calls the target, or refuses). */
  readonly onReferral: (handle: CallHandle, referral: Referral) => void;
  /** How recording pause and resume requests look. */
  readonly recordingControl: RecordingControlOptions | undefined;
  /** How long a transfer waits for its final NOTIFY. */
  readonly transferTimeoutMs: number;
}

/**
 * The parts of one call that its controls share (see {@link createCallHandle}); each control
 * takes the few it needs. @internal
 */
export interface CallParts {
  /** The softphone's side. */
  readonly context: CallContext;
  /** The call's public snapshot. */
  readonly state: CallState;
  /** Why the call ends. */
  readonly ending: CallEnding;
  /** The call's re-INVITEs and INFOs: one at a time, after the caller's ACK. */
  readonly requests: InDialogRequests;
  /** The call's sip.js session now (a rejoin by the far end swaps it). */
  readonly session: () => Session;
}

/**
 * The softphone's side of a call: the public {@link Call} plus what reconnection needs.
 * @internal
 */
export interface CallHandle {
  /** The public call. */
  readonly call: Call;
  /** `call.transfer`, also to a consultation that another tab carries (by its dialog). */
  transferTo(target: TransferTarget): Promise<TransferResult>;
  /** Gives the call its media once sip.js asks for it. */
  attachMedia(media: CallMedia): void;
  /** The call's media, once sip.js asked for it. */
  readonly media: CallMedia | undefined;
  /** Marks the call as waiting for a lost connection to come back. */
  suspend(): void;
  /** Restores the call's media after a reconnect (re-INVITE with ICE restart). */
  restore(outageMs: number): Promise<void>;
  /** Ends the call after an outage it could not survive; the BYE goes out when it can. */
  abandon(): void;
  /** Sends the BYE an abandoned call still owes, now that the connection is back. */
  flush(): void;
  /** Whether the BYE of an abandoned call is still to be sent. */
  readonly owesBye: boolean;
  /** The sip.js session now (internal: never leaves the package); a rejoin swaps it. */
  readonly session: Session;
  /** Whether the far end advertised `Supported: replaces` (it can take a rejoin after reload). */
  readonly remoteSupportsReplaces: boolean;
  /**
   * The far end came back after a reload with an INVITE that replaces this call's dialog: answers
   * it with fresh media and carries the call on in the new dialog (same id, same snapshot); the
   * old dialog is ended. Resolves once answered.
   */
  adopt(invitation: Invitation): Promise<void>;
  /** Ends with `reason` (instead of `remoteHangUp`) if the far end hangs up from now on. */
  expectEnd(reason: 'transferred' | 'replaced' | null): void;
  /** Sets or clears the call's conference. */
  setConference(conferenceId: string | null): void;
  /**
   * Sends an outbound call's INVITE (its extra headers are given to the Inviter: sip.js ignores
   * request options on an initial INVITE); resolves once sent. `settled` is called on the first
   * answer that needs no more credentials (a provisional or final response).
   */
  dial(settled: () => void): Promise<void>;
  /**
   * Prepares moving this answered call to another tab (see {@link CallLeg}): waits for the ACK,
   * then the session's end (the far end's BYE once the other tab's INVITE with Replaces took the
   * dialog over) no longer ends the call until {@link CallHandle.moveTo} settles the move.
   */
  handOff(): Promise<void>;
  /**
   * Settles a hand-off: `leg` now carries the call (controls go to it, its state comes back
   * through {@link CallHandle.legChanged}); `null`: the move failed, the call stays here, or ends
   * if its session ended meanwhile (the far end hung up).
   */
  moveTo(leg: CallLeg | null): void;
  /** The leg's newer snapshot (the call ends when the leg ended). */
  legChanged(leg: CallSnapshot): void;
  /** Whether another tab carries the call's dialog and media. */
  readonly moved: boolean;
  /** The leg that carries the call (`null` while it is not moved). */
  readonly leg: CallLeg | null;
}

/** The call's dialog and media carried on elsewhere (the tab that answered it). @internal */
export interface CallLeg {
  /** Runs a call control (`hold`, `hangUp`, ...) on the leg; resolves with its result. */
  run(command: string, args: readonly unknown[]): Promise<unknown>;
  /** The leg's dialog as the answering tab reported it (`null` when it could not). */
  readonly record: DialogRecord | null;
}

/**
 * Wraps a sip.js session (no sip.js type leaves this module's parts) as a {@link CallHandle},
 * put together from parts of one purpose each, which share the call's state:
 *
 * - {@link createCallState}: the public snapshot; {@link createCallEnding}: why the call ends;
 * - {@link createCallSession}: the session's events followed into that state (and rejoins);
 * - {@link createInDialogRequests}: re-INVITEs and INFOs, queued, after the caller's ACK;
 * - {@link createSessionControls}: dial, answer, reject, hang up;
 * - {@link createMediaControls}: hold, resume, mute, DTMF;
 * - {@link createCallTransfers}: blind and attended transfers;
 * - {@link createRecordingPause}: pausing and resuming the recording;
 * - {@link createMovedCall}: the hand-over to another tab and the controls its leg takes;
 * - {@link createCallReconnection}: living through a lost connection;
 * - {@link createQualitySampler}: `call.quality` while connected.
 *
 * @internal
 */
export function createCallHandle(
  initial: Session,
  remote: CallParty,
  context: CallContext,
): CallHandle {
  let media: CallMedia | undefined;
  const direction = initial instanceof Inviter ? 'outbound' : 'inbound';
  const state = createCallState({ id: initial.id, direction, remote }, context, () => {
    // As the call ends, its timers and waiting requests stop.
    quality.stop();
    recording.stop();
    requests.queue.clear(new SoftphoneError('INVALID_STATE', 'The call ended.'));
  });
  const ending = createCallEnding();
  const quality = createQualitySampler(context, state.snapshot, () => media);
  const current = () => session.current;
  const requests = createInDialogRequests({ context, state, session: current });
  const parts: CallParts = { context, state, ending, requests, session: current };
  const moved = createMovedCall({ ...parts, quality });
  const session = createCallSession(initial, {
    ...parts,
    quality,
    outlivesSession: moved.outlivesSession,
    referred: (referral) => {
      context.onReferral(handle, referral);
    },
  });
  const transfer = createCallTransfers(parts);
  const recording = createRecordingPause(parts);
  const controls = createSessionControls({ ...parts, answered: session.answered });
  const mediaControls = createMediaControls({
    ...parts,
    media: () => media,
    leg: () => moved.leg,
  });
  const reconnection = createCallReconnection({ ...parts, moved: () => moved.moved });

  const call: Call = {
    id: initial.id,
    getSnapshot: state.snapshot,
    getStats: moved.viaLeg('getStats', async () => (await media?.getStats?.()) ?? null),
    header: (name) => {
      const invitation = session.current;
      return invitation instanceof Invitation ? (invitation.request.getHeader(name) ?? null) : null;
    },
    subscribe: state.subscribe,
    answer: controls.answer,
    reject: controls.reject,
    hangUp: moved.viaLeg('hangUp', controls.hangUp),
    hold: moved.viaLeg('hold', mediaControls.hold),
    resume: moved.viaLeg('resume', mediaControls.resume),
    setMuted: mediaControls.setMuted,
    sendDtmf: moved.viaLeg('sendDtmf', mediaControls.sendDtmf),
    transfer: moved.transferViaLeg(transfer),
    pauseRecording: moved.viaLeg('pauseRecording', recording.pauseRecording),
    resumeRecording: moved.viaLeg('resumeRecording', recording.resumeRecording),
  };

  const handle: CallHandle = {
    call,
    transferTo: transfer,
    get moved() {
      return moved.moved;
    },
    get leg() {
      return moved.leg;
    },
    handOff: moved.handOff,
    moveTo: moved.moveTo,
    legChanged: moved.legChanged,
    get session() {
      return session.current;
    },
    get remoteSupportsReplaces() {
      return session.remoteSupportsReplaces;
    },
    adopt: session.adopt,
    expectEnd: ending.expect,
    setConference(conferenceId) {
      state.update({ conferenceId });
    },
    attachMedia(next) {
      media = next;
    },
    get media() {
      return media;
    },
    suspend: reconnection.suspend,
    restore: reconnection.restore,
    abandon: reconnection.abandon,
    flush: reconnection.flush,
    get owesBye() {
      return reconnection.owesBye;
    },
    dial: controls.dial,
  };
  return handle;
}
