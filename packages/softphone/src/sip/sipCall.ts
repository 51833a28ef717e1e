import { createEventBus, type Clock, type TimerHandle } from '@switchboard/core';
import { Invitation, Inviter, SessionState, type Referral, type Session } from 'sip.js';
import type { Core } from 'sip.js';
import type {
  AnswerOptions,
  Call,
  CallEndReason,
  CallParty,
  CallSnapshot,
  RejectOptions,
  TransferResult,
} from '../call';
import { estimateMos } from '../core/mos';
import { createReinviteQueue } from '../core/reinviteQueue';
import { SoftphoneError } from '../errors';
import type { CallMedia, MediaDescriptionOptions, MediaStatsSample } from '../media/callMedia';
import type { RecordingControlOptions } from '../softphoneOptions';
import type { SoftphoneEvents } from '../softphoneTypes';
import { recordOf, type DialogRecord } from './dialogMemory';
import { descriptionOptions } from './mediaAdapter';
import { createCallFeatures, type TransferTarget } from './callFeatures';
import type { ConsultedDialog } from './transfer';
import { endReasonOf, isRetryableStatus } from './statusCodes';

/** What a call needs from the softphone that owns it. */
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

/** The softphone's side of a call: the public {@link Call} plus what reconnection needs. */
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

/** The call's dialog and media carried on elsewhere (the tab that answered it). */
export interface CallLeg {
  /** Runs a call control (`hold`, `hangUp`, ...) on the leg; resolves with its result. */
  run(command: string, args: readonly unknown[]): Promise<unknown>;
  /** The leg's dialog as the answering tab reported it (`null` when it could not). */
  readonly record: DialogRecord | null;
}

/** Call controls a moved call hands to its leg. */
const legControls = [
  'hangUp',
  'hold',
  'resume',
  'sendDtmf',
  'getStats',
  'transfer',
  'pauseRecording',
  'resumeRecording',
] as const;

