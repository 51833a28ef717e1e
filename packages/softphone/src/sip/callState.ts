import { createEventBus } from '@switchboard/core';
import type { CallEndReason, CallParty, CallSnapshot } from '../call';
import { SoftphoneError } from '../errors';
import type { CallContext } from './sipCall';

/** A call's public snapshot: read, watched, changed, and ended once. @internal */
export interface CallState {
  /** The snapshot now (frozen; a change makes a new one). */
  readonly snapshot: () => CallSnapshot;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Changes the snapshot (nothing once the call ended) and reports the change. */
  readonly update: (patch: Partial<CallSnapshot>) => void;
  /** Ends the call with `reason` and emits `call.ended` (nothing if it already ended). */
  readonly end: (reason: CallEndReason, statusCode: number | null) => void;
  /** An `INVALID_STATE` error for doing `what` to the call as it is now. */
  readonly fail: (what: string, details?: Record<string, unknown>) => SoftphoneError;
}

/**
 * The state of a new call, ringing (inbound) or dialing (outbound). `stop` runs once, as the call
 * ends, before its end is reported (it stops the call's timers and pending requests). @internal
 */
export function createCallState(
  first: Pick<CallSnapshot, 'id' | 'direction'> & { readonly remote: CallParty },
  context: Pick<CallContext, 'clock' | 'emit' | 'changed'>,
  stop: () => void,
): CallState {
  const listeners = createEventBus<{ change: undefined }>();
  let snapshot: CallSnapshot = Object.freeze({
    ...first,
    status: first.direction === 'outbound' ? 'dialing' : 'ringing',
    held: false,
    remoteHeld: false,
    muted: false,
    reconnecting: false,
    startedAt: context.clock.now(),
    connectedAt: null,
    endedAt: null,
    endReason: null,
    statusCode: null,
    recordingPaused: false,
    conferenceId: null,
  });
  const update = (patch: Partial<CallSnapshot>) => {
    if (snapshot.status === 'ended') return;
    snapshot = Object.freeze({ ...snapshot, ...patch });
    listeners.emit('change', undefined);
    context.changed();
  };
  return {
    snapshot: () => snapshot,
    subscribe: (listener) => listeners.on('change', listener),
    update,
    end(reason, statusCode) {
      if (snapshot.status === 'ended') return;
      stop();
      update({ status: 'ended', endedAt: context.clock.now(), endReason: reason, statusCode });
      context.emit('call.ended', { call: snapshot });
    },
    fail: (what, details = {}) =>
      new SoftphoneError('INVALID_STATE', `Cannot ${what} a call that is ${snapshot.status}.`, {
        details: { callId: snapshot.id, status: snapshot.status, ...details },
      }),
  };
}
