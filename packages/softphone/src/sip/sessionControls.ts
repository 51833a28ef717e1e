import { Invitation, Inviter, SessionState } from 'sip.js';
import type { AnswerOptions, Call, RejectOptions } from '../call';
import type { CallSession } from './callSession';
import { descriptionOptions } from './mediaAdapter';
import type { CallHandle, CallParts } from './sipCall';
import { endReasonOf } from './statusCodes';

/** What starting and ending a call's session acts on. @internal */
export interface SessionControlsContext extends Pick<
  CallParts,
  'context' | 'state' | 'ending' | 'session'
> {
  /** Reads `Supported` from the far end's answer to the INVITE. */
  readonly answered: CallSession['answered'];
}

/**
 * The requests that start and end a call's session: the outbound INVITE (`dial`), answering or
 * declining an incoming one, and hanging up (CANCEL, decline or BYE, as the session stands).
 * @internal
 */
export function createSessionControls(
  controls: SessionControlsContext,
): Pick<Call, 'answer' | 'reject' | 'hangUp'> & Pick<CallHandle, 'dial'> {
  const { context, state, ending, session } = controls;
  return {
    async answer(options: AnswerOptions = {}) {
      const invitation = session();
      if (!(invitation instanceof Invitation) || state.snapshot().status !== 'ringing') {
        throw state.fail('answer');
      }
      await context.beforeAnswer(state.snapshot().id, options);
      // The caller may have given up while the other calls were being held.
      if (state.snapshot().status !== 'ringing') throw state.fail('answer');
      await invitation.accept({
        sessionDescriptionHandlerOptions: descriptionOptions({ held: false, iceRestart: false }),
      });
    },
    async reject(options: RejectOptions = {}) {
      const invitation = session();
      if (!(invitation instanceof Invitation) || state.snapshot().status !== 'ringing') {
        throw state.fail('reject');
      }
      ending.endAs('rejected', options.statusCode ?? 486);
      await invitation.reject({ statusCode: options.statusCode ?? 486 });
    },
    async hangUp() {
      if (state.snapshot().status === 'ended') return;
      const current = session();
      ending.endAs('hangUp');
      if (current.state === SessionState.Established) {
        await current.bye();
      } else if (current instanceof Inviter) {
        await current.cancel();
      } else if (current instanceof Invitation) {
        ending.endAs('rejected', 486);
        await current.reject();
      }
    },
    async dial(settled) {
      const inviter = session();
      if (!(inviter instanceof Inviter)) throw state.fail('dial');
      await inviter.invite({
        requestDelegate: {
          onTrying: settled,
          onProgress: (response) => {
            settled();
            const code = response.message.statusCode;
            if ((code === 180 || code === 183) && state.snapshot().status === 'dialing') {
              state.update({ status: 'early' });
            }
          },
          onAccept: (response) => {
            controls.answered(response.message);
            context.changed(); // the dialog's record was stored on connecting, before this
            settled();
          },
          onRedirect: settled,
          onReject: (response) => {
            settled();
            const statusCode = response.message.statusCode ?? 0;
            ending.endedBy(endReasonOf(statusCode), statusCode);
          },
        },
      });
    },
  };
}
