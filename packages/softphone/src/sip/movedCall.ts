import type { Call, CallSnapshot, TransferResult } from '../call';
import { SoftphoneError } from '../errors';
import type { QualitySampler } from './callQuality';
import { recordOf } from './dialogMemory';
import type { CallHandle, CallLeg, CallParts } from './sipCall';
import type { ConsultedDialog } from './transfer';

/**
 * Call controls a moved call hands to its leg, besides `transfer` (see
 * {@link MovedCall.transferViaLeg}); `setMuted` mutes both sides, answering is past. @internal
 */
export type LegControl =
  'hangUp' | 'hold' | 'resume' | 'sendDtmf' | 'getStats' | 'pauseRecording' | 'resumeRecording';

/** What moving a call to another tab acts on (a move waits for the ACK). @internal */
export interface MovedCallContext extends CallParts {
  /** The call's media sampling (the leg's tab samples a moved call). */
  readonly quality: QualitySampler;
}

/**
 * A call whose dialog and media may move to another tab (its {@link CallLeg}): the hand-over
 * and, once moved, the controls that go to the leg and the leg's state that comes back.
 * @internal
 */
export interface MovedCall extends Pick<
  CallHandle,
  'handOff' | 'moveTo' | 'legChanged' | 'moved' | 'leg'
> {
  /** The session ended: whether the call lives on in another tab (moving or moved there). */
  readonly outlivesSession: () => boolean;
  /** The control `name`: `local` while the call is here, the leg's once it moved. */
  readonly viaLeg: <K extends LegControl>(name: K, local: Call[K]) => Call[K];
  /**
   * `call.transfer`: `local` while the call is here; once moved, the leg transfers (to a call,
   * named by its dialog, wherever that one lives).
   */
  readonly transferViaLeg: (local: Call['transfer']) => Call['transfer'];
}

/** The {@link MovedCall} side of one call, not moved yet. @internal */
export function createMovedCall(moving: MovedCallContext): MovedCall {
  const { state, ending } = moving;
  /** Moving to another tab: the session's end waits for the move's outcome. */
  let handingOff = false;
  /** The session ended while handing off. */
  let sessionGone = false;
  /** Where the call goes on once moved to another tab. */
  let leg: CallLeg | null = null;

  /**
   * Attended transfer of a call another tab carries: the leg sends the REFER in its dialog, with
   * Replaces naming the consultation's dialog, wherever that one lives (here, or moved too).
   */
  const transferMoved = async (to: CallLeg, target: Call): Promise<TransferResult> => {
    const consulted = moving.context.handleOf(target.id);
    const connected = consulted?.call.getSnapshot().status === 'connected';
    const record =
      consulted && connected
        ? consulted.moved
          ? consulted.leg?.record
          : recordOf(consulted.session, true)
        : null;
    if (!consulted || !record) {
      throw new SoftphoneError('INVALID_STATE', 'An attended transfer needs a connected call.', {
        details: { callId: state.snapshot().id, targetCallId: target.id },
      });
    }
    const consultation: ConsultedDialog = {
      record,
      uri: consulted.call.getSnapshot().remote.uri,
    };
    consulted.expectEnd('transferred');
    try {
      return (await to.run('transfer', [consultation])) as TransferResult;
    } catch (error) {
      consulted.expectEnd(null);
      throw error;
    }
  };

  return {
    get moved() {
      return leg !== null;
    },
    get leg() {
      return leg;
    },
    outlivesSession() {
      if (!handingOff && !leg) return false;
      sessionGone = true; // the other tab's INVITE with Replaces took the dialog over
      return true;
    },
    viaLeg(name, local) {
      const here = local as (...args: unknown[]) => Promise<unknown>;
      const control = (...args: unknown[]) => (leg ? leg.run(name, args) : here(...args));
      return control as typeof local;
    },
    transferViaLeg: (local) => (target) => {
      if (!leg) return local(target);
      if (typeof target !== 'string') return transferMoved(leg, target);
      return leg.run('transfer', [target]) as Promise<TransferResult>;
    },
    async handOff() {
      if (state.snapshot().status !== 'connected') throw state.fail('move');
      await moving.requests.confirmed();
      handingOff = true;
    },
    moveTo(next) {
      handingOff = false;
      leg = next;
      if (next) {
        moving.quality.stop();
        state.update({ reconnecting: false });
        if (!sessionGone)
          moving
            .session()
            .bye()
            .catch(() => undefined); // a far end that kept both
      } else if (sessionGone) {
        const cause = ending.causeOr('remoteHangUp');
        state.end(cause.reason, cause.statusCode);
      }
    },
    legChanged(next: CallSnapshot) {
      if (!leg) return;
      if (next.status === 'ended') {
        const reason = next.endReason === 'remoteHangUp' ? ending.expected : null;
        state.end(reason ?? next.endReason ?? 'failed', next.statusCode);
        return;
      }
      const { held, remoteHeld, muted, reconnecting, recordingPaused } = next;
      state.update({ held, remoteHeld, muted, reconnecting, recordingPaused });
    },
  };
}
