import { SessionState, UserAgent, type Session, type URI } from 'sip.js';
import type { Call, TransferResult } from '../call';
import { SoftphoneError } from '../errors';
import type { CallHandle, CallParts } from './sipCall';
import { consultedSession, sendRefer, type ConsultedDialog } from './transfer';

/** Where a call can be transferred: an address, a call, or a dialog another tab carries. @internal */
export type TransferTarget = string | Call | ConsultedDialog;

/**
 * A call's `transfer`: blind (REFER to an address) or attended (REFER with Replaces naming a
 * consultation, here or carried by another tab). The REFER takes its turn in the call's queue
 * of in-dialog requests; on success the call (and the consultation) end as `transferred`.
 * @internal
 */
export function createCallTransfers(
  transfers: CallParts,
): (target: TransferTarget) => Promise<TransferResult> {
  const { context, state, ending, requests } = transfers;

  /** Sends the REFER through the call's queue; the call (and the consultation) end on success. */
  const refer = async (
    referTo: URI | Session,
    targetUri: string,
    mode: TransferResult['mode'],
    consulted: CallHandle | undefined,
  ): Promise<TransferResult> => {
    consulted?.expectEnd('transferred');
    ending.expect('transferred');
    try {
      const statusCode = await requests.queue.run(async () => {
        await requests.confirmed();
        const session = transfers.session();
        if (session.state !== SessionState.Established) throw state.fail('transfer');
        return sendRefer(session, referTo, {
          clock: context.clock,
          timeoutMs: context.transferTimeoutMs,
          details: { callId: state.snapshot().id, target: targetUri, mode },
        });
      });
      const result: TransferResult = { mode, target: targetUri, statusCode };
      context.emit('call.transferred', { call: state.snapshot(), ...result });
      ending.endAs('transferred');
      const session = transfers.session();
      if (session.state === SessionState.Established) await session.bye().catch(() => undefined);
      return result;
    } catch (error) {
      consulted?.expectEnd(null);
      ending.expect(null);
      throw error;
    }
  };

  return async (target) => {
    if (state.snapshot().status !== 'connected') throw state.fail('transfer');
    if (!context.canSignal()) throw state.fail('transfer', { reconnecting: true });
    if (typeof target !== 'string' && 'record' in target) {
      return refer(consultedSession(target.record), target.uri, 'attended', undefined);
    }
    const consulted = typeof target === 'string' ? undefined : context.handleOf(target.id);
    if (typeof target !== 'string' && consulted?.call.getSnapshot().status !== 'connected') {
      throw new SoftphoneError('INVALID_STATE', 'An attended transfer needs a connected call.', {
        details: { callId: state.snapshot().id, targetCallId: target.id },
      });
    }
    if (consulted) {
      // A consultation moved to another tab is named by the dialog that tab carries.
      const record = consulted.leg?.record;
      const session = consulted.moved ? record && consultedSession(record) : consulted.session;
      if (!session) throw state.fail('transfer to a call whose dialog is unknown');
      return refer(session, consulted.call.getSnapshot().remote.uri, 'attended', consulted);
    }
    const uri = await context.resolveTarget(target as string);
    const referTo = UserAgent.makeURI(uri);
    if (!referTo) {
      throw new SoftphoneError('INVALID_TARGET', `"${uri}" is not a valid SIP URI.`);
    }
    return refer(referTo, uri, 'blind', undefined);
  };
}
