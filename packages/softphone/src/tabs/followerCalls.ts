import type { Clock } from '@switchboard/core';
import type { AnswerOptions, Call, CallSnapshot } from '../call';
import { createRemoteCall, type RemoteCall, type SendCommand } from './remoteCall';
import { fromWireError } from './tabProtocol';

/** What a follower tab's view of the leading tab's calls needs. @internal */
export interface FollowerCallsOptions {
  /** Sends a call control to the leading tab. */
  readonly send: SendCommand;
  /** Reports a failure no promise can carry. */
  readonly report: (error: unknown) => void;
  /** Answers call `callId` in this tab (its audio moves here). */
  readonly answerHere: (callId: string, options: AnswerOptions) => Promise<void>;
  /** Reports a call that ended with the leading tab (`call.ended`). */
  readonly ended: (call: CallSnapshot) => void;
  /** The clock the ends are dated by. */
  readonly clock: Clock;
}

/** A follower tab's handles on the leading tab's calls, kept until they end. @internal */
export interface FollowerCalls {
  /** This tab's handle of the call `snapshot` shows (made once, then kept up to date). */
  readonly show: (snapshot: CallSnapshot, headers?: Record<string, string>) => Call;
  /** The handle of call `id`, while shown. */
  readonly get: (id: string) => Call | undefined;
  /**
   * An event's payload as the leading tab sent it, with this tab's handle for a live call and a
   * {@link SoftphoneError} for an error.
   */
  readonly fromWire: (
    payload: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Record<string, unknown>;
  /** Ends (`connectionLost`) and forgets every call shown: the leading tab closed with them. */
  readonly endAll: () => void;
}

/** A follower tab's {@link FollowerCalls}, none shown yet. @internal */
export function createFollowerCalls(options: FollowerCallsOptions): FollowerCalls {
  const remotes = new Map<string, RemoteCall>();
  const show = (snapshot: CallSnapshot, headers: Record<string, string> = {}): Call => {
    let remote = remotes.get(snapshot.id);
    if (!remote) {
      remote = createRemoteCall(snapshot, options.send, options.report, (answerOptions) =>
        options.answerHere(snapshot.id, answerOptions ?? {}),
      );
      remotes.set(snapshot.id, remote);
    }
    remote.addHeaders(headers);
    remote.update(snapshot);
    return remote.call;
  };
  return {
    show,
    get: (id) => remotes.get(id)?.call,
    fromWire(payload, headers) {
      const local: Record<string, unknown> = { ...payload };
      const call = payload.call as CallSnapshot | undefined;
      if (call) {
        const handle = show(call, headers);
        if (payload.live) local.call = handle;
        if (call.status === 'ended') remotes.delete(call.id);
        delete local.live;
      }
      if (payload.error) local.error = fromWireError(payload.error as never);
      return local;
    },
    endAll() {
      for (const remote of remotes.values()) {
        const before = remote.call.getSnapshot();
        if (before.status === 'ended') continue;
        remote.update({
          ...before,
          status: 'ended',
          endedAt: options.clock.now(),
          endReason: 'connectionLost',
        });
        options.ended(remote.call.getSnapshot());
      }
      remotes.clear();
    },
  };
}
