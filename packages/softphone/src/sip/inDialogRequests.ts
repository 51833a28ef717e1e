import { SessionState, type Core } from 'sip.js';
import { createReinviteQueue, type ReinviteQueue } from '../core/reinviteQueue';
import { SoftphoneError } from '../errors';
import type { MediaDescriptionOptions } from '../media/callMedia';
import { descriptionOptions } from './mediaAdapter';
import type { CallParts } from './sipCall';
import { isRetryableStatus } from './statusCodes';

/** A message body of an in-dialog request. @internal */
export interface RequestBody {
  /** Its `Content-Type`. */
  readonly contentType: string;
  /** The body itself. */
  readonly content: string;
}

/**
 * The requests a call sends inside its dialog: re-INVITEs and transfers take turns in one queue,
 * and none goes out before the caller's ACK of an answered call (sip.js would end the call).
 * @internal
 */
export interface InDialogRequests {
  /** The queue re-INVITEs and transfers take turns in (retries glare and busy answers). */
  readonly queue: ReinviteQueue;
  /** Settles once the caller's ACK arrived (at once for an outbound call). */
  readonly confirmed: () => Promise<void>;
  /** The session now being answered waits for its ACK ({@link InDialogRequests.acked}). */
  readonly awaitAck: () => void;
  /** The ACK arrived (or the session ended): waiting requests go on. */
  readonly acked: () => void;
  /** Sends a re-INVITE (hold, resume, ICE restart) through the queue, after the ACK. */
  readonly renegotiate: (options: MediaDescriptionOptions) => Promise<void>;
  /** Sends an INFO and waits for its answer (`what` names it in the error of a refusal). */
  readonly sendInfo: (what: string, body: RequestBody, extraHeaders?: string[]) => Promise<void>;
}

/** The {@link InDialogRequests} of a call on `session` (a rejoin may swap it). @internal */
export function createInDialogRequests(
  parts: Pick<CallParts, 'context' | 'state' | 'session'>,
): InDialogRequests {
  const { context, state, session } = parts;
  const queue = createReinviteQueue({
    clock: context.clock,
    random: context.random,
    isRetryable: (error) =>
      error instanceof SoftphoneError
        ? error.details.stage !== 'notify' && isRetryableStatus(error.details.statusCode)
        : /in progress/i.test(String(error)),
  });
  let acked: () => void = () => undefined;
  let confirmed = Promise.resolve();

  /** A request delegate, and the promise it settles: resolved on 2xx, rejected on refusal. */
  const outcome = (what: string) => {
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
              details: { callId: state.snapshot().id, statusCode },
            }),
          );
        },
      };
    });
    return { delegate, done };
  };

  return {
    queue,
    confirmed: () => confirmed,
    awaitAck() {
      confirmed = new Promise<void>((resolve) => {
        acked = resolve;
      });
    },
    acked: () => {
      acked();
    },
    renegotiate: (options) =>
      queue.run(async () => {
        await confirmed;
        const current = session();
        if (current.state !== SessionState.Established) throw state.fail('renegotiate');
        const { delegate, done } = outcome('The re-INVITE');
        current.sessionDescriptionHandlerOptionsReInvite = descriptionOptions({
          held: options.held,
          iceRestart: false,
        });
        await current.invite({
          sessionDescriptionHandlerOptions: descriptionOptions(options),
          requestDelegate: delegate,
        });
        await done;
      }),
    async sendInfo(what, body, extraHeaders = []) {
      const { delegate, done } = outcome(what);
      await session().info({
        requestDelegate: delegate,
        requestOptions: { extraHeaders, body: { contentDisposition: 'render', ...body } },
      });
      await done;
    },
  };
}
