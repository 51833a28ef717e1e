import type { AnswerOptions } from './call';
import { SoftphoneError } from './errors';
import type { CallHandle } from './sip/sipCall';
import type { Conference, SoftphoneEvents } from './softphoneTypes';

/** What call waiting and conferences need from the softphone. */
export interface CallControlContext {
  /** The phone's calls by id. */
  readonly handles: ReadonlyMap<string, CallHandle>;
  /** Emits a softphone event. */
  readonly emit: <K extends keyof SoftphoneEvents>(event: K, payload: SoftphoneEvents[K]) => void;
  /** A new unique id. */
  readonly newId: () => string;
  /** Reports an error that does not stop the operation (a failed audio mix). */
  readonly report: (error: unknown) => void;
}

/** Call waiting and conferences over several calls of one softphone. */
export interface CallControl {
  /** Holds the other connected calls before `callId` is answered, unless told not to. */
  beforeAnswer(callId: string, options: AnswerOptions): Promise<void>;
  /** Makes `callId` the active call (see `Softphone.switchTo`). */
  switchTo(callId: string): Promise<void>;
  /** Joins calls into a conference (see `Softphone.conference`). */
  conference(calls: readonly { readonly id: string }[]): Promise<Conference>;
  /**
   * A call ended: it leaves its conference, so the other legs stop mixing its (silent) audio; a
   * conference of one is over.
   */
  ended(handle: CallHandle): void;
}

/** Creates the {@link CallControl} of one softphone. */
export function createCallControl(context: CallControlContext): CallControl {
  const { handles } = context;
  const handleOf = (callId: string): CallHandle => {
    const handle = handles.get(callId);
    if (!handle || handle.call.getSnapshot().status === 'ended') {
      throw new SoftphoneError('NOT_FOUND', `No call ${callId}.`, { details: { callId } });
    }
    return handle;
  };

  /** Holds every connected, unheld call except `callId` and its conference. */
  const holdOthers = async (callId: string) => {
    const conferenceId = handles.get(callId)?.call.getSnapshot().conferenceId ?? null;
    const others = [...handles.values()].filter((handle) => {
      const snapshot = handle.call.getSnapshot();
      return (
        handle.call.id !== callId &&
        snapshot.status === 'connected' &&
        !snapshot.held &&
        (conferenceId === null || snapshot.conferenceId !== conferenceId)
      );
    });
    for (const other of others) leave(other);
    await Promise.all(others.map((other) => other.call.hold()));
  };

  /**
   * Conference audio: each member sends the microphone mixed with the other members' far ends
   * (media that can mix: WebRTC in browsers); a call out of any conference sends the microphone.
   */
  const remix = (list: readonly CallHandle[]) => {
    for (const handle of list) {
      const others = list.filter((other) => other !== handle).map((other) => other.media);
      handle.media?.mix?.(others.filter((media) => media !== undefined)).catch((error: unknown) => {
        context.report(error);
      });
    }
  };

  /** Takes a call out of its conference; a conference of one is over. */
  const leave = (handle: CallHandle) => {
    const conferenceId = handle.call.getSnapshot().conferenceId;
    if (conferenceId === null) return;
    const ended = handle.call.getSnapshot().status === 'ended';
    handle.setConference(null);
    const rest = members(conferenceId).filter((member) => member !== handle);
    if (rest.length === 1) rest[0]?.setConference(null);
    if (!ended) remix([handle]);
    for (const single of rest.length === 1 ? rest : []) remix([single]);
    if (rest.length > 1) remix(rest);
    context.emit('conference.changed', {
      conferenceId,
      calls: rest.length > 1 ? rest.map((member) => member.call.getSnapshot()) : [],
    });
  };
  const members = (conferenceId: string) =>
    [...handles.values()].filter(
      (handle) =>
        handle.call.getSnapshot().conferenceId === conferenceId &&
        handle.call.getSnapshot().status !== 'ended',
    );

  return {
    ended: leave,
    async beforeAnswer(callId, options) {
      if (options.holdOthers !== false) await holdOthers(callId);
    },
    async switchTo(callId) {
      const handle = handleOf(callId);
      await holdOthers(callId);
      const snapshot = handle.call.getSnapshot();
      if (snapshot.status === 'ringing') await handle.call.answer({ holdOthers: false });
      else if (snapshot.held) await handle.call.resume();
    },
    async conference(calls) {
      const joined = calls.map((call) => handleOf(call.id));
      if (new Set(joined).size < 2) {
        throw new SoftphoneError('INVALID_INPUT', 'A conference needs two calls or more.', {
          details: { calls: calls.length },
        });
      }
      for (const handle of joined) {
        if (handle.call.getSnapshot().status !== 'connected') {
          throw new SoftphoneError('INVALID_STATE', 'Only connected calls can be conferenced.', {
            details: { callId: handle.call.id, status: handle.call.getSnapshot().status },
          });
        }
      }
      const moved = joined.filter((handle) => handle.moved).map((handle) => handle.call.id);
      if (moved.length > 0) {
        // Each tab mixes the audio it plays: a call moved to another tab cannot be mixed here.
        throw new SoftphoneError(
          'INVALID_STATE',
          'A call whose audio moved to the tab that answered it cannot join a conference.',
          { details: { reason: 'audioMoved', callIds: moved } },
        );
      }
      const id = context.newId();
      for (const handle of joined) leave(handle);
      await Promise.all(
        joined.filter((handle) => handle.call.getSnapshot().held).map((h) => h.call.resume()),
      );
      for (const handle of joined) handle.setConference(id);
      remix(joined);
      context.emit('conference.changed', {
        conferenceId: id,
        calls: joined.map((handle) => handle.call.getSnapshot()),
      });
      const conference: Conference = {
        id,
        calls: joined.map((handle) => handle.call),
        async split() {
          const [first, ...rest] = members(id);
          for (const handle of rest) leave(handle);
          if (first) await holdOthers(first.call.id);
        },
        async hangUp() {
          await Promise.all(members(id).map((handle) => handle.call.hangUp()));
        },
      };
      return conference;
    },
  };
}
