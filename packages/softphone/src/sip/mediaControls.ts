import type { Call } from '../call';
import { SoftphoneError } from '../errors';
import type { CallMedia } from '../media/callMedia';
import type { CallLeg, CallParts } from './sipCall';

const dtmfTones = /^[0-9A-D*#,]+$/i;

/** What a call's hold, mute and DTMF controls act on. @internal */
export interface MediaControlsContext extends Pick<CallParts, 'context' | 'state' | 'requests'> {
  /** The call's media, once sip.js asked for it. */
  readonly media: () => CallMedia | undefined;
  /** The leg that carries the call in another tab (it mutes too), `null` while not moved. */
  readonly leg: () => CallLeg | null;
}

/**
 * A call's `hold`, `resume`, `setMuted` and `sendDtmf`: hold is a re-INVITE, mute stays local,
 * DTMF goes in the media when it can (RFC 4733) and else as SIP INFO, a `,` pausing 500 ms.
 * @internal
 */
export function createMediaControls(
  controls: MediaControlsContext,
): Pick<Call, 'hold' | 'resume' | 'setMuted' | 'sendDtmf'> {
  const { context, state, requests } = controls;
  const setHeld = async (held: boolean) => {
    if (state.snapshot().status !== 'connected') throw state.fail(held ? 'hold' : 'resume');
    if (!context.canSignal()) throw state.fail(held ? 'hold' : 'resume', { reconnecting: true });
    await requests.renegotiate({ held, iceRestart: false });
    state.update({ held });
    context.emit(held ? 'call.held' : 'call.resumed', { call: state.snapshot() });
  };
  const sendTone = (tone: string) =>
    requests.sendInfo('The DTMF INFO', {
      contentType: 'application/dtmf-relay',
      content: `Signal=${tone}\r\nDuration=160`,
    });
  return {
    hold: () => setHeld(true),
    resume: () => setHeld(false),
    setMuted(muted) {
      if (state.snapshot().status === 'ended') throw state.fail('mute');
      controls
        .leg()
        ?.run('setMuted', [muted])
        .catch(() => undefined);
      controls.media()?.setMuted(muted);
      state.update({ muted });
    },
    async sendDtmf(tones) {
      if (!dtmfTones.test(tones)) {
        throw new SoftphoneError('INVALID_INPUT', `"${tones}" has characters DTMF cannot send.`, {
          details: { tones },
        });
      }
      if (state.snapshot().status !== 'connected') throw state.fail('send DTMF in');
      if (controls.media()?.sendDtmf?.(tones)) return;
      await requests.confirmed(); // in-dialog requests wait for the caller's ACK
      for (const tone of tones) {
        if (tone === ',') {
          await new Promise<void>((resolve) => context.clock.setTimeout(resolve, 500));
        } else await sendTone(tone);
      }
    },
  };
}
