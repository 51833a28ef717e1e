import type { Clock, TimerHandle } from '@switchboard/core';
import { SessionState, UserAgent, type Session, type URI } from 'sip.js';
import type {
  Call,
  CallEndReason,
  CallSnapshot,
  PauseRecordingOptions,
  TransferResult,
} from '../call';
import type { ReinviteQueue } from '../core/reinviteQueue';
import { SoftphoneError } from '../errors';
import type { RecordingAction } from '../softphoneOptions';
import { recordingRequest } from './recordingControl';
import type { CallContext, CallHandle } from './sipCall';
import { consultedSession, sendRefer, type ConsultedDialog } from './transfer';

/** Where a call can be transferred: an address, a call, or a dialog another tab carries. */
export type TransferTarget = string | Call | ConsultedDialog;

/** What transfers and the recording pause need from the call they belong to. */
export interface CallInternals {
  /** The call's sip.js session now (a rejoin by the far end swaps it). */
  readonly session: () => Session;
  /** The softphone's side. */
  readonly context: CallContext;
  /** The call's renegotiation queue (transfers join it). */
  readonly queue: ReinviteQueue;
  /** Settles once the caller's ACK has arrived (at once for outbound calls). */
  readonly confirmed: () => Promise<void>;
  /** The call's current snapshot. */
  readonly snapshot: () => CallSnapshot;
  /** Changes the snapshot. */
  readonly update: (patch: Partial<CallSnapshot>) => void;
  /** An `INVALID_STATE` error for doing `what` now. */
  readonly fail: (what: string, details?: Record<string, unknown>) => SoftphoneError;
  /** Sends an in-call INFO and waits for its answer. */
  readonly sendInfo: (
    what: string,
    body: { readonly contentType: string; readonly content: string },
    extraHeaders?: string[],
  ) => Promise<void>;
  /** How the call ends if the far end hangs up from now on (`null`: as usual). */
  readonly expectEnd: (reason: 'transferred' | 'replaced' | null) => void;
  /** The reason the call ends with when this side hangs up now. */
  readonly endAs: (reason: CallEndReason) => void;
}

/** A call's transfer and recording controls. */
export interface CallFeatures {
  /** See `Call.transfer`; also to a consulted dialog of another tab. */
  readonly transfer: (target: TransferTarget) => Promise<TransferResult>;
  /** See `Call.pauseRecording`. */
  readonly pauseRecording: (options?: PauseRecordingOptions) => Promise<void>;
  /** See `Call.resumeRecording`. */
  readonly resumeRecording: () => Promise<void>;
  /** Stops the automatic resume (the call ended). */
  stop(): void;
}

/** Builds the transfer (REFER through the call's queue) and PCI pause controls of one call. */
export function createCallFeatures(internals: CallInternals): CallFeatures {
  const { context, queue, update, fail, sendInfo, expectEnd, endAs } = internals;
  const confirmed = () => internals.confirmed();
  const clock: Clock = context.clock;
  let resumeTimer: TimerHandle;

  const recording = async (action: RecordingAction, reason: 'request' | 'timeout', ms = 0) => {
    if (internals.snapshot().status !== 'connected') throw fail(`${action} the recording of`);
    await confirmed();
    const request = recordingRequest(context.recordingControl, action);
    await sendInfo(`The recording ${action} INFO`, request.body, request.extraHeaders);
    clock.clearTimeout(resumeTimer);
    const paused = action === 'pause';
    if (paused && ms > 0) {
      resumeTimer = clock.setTimeout(() => {
        recording('resume', 'timeout').catch((error: unknown) => {
          context.emit('error', {
            error: new SoftphoneError('CALL_FAILED', 'The automatic resume failed.', {
              cause: error,
              details: { callId: internals.snapshot().id },
            }),
          });
        });
      }, ms);
    }
    update({ recordingPaused: paused });
    if (paused)
      context.emit('call.recordingPaused', { call: internals.snapshot(), autoResumeMs: ms });
    else context.emit('call.recordingResumed', { call: internals.snapshot(), reason });
  };

  const transfer = async (target: TransferTarget): Promise<TransferResult> => {
    if (internals.snapshot().status !== 'connected') throw fail('transfer');
    if (!context.canSignal()) throw fail('transfer', { reconnecting: true });
    if (typeof target !== 'string' && 'record' in target) {
      return refer(consultedSession(target.record), target.uri, 'attended', undefined);
    }
    const consulted = typeof target === 'string' ? undefined : context.handleOf(target.id);
    if (typeof target !== 'string' && consulted?.call.getSnapshot().status !== 'connected') {
      throw new SoftphoneError('INVALID_STATE', 'An attended transfer needs a connected call.', {
        details: { callId: internals.snapshot().id, targetCallId: target.id },
      });
    }
    if (consulted) {
      // A consultation moved to another tab is named by the dialog that tab carries.
      const record = consulted.leg?.record;
      const session = consulted.moved ? record && consultedSession(record) : consulted.session;
      if (!session) throw fail('transfer to a call whose dialog is unknown');
      return refer(session, consulted.call.getSnapshot().remote.uri, 'attended', consulted);
    }
    const uri = await context.resolveTarget(target as string);
    const referTo = UserAgent.makeURI(uri);
    if (!referTo) {
      throw new SoftphoneError('INVALID_TARGET', `"${uri}" is not a valid SIP URI.`);
    }
    return refer(referTo, uri, 'blind', undefined);
  };

  /** Sends the REFER through the call's queue; the call (and the consultation) end on success. */
  const refer = async (
    referTo: URI | Session,
    targetUri: string,
    mode: TransferResult['mode'],
    consulted: CallHandle | undefined,
  ): Promise<TransferResult> => {
    consulted?.expectEnd('transferred');
    expectEnd('transferred');
    try {
      const statusCode = await queue.run(async () => {
        await confirmed();
        const session = internals.session();
        if (session.state !== SessionState.Established) throw fail('transfer');
        return sendRefer(session, referTo, {
          clock,
          timeoutMs: context.transferTimeoutMs,
          details: { callId: internals.snapshot().id, target: targetUri, mode },
        });
      });
      const result: TransferResult = { mode, target: targetUri, statusCode };
      context.emit('call.transferred', { call: internals.snapshot(), ...result });
      endAs('transferred');
      const session = internals.session();
      if (session.state === SessionState.Established) await session.bye().catch(() => undefined);
      return result;
    } catch (error) {
      consulted?.expectEnd(null);
      expectEnd(null);
      throw error;
    }
  };

  return {
    transfer,
    pauseRecording: (options: PauseRecordingOptions = {}) =>
      recording(
        'pause',
        'request',
        options.autoResumeMs ?? context.recordingControl?.autoResumeMs ?? 180_000,
      ),
    resumeRecording: () => recording('resume', 'request'),
    stop: () => {
      clock.clearTimeout(resumeTimer);
    },
  };
}
