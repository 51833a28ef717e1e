import type { TimerHandle } from '@switchboard/core';
import type { Call, PauseRecordingOptions } from '../call';
import { SoftphoneError } from '../errors';
import type { RecordingAction } from '../softphoneOptions';
import { recordingRequest } from './recordingControl';
import type { CallParts } from './sipCall';

/** A call's recording pause (PCI: while card data is taken), resumed by itself in time. @internal */
export interface RecordingPause {
  /** See `Call.pauseRecording`. */
  readonly pauseRecording: Call['pauseRecording'];
  /** See `Call.resumeRecording`. */
  readonly resumeRecording: Call['resumeRecording'];
  /** Stops the automatic resume (the call ended). */
  readonly stop: () => void;
}

/**
 * The {@link RecordingPause} of one call: each pause or resume is an in-call request the host
 * configures (`recordingControl`), sent after the caller's ACK. @internal
 */
export function createRecordingPause(
  parts: Pick<CallParts, 'context' | 'state' | 'requests'>,
): RecordingPause {
  const { context, state, requests } = parts;
  const { clock } = context;
  let resumeTimer: TimerHandle;

  const recording = async (action: RecordingAction, reason: 'request' | 'timeout', ms = 0) => {
    if (state.snapshot().status !== 'connected') throw state.fail(`${action} the recording of`);
    await requests.confirmed();
    const request = recordingRequest(context.recordingControl, action);
    await requests.sendInfo(`The recording ${action} INFO`, request.body, request.extraHeaders);
    clock.clearTimeout(resumeTimer);
    const paused = action === 'pause';
    if (paused && ms > 0) {
      resumeTimer = clock.setTimeout(() => {
        recording('resume', 'timeout').catch((error: unknown) => {
          context.emit('error', {
            error: new SoftphoneError('CALL_FAILED', 'The automatic resume failed.', {
              cause: error,
              details: { callId: state.snapshot().id },
            }),
          });
        });
      }, ms);
    }
    state.update({ recordingPaused: paused });
    if (paused) context.emit('call.recordingPaused', { call: state.snapshot(), autoResumeMs: ms });
    else context.emit('call.recordingResumed', { call: state.snapshot(), reason });
  };

  return {
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
