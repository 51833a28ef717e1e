import { Invitation, SessionState, type Referral, type Session } from 'sip.js';
import type { QualitySampler } from './callQuality';
import { descriptionOptions } from './mediaAdapter';
import { supportsReplaces } from './remoteParty';
import type { CallParts } from './sipCall';

/** What a call's session events change (in-dialog requests wait for the ACK). @internal */
export interface CallSessionContext extends Pick<
  CallParts,
  'context' | 'state' | 'ending' | 'requests'
> {
  /** Samples the media once connected. */
  readonly quality: QualitySampler;
  /** The session ended: whether the call lives on in another tab (moving or moved there). */
  readonly outlivesSession: () => boolean;
  /** The far end asks to transfer the call (REFER). */
  readonly referred: (referral: Referral) => void;
}

/** The sip.js session a call runs on now, its events followed into the call's state. @internal */
export interface CallSession {
  /** The session now; a rejoin by the far end swaps it. */
  readonly current: Session;
  /** Whether the far end advertised `Supported: replaces` (it can take a rejoin after reload). */
  readonly remoteSupportsReplaces: boolean;
  /** Reads `Supported` from the far end's answer to an outbound call. */
  readonly answered: (message: { getHeaders(name: string): string[] }) => void;
  /**
   * Answers the far end's INVITE that replaces the call's dialog (a rejoin after its reload) and
   * carries the call on in it; the old session's events are ignored from now on.
   */
  readonly adopt: (invitation: Invitation) => Promise<void>;
}

/**
 * Follows `initial` (and each session a rejoin brings) into the call's state: connected, ended
 * (with the cause the call's ending noted), held by the far end, DTMF received, REFER. @internal
 */
export function createCallSession(initial: Session, wiring: CallSessionContext): CallSession {
  const { context, state, ending, requests } = wiring;
  let session = initial;
  let remoteSupportsReplaces = session instanceof Invitation && supportsReplaces(session.request);
  /** Whether the session now being answered is a far end's rejoin (the call is already up). */
  let rejoining = false;

  const bind = (bound: Session) => {
    bound.stateChange.addListener((next) => {
      if (bound !== session) return; // a session this call no longer uses (replaced by a rejoin)
      if (next === SessionState.Established && rejoining) {
        rejoining = false;
        state.update({ reconnecting: false });
        context.emit('call.remoteRejoined', { call: state.snapshot() });
        return;
      }
      if (next === SessionState.Established) {
        state.update({ status: 'connected', connectedAt: context.clock.now() });
        context.emit('call.connected', { call: state.snapshot() });
        wiring.quality.start();
      }
      if (next === SessionState.Terminated && wiring.outlivesSession()) return;
      if (next === SessionState.Terminated) {
        requests.acked();
        // sip.js terminates before it hands the final response to the request delegate.
        queueMicrotask(() => {
          const cause = ending.causeOr(ending.expected ?? 'failed');
          state.end(cause.reason, cause.statusCode);
        });
      }
    });
    bound.delegate = {
      onAck: () => {
        requests.acked();
      },
      onBye: (bye) => {
        ending.endedBy(ending.expected ?? 'remoteHangUp', null);
        bye.accept().catch(() => undefined);
      },
      onInfo: (info) => {
        info.accept().catch(() => undefined);
        const tone = /^Signal\s*=\s*([0-9A-D*#])/im.exec(info.request.body)?.[1];
        if (tone) context.emit('call.dtmfReceived', { call: state.snapshot(), tone });
      },
      onCancel: () => {
        ending.endedBy('cancelled', 487);
      },
      onInvite: (request) => {
        state.update({ remoteHeld: /^a=(sendonly|inactive)\s*$/m.test(request.body) });
      },
      onRefer: (referral) => {
        wiring.referred(referral);
      },
    };
  };
  if (session instanceof Invitation) requests.awaitAck();
  bind(session);

  return {
    get current() {
      return session;
    },
    get remoteSupportsReplaces() {
      return remoteSupportsReplaces;
    },
    answered(message) {
      remoteSupportsReplaces = supportsReplaces(message);
    },
    async adopt(invitation) {
      if (state.snapshot().status !== 'connected') throw state.fail('rejoin');
      // sip.js sends the old session's BYE once the new one is answered; its media closes with it.
      session.delegate = { onBye: (bye) => void bye.accept().catch(() => undefined) };
      session = invitation;
      remoteSupportsReplaces = supportsReplaces(invitation.request);
      rejoining = true;
      requests.awaitAck();
      bind(invitation);
      state.update({ reconnecting: true });
      await invitation.accept({
        sessionDescriptionHandlerOptions: descriptionOptions({
          held: state.snapshot().held,
          iceRestart: false,
        }),
      });
    },
  };
}