const dtmfTones = /^[0-9A-D*#,]+$/i;

/** Wraps a sip.js session (no sip.js type leaves this module) as a {@link CallHandle}. */
export function createCallHandle(
  initial: Session,
  remote: CallParty,
  context: CallContext,
): CallHandle {
  const { clock } = context;
  let session = initial;
  let remoteSupportsReplaces = session instanceof Invitation && supportsReplaces(session.request);
  const direction = session instanceof Inviter ? 'outbound' : 'inbound';
  const listeners = createEventBus<{ change: undefined }>();
  let media: CallMedia | undefined;
  let pendingReason: { reason: CallEndReason; statusCode: number | null } | undefined;
  let owesBye = false;
  let snapshot: CallSnapshot = Object.freeze({
    id: session.id,
    direction,
    remote,
    status: direction === 'outbound' ? 'dialing' : 'ringing',
    held: false,
    remoteHeld: false,
    muted: false,
    reconnecting: false,
    startedAt: clock.now(),
    connectedAt: null,
    endedAt: null,
    endReason: null,
    statusCode: null,
    recordingPaused: false,
    conferenceId: null,
  });
  /** How the call ends if the far end hangs up during or after a transfer. */
  let expectedEnd: 'transferred' | 'replaced' | null = null;
  const queue = createReinviteQueue({
    clock,
    random: context.random,
    isRetryable: (error) =>
      error instanceof SoftphoneError
        ? error.details.stage !== 'notify' && isRetryableStatus(error.details.statusCode)
        : /in progress/i.test(String(error)),
  });

  const update = (patch: Partial<CallSnapshot>) => {
    if (snapshot.status === 'ended') return;
    snapshot = Object.freeze({ ...snapshot, ...patch });
    listeners.emit('change', undefined);
    context.changed();
  };
  const end = (reason: CallEndReason, statusCode: number | null) => {
    if (snapshot.status === 'ended') return;
    clock.clearTimeout(qualityTimer);
    features.stop();
    queue.clear(new SoftphoneError('INVALID_STATE', 'The call ended.'));
    update({ status: 'ended', endedAt: clock.now(), endReason: reason, statusCode });
    snapshot = Object.freeze({ ...snapshot, status: 'ended' as const });
    // `update` refuses changes once ended, so the final state is applied here.
    context.emit('call.ended', { call: snapshot });
  };
  const fail = (what: string, details: Record<string, unknown> = {}) =>
    new SoftphoneError('INVALID_STATE', `Cannot ${what} a call that is ${snapshot.status}.`, {
      details: { callId: snapshot.id, status: snapshot.status, ...details },
    });
  const requestResult = (
    what: string,
  ): { delegate: Core.OutgoingRequestDelegate; done: Promise<void> } => {
    let delegate: Core.OutgoingRequestDelegate = {};
    const done = new Promise<void>((resolve, reject) => {
      delegate = {
        onAccept: () => {
          resolve();
        },
        onReject: (response: Core.IncomingResponse) => {
          const statusCode = response.message.statusCode ?? 0;
          reject(
            new SoftphoneError('CALL_FAILED', `${what} was refused with ${statusCode}.`, {
              details: { callId: snapshot.id, statusCode },
            }),
          );
        },
      };
    });
    return { delegate, done };
  };

  // Call quality: media figures sampled on the clock while connected.
  let qualityTimer: TimerHandle;
  let previous: MediaStatsSample | null = null;
  const sampleQuality = () => {
    qualityTimer = clock.setTimeout(() => {
      if (snapshot.status !== 'connected') return;
      void media
        ?.getStats?.()
        .then((sample) => {
          if (sample && snapshot.status === 'connected') {
            const lost = sample.packetsLost - (previous?.packetsLost ?? 0);
            const received = sample.packetsReceived - (previous?.packetsReceived ?? 0);
            const lossPercent =
              lost + received > 0 ? (100 * Math.max(0, lost)) / (lost + received) : 0;
            previous = sample;
            const mos = estimateMos(sample.roundTripMs ?? 0, sample.jitterMs, lossPercent);
            context.emit('call.quality', { call: snapshot, stats: sample, lossPercent, mos });
          }
        })
        .catch(() => undefined);
      sampleQuality();
    }, context.qualityIntervalMs);
  };

  // An answered call takes no re-INVITE before the caller's ACK arrives (sip.js would end it).
  let confirm: () => void = () => undefined;
  let confirmed = Promise.resolve();
  const awaitAck = () => {
    confirmed = new Promise<void>((resolve) => {
      confirm = resolve;
    });
  };
  if (session instanceof Invitation) awaitAck();
  /** Whether the session now being answered is a far end's rejoin (the call is already up). */
  let rejoining = false;
  /** Moving to another tab: the session's end waits for the move's outcome. */
  let handingOff = false;
  /** The session ended while handing off. */
  let sessionGone = false;
  /** Where the call goes on once moved to another tab. */
  let leg: CallLeg | null = null;

  const bind = (bound: Session) => {
    bound.stateChange.addListener((state) => {
      if (bound !== session) return; // a session this call no longer uses (replaced by a rejoin)
      if (state === SessionState.Established && rejoining) {
        rejoining = false;
        update({ reconnecting: false });
        context.emit('call.remoteRejoined', { call: snapshot });
        return;
      }
      if (state === SessionState.Established) {
        update({ status: 'connected', connectedAt: clock.now() });
        context.emit('call.connected', { call: snapshot });
        if (context.qualityIntervalMs > 0) sampleQuality();
      }
      if (state === SessionState.Terminated && (handingOff || leg)) {
        sessionGone = true; // the other tab's INVITE with Replaces took the dialog over
        return;
      }
      if (state === SessionState.Terminated) {
        confirm();
        // sip.js terminates before it hands the final response to the request delegate.
        queueMicrotask(() => {
          const why = pendingReason ?? { reason: expectedEnd ?? 'failed', statusCode: null };
          end(why.reason, why.statusCode);
        });
      }
    });
    bound.delegate = {
      onAck: () => {
        confirm();
      },
      onBye: (bye) => {
        pendingReason ??= { reason: expectedEnd ?? 'remoteHangUp', statusCode: null };
        bye.accept().catch(() => undefined);
      },
      onInfo: (info) => {
        info.accept().catch(() => undefined);
        const tone = /^Signal\s*=\s*([0-9A-D*#])/im.exec(info.request.body)?.[1];
        if (tone) context.emit('call.dtmfReceived', { call: snapshot, tone });
      },
      onCancel: () => {
        pendingReason ??= { reason: 'cancelled', statusCode: 487 };
      },
      onInvite: (request) => {
        const body = request.body;
        update({ remoteHeld: /^a=(sendonly|inactive)\s*$/m.test(body) });
      },
      onRefer: (referral) => {
        context.onReferral(handle, referral);
      },
    };
  };
  bind(session);

  const renegotiate = (options: MediaDescriptionOptions) =>
    queue.run(async () => {
      await confirmed;
      if (session.state !== SessionState.Established) throw fail('renegotiate');
      const { delegate, done } = requestResult('The re-INVITE');
      session.sessionDescriptionHandlerOptionsReInvite = descriptionOptions({
        held: options.held,
        iceRestart: false,
      });
      await session.invite({
        sessionDescriptionHandlerOptions: descriptionOptions(options),
        requestDelegate: delegate,
      });
      await done;
    });

  const setHeld = async (held: boolean) => {
    if (snapshot.status !== 'connected') throw fail(held ? 'hold' : 'resume');
    if (!context.canSignal()) throw fail(held ? 'hold' : 'resume', { reconnecting: true });
    await renegotiate({ held, iceRestart: false });
    update({ held });
    context.emit(held ? 'call.held' : 'call.resumed', { call: snapshot });
  };

  const sendInfo = async (
    what: string,
    body: { readonly contentType: string; readonly content: string },
    extraHeaders: string[] = [],
  ) => {
    const { delegate, done } = requestResult(what);
    await session.info({
      requestDelegate: delegate,
      requestOptions: { extraHeaders, body: { contentDisposition: 'render', ...body } },
    });
    await done;
  };
  const sendTone = (tone: string) =>
    sendInfo('The DTMF INFO', {
      contentType: 'application/dtmf-relay',
      content: `Signal=${tone}\r\nDuration=160`,
    });

  const features = createCallFeatures({
    session: () => session,
    context,
    queue,
    confirmed: () => confirmed,
    snapshot: () => snapshot,
    update,
    fail,
    sendInfo,
    expectEnd: (reason) => {
      expectedEnd = reason;
    },
    endAs: (reason) => {
      pendingReason = { reason, statusCode: null };
    },
  });

  const call: Call = {
    id: snapshot.id,
    getSnapshot: () => snapshot,
    getStats: async () => (await media?.getStats?.()) ?? null,
    header: (name) =>
      session instanceof Invitation ? (session.request.getHeader(name) ?? null) : null,
    subscribe: (listener) => listeners.on('change', listener),
    async answer(options: AnswerOptions = {}) {
      if (!(session instanceof Invitation) || snapshot.status !== 'ringing') throw fail('answer');
      await context.beforeAnswer(snapshot.id, options);
      // The caller may have given up while the other calls were being held.
      if (call.getSnapshot().status !== 'ringing') throw fail('answer');
      await session.accept({
        sessionDescriptionHandlerOptions: descriptionOptions({ held: false, iceRestart: false }),
      });
    },
    async reject(options: RejectOptions = {}) {
      if (!(session instanceof Invitation) || snapshot.status !== 'ringing') throw fail('reject');
      pendingReason = { reason: 'rejected', statusCode: options.statusCode ?? 486 };
      await session.reject({ statusCode: options.statusCode ?? 486 });
    },
    async hangUp() {
      if (snapshot.status === 'ended') return;
      pendingReason = { reason: 'hangUp', statusCode: null };
      if (session.state === SessionState.Established) {
        await session.bye();
      } else if (session instanceof Inviter) {
        await session.cancel();
      } else if (session instanceof Invitation) {
        pendingReason = { reason: 'rejected', statusCode: 486 };
        await session.reject();
      }
    },
    hold: () => setHeld(true),
    resume: () => setHeld(false),
    setMuted(muted) {
      if (snapshot.status === 'ended') throw fail('mute');
      leg?.run('setMuted', [muted]).catch(() => undefined);
      media?.setMuted(muted);
      update({ muted });
    },
    async sendDtmf(tones) {
      if (!dtmfTones.test(tones)) {
        throw new SoftphoneError('INVALID_INPUT', `"${tones}" has characters DTMF cannot send.`, {
          details: { tones },
        });
      }
      if (snapshot.status !== 'connected') throw fail('send DTMF in');
      if (media?.sendDtmf?.(tones)) return;
      await confirmed; // in-dialog requests wait for the caller's ACK
      for (const tone of tones) {
        if (tone === ',') await new Promise<void>((resolve) => clock.setTimeout(resolve, 500));
        else await sendTone(tone);
      }
    },
    transfer: features.transfer,
    pauseRecording: features.pauseRecording,
    resumeRecording: features.resumeRecording,
  };

  for (const name of legControls) {
    const local = (call[name] as (...args: unknown[]) => Promise<unknown>).bind(call);
    (call as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (!leg) return local(...args);
      if (name === 'transfer' && typeof args[0] !== 'string') {
        return transferMoved(leg, args[0] as Call);
      }
      return leg.run(name, args);
    };
  }

  /**
   * Attended transfer of a call another tab carries: the leg sends the REFER in its dialog, with
   * Replaces naming the consultation's dialog, wherever that one lives (here, or moved too).
   */
  const transferMoved = async (to: CallLeg, target: Call): Promise<TransferResult> => {
    const consulted = context.handleOf(target.id);
    const connected = consulted?.call.getSnapshot().status === 'connected';
    const record =
      consulted && connected
        ? consulted.moved
          ? consulted.leg?.record
          : recordOf(consulted.session, true)
        : null;
    if (!consulted || !record) {
      throw new SoftphoneError('INVALID_STATE', 'An attended transfer needs a connected call.', {
        details: { callId: snapshot.id, targetCallId: target.id },
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

  const handle: CallHandle = {
    call,
    transferTo: features.transfer,
    get moved() {
      return leg !== null;
    },
    get leg() {
      return leg;
    },
    async handOff() {
      if (snapshot.status !== 'connected') throw fail('move');
      await confirmed;
      handingOff = true;
    },
    moveTo(next) {
      handingOff = false;
      leg = next;
      if (next) {
        clock.clearTimeout(qualityTimer);
        update({ reconnecting: false });
        if (!sessionGone) session.bye().catch(() => undefined); // a far end that kept both
      } else if (sessionGone) {
        const why = pendingReason ?? { reason: 'remoteHangUp' as const, statusCode: null };
        end(why.reason, why.statusCode);
      }
    },
    legChanged(next) {
      if (!leg) return;
      if (next.status === 'ended') {
        const reason = next.endReason === 'remoteHangUp' ? expectedEnd : null;
        end(reason ?? next.endReason ?? 'failed', next.statusCode);
        return;
      }
      const { held, remoteHeld, muted, reconnecting, recordingPaused } = next;
      update({ held, remoteHeld, muted, reconnecting, recordingPaused });
    },
    get session() {
      return session;
    },
    get remoteSupportsReplaces() {
      return remoteSupportsReplaces;
    },
    async adopt(invitation) {
      if (snapshot.status !== 'connected') throw fail('rejoin');
      const old = session;
      // From now on the old session's events are ignored; sip.js sends its BYE once the new
      // one is answered, and its media closes with it.
      old.delegate = { onBye: (bye) => void bye.accept().catch(() => undefined) };
      session = invitation;
      remoteSupportsReplaces = supportsReplaces(invitation.request);
      rejoining = true;
      awaitAck();
      bind(invitation);
      update({ reconnecting: true });
      await invitation.accept({
        sessionDescriptionHandlerOptions: descriptionOptions({
          held: snapshot.held,
          iceRestart: false,
        }),
      });
    },
    expectEnd(reason) {
      expectedEnd = reason;
    },
    setConference(conferenceId) {
      update({ conferenceId });
    },
    attachMedia(next) {
      media = next;
    },
    get media() {
      return media;
    },
    suspend() {
      if (!leg) update({ reconnecting: true });
    },
    async restore(outageMs) {
      if (snapshot.status !== 'connected' || leg) {
        update({ reconnecting: false });
        return;
      }
      await renegotiate({ held: snapshot.held, iceRestart: true });
      update({ reconnecting: false });
      context.emit('call.restored', { call: snapshot, outageMs });
    },
    abandon() {
      if (snapshot.status === 'ended' || leg) return;
      owesBye = session.state === SessionState.Established;
      pendingReason = { reason: 'connectionLost', statusCode: null };
      end('connectionLost', null);
      if (!owesBye) void session.dispose().catch(() => undefined);
    },
    flush() {
      if (!owesBye) return;
      owesBye = false;
      if (session.state === SessionState.Established) session.bye().catch(() => undefined);
    },
    get owesBye() {
      return owesBye;
    },
    async dial(settled) {
      if (!(session instanceof Inviter)) throw fail('dial');
      await session.invite({
        requestDelegate: {
          onTrying: settled,
          onProgress: (response) => {
            settled();
            const code = response.message.statusCode;
            if ((code === 180 || code === 183) && snapshot.status === 'dialing') {
              update({ status: 'early' });
            }
          },
          onAccept: (response) => {
            remoteSupportsReplaces = supportsReplaces(response.message);
            context.changed(); // the dialog's record was stored on connecting, before this
            settled();
          },
          onRedirect: settled,
          onReject: (response) => {
            settled();
            const statusCode = response.message.statusCode ?? 0;
            pendingReason ??= { reason: endReasonOf(statusCode), statusCode };
          },
        },
      });
    },
  };
  return handle;
}

/** Describes the far end of a session for {@link CallParty}. */
export function partyOf(session: Session, dialledNumber: string | null): CallParty {
  const identity = session.remoteIdentity;
  const user = identity.uri.user ?? '';
  const number = dialledNumber ?? (/^\+[1-9][0-9]{5,14}$/.test(user) ? user : null);
  return {
    uri: identity.uri.toString(),
    displayName: identity.displayName || null,
    number,
  };
}

/** Whether a SIP message carries `Supported: replaces` (RFC 3891). */
function supportsReplaces(message: { getHeaders(name: string): string[] }): boolean {
  return message
    .getHeaders('supported')
    .some((value) => value.split(',').some((tag) => tag.trim().toLowerCase() === 'replaces'));
}
