import { createEventBus } from '@switchboard/core';
import type { Call, CallSnapshot, TransferResult } from '../call';
import type { MediaStatsSample } from '../media/callMedia';
import type { Conference } from '../softphoneTypes';
import type { WireConference, WireTransferTarget } from './tabProtocol';

/** Sends a call control to the leading tab and resolves with its result. */
export type SendCommand = (
  name: string,
  callId: string | null,
  args: readonly unknown[],
) => Promise<unknown>;

/** A follower tab's handle on a call that lives in the leading tab. */
export interface RemoteCall {
  /** The public call: every control is carried out by the leading tab. */
  readonly call: Call;
  /** Takes the leading tab's newer snapshot. */
  update(snapshot: CallSnapshot): void;
  /** Adds INVITE headers the leading tab shared (lower-case names). */
  addHeaders(headers: Readonly<Record<string, string>>): void;
}

/**
 * A {@link Call} whose state comes from the leading tab and whose controls are sent to it.
 * `answer` is the tab's own (it moves the call's audio to this tab). `setMuted` cannot return a promise (the interface is
 * synchronous): a failure is reported through `failed`.
 */
export function createRemoteCall(
  first: CallSnapshot,
  send: SendCommand,
  failed: (error: unknown) => void,
  answer: Call['answer'],
): RemoteCall {
  let snapshot = first;
  const headers: Record<string, string> = {};
  const listeners = createEventBus<{ change: undefined }>();
  const control =
    (name: string) =>
    (...args: unknown[]) =>
      send(name, snapshot.id, args).then(() => undefined);
  const call: Call = {
    id: first.id,
    getSnapshot: () => snapshot,
    subscribe: (listener) => listeners.on('change', listener),
    answer,
    reject: control('reject'),
    hangUp: control('hangUp'),
    hold: control('hold'),
    resume: control('resume'),
    sendDtmf: control('sendDtmf'),
    setMuted(muted) {
      send('setMuted', snapshot.id, [muted]).catch(failed);
    },
    getStats: async () => (await send('getStats', snapshot.id, [])) as MediaStatsSample | null,
    async transfer(target) {
      const wire: WireTransferTarget = typeof target === 'string' ? target : { callId: target.id };
      return (await send('transfer', snapshot.id, [wire])) as TransferResult;
    },
    pauseRecording: control('pauseRecording'),
    resumeRecording: control('resumeRecording'),
    header: (name) => headers[name.toLowerCase()] ?? null,
  };
  return {
    call,
    addHeaders(more) {
      Object.assign(headers, more);
    },
    update(next) {
      if (next === snapshot || snapshot.status === 'ended') return;
      snapshot = Object.freeze(next);
      listeners.emit('change', undefined);
    },
  };
}

/**
 * A follower tab's handle on a conference the leading tab started for it: splitting and hanging
 * up are carried out by the leading tab. `calls` are this tab's handles of the joined calls.
 */
export function createRemoteConference(
  wire: WireConference,
  calls: readonly Call[],
  send: SendCommand,
): Conference {
  return {
    id: wire.id,
    calls: wire.callIds.map((id) => calls.find((call) => call.id === id)).filter((c) => !!c),
    split: () => send('conference.split', null, [wire.id]).then(() => undefined),
    hangUp: () => send('conference.hangUp', null, [wire.id]).then(() => undefined),
  };
}
