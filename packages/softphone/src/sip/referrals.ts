import type { Inviter, Referral } from 'sip.js';
import type { Call, CallSnapshot } from '../call';
import { descriptionOptions } from './mediaAdapter';
import type { CallHandle } from './sipCall';

/** What following a far end's REFER needs from the softphone. */
export interface ReferralContext {
  /** `follow` calls the target; `refuse` answers 603 Decline. */
  readonly policy: 'follow' | 'refuse';
  /** Starts tracking the new call (a live handle). */
  readonly track: (inviter: Inviter) => CallHandle;
  /** Borrows the credentials for the new INVITE; the returned function gives them back. */
  readonly lease: () => Promise<() => void>;
  /** Reports the new call (`call.referred` and `call.outgoing`). */
  readonly placed: (call: Call, from: CallSnapshot) => void;
  /** Reports a failure no promise can carry. */
  readonly report: (error: unknown) => void;
}

/**
 * The transferee's side of a transfer: accepts the REFER (202), calls the Refer-To target
 * (with its Replaces header for an attended transfer) and lets sip.js report each answer back
 * by NOTIFY (`message/sipfrag`). Once the new call is answered, the old call ends as
 * `transferred` when the transferor hangs it up.
 */
export function followReferral(
  original: CallHandle,
  referral: Referral,
  context: ReferralContext,
): void {
  if (context.policy === 'refuse') {
    referral.reject({ statusCode: 603 }).catch(context.report);
    return;
  }
  void (async () => {
    await referral.accept();
    const inviter = referral.makeInviter({
      sessionDescriptionHandlerOptions: descriptionOptions({ held: false, iceRestart: false }),
      earlyMedia: true,
    });
    const next = context.track(inviter);
    context.placed(next.call, original.call.getSnapshot());
    const off = next.call.subscribe(() => {
      const status = next.call.getSnapshot().status;
      if (status === 'connected') original.expectEnd('transferred');
      if (status === 'connected' || status === 'ended') off();
    });
    const release = await context.lease();
    try {
      await next.dial(release);
    } catch (error) {
      release();
      throw error;
    }
  })().catch(context.report);
}
