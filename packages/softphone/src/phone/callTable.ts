import type { Clock, EventBus } from '@switchboard/core';
import type { Invitation, Session } from 'sip.js';
import { createCallControl, type CallControl } from '../callControl';
import { resolveTarget } from '../core/target';
import type { DialogMemory } from '../sip/dialogMemory';
import { followReferral } from '../sip/referrals';
import { invitationRejoins } from '../sip/rejoin';
import { createCallHandle, type CallHandle } from '../sip/sipCall';
import { partyOf } from '../sip/remoteParty';
import type { SoftphoneOptions } from '../softphoneOptions';
import type { SoftphoneEvents } from '../softphoneTypes';

/** What the call table needs from its softphone. */
export interface CallTableContext {
  /** The softphone's parsed options. */
  readonly options: SoftphoneOptions;
  /** The softphone's clock. */
  readonly clock: Clock;
  /** Jitter source for the re-INVITE queue's back-off. */
  readonly random: () => number;
  /** The softphone's event bus. */
  readonly bus: Pick<EventBus<SoftphoneEvents>, 'emit'>;
  /** The calls' dialogs kept for a rejoin after a reload. */
  readonly dialogs: DialogMemory;
  /** The domain of the user's address of record (for transfer targets). */
  readonly domain: string;
  /** Takes the credentials for one request. */
  readonly lease: () => Promise<() => void>;
  /** Whether in-dialog requests can be sent now. */
  readonly canSignal: () => boolean;
  /** Rebuilds the softphone's snapshot. */
  readonly rebuild: () => void;
  /** Reports an error as an `error` event. */
  readonly report: (error: unknown) => void;
}

/** The softphone's calls by id, and how sessions become calls. */
export interface CallTable {
  /** Every call not yet forgotten, by id (an abandoned call stays until its BYE is sent). */
  readonly handles: Map<string, CallHandle>;
  /** Call waiting, switching and conferences across the calls. */
  readonly control: CallControl;
  /** The call a sip.js session belongs to (after a rejoin, not the one it was made with). */
  ownerOf(session: Session): CallHandle | undefined;
  /**
   * Tracks a session as a call. An `attempt` (a rejoin) stays quiet until it connects: if it
   * fails, the call it tried to take over continues or ends on its own, with one `call.ended`.
   */
  track(session: Session, dialled: string | null, attempt?: boolean): CallHandle;
  /** Handles an incoming INVITE: a ringing call, a far end's rejoin, or an attended transfer. */
  incoming(invitation: Invitation, waiting: boolean): void;
}

/** Creates a softphone's {@link CallTable}. */
export function createCallTable(context: CallTableContext): CallTable {
  const { options, clock, bus, dialogs, report } = context;
  const handles = new Map<string, CallHandle>();
  let conferences = 0;
  const control = createCallControl({
    handles,
    emit: bus.emit,
    newId: () => `conference-${(conferences += 1)}`,
    report: (error) => {
      report(error);
    },
  });

  function ownerOf(session: Session): CallHandle | undefined {
    return (
      handles.get(session.id) ?? [...handles.values()].find((handle) => handle.session === session)
    );
  }

  function track(session: Session, dialled: string | null, attempt = false): CallHandle {
    let quiet = attempt;
    const handle = createCallHandle(session, partyOf(session, dialled), {
      clock,
      random: context.random,
      emit: (event, payload) => {
        if (event === 'call.connected') quiet = false;
        if (!quiet || event !== 'call.ended') bus.emit(event, payload);
      },
      changed: () => {
        const ended = handle.call.getSnapshot().status === 'ended';
        const current = handle.session;
        if (ended) {
          dialogs.forget(current.dialog?.callId ?? '');
          control.ended(handle);
        } else if (handle.call.getSnapshot().status === 'connected' && !handle.moved) {
          dialogs.remember(current, handle.remoteSupportsReplaces);
        }
        if (ended && !handle.owesBye) handles.delete(handle.call.id);
        context.rebuild();
      },
      canSignal: context.canSignal,
      qualityIntervalMs: options.qualityIntervalMs ?? 5_000,
      resolveTarget: async (target) =>
        (await resolveTarget(target, context.domain, options.defaultCountry)).uri,
      handleOf: (id) => handles.get(id),
      beforeAnswer: (callId, answer) =>
        control.beforeAnswer(callId, {
          holdOthers: answer.holdOthers ?? options.holdOnAnswer ?? true,
        }),
      onReferral: (original, referral) => {
        followReferral(original, referral, {
          policy: options.incomingTransfers ?? 'follow',
          track: (inviter) => track(inviter, null),
          lease: context.lease,
          placed: (call, from) => {
            bus.emit('call.referred', { call, from });
            bus.emit('call.outgoing', { call });
          },
          report,
        });
      },
      recordingControl: options.recordingControl,
      transferTimeoutMs: options.transferTimeoutMs ?? 30_000,
    });
    handles.set(session.id, handle);
    context.rebuild();
    return handle;
  }

  function incoming(invitation: Invitation, waiting: boolean) {
    const replaced = invitation.replacee ? ownerOf(invitation.replacee) : undefined;
    if (replaced && replaced.call.getSnapshot().status === 'connected') {
      if (invitationRejoins(invitation, replaced)) {
        // The far end reloaded its page and takes the call over: same call, fresh media.
        dialogs.forget(replaced.session.dialog?.callId ?? '');
        replaced.adopt(invitation).catch(report);
        return;
      }
    }
    const handle = track(invitation, null);
    if (!replaced) {
      bus.emit('call.incoming', { call: handle.call, waiting });
      return;
    }
    // The far end of an attended transfer: answered at once, sip.js hangs the old call up.
    replaced.expectEnd('replaced');
    bus.emit('call.replaced', { call: handle.call, replaced: replaced.call.getSnapshot() });
    handle.call.answer({ holdOthers: false }).catch(report);
  }

  return { handles, control, ownerOf, track, incoming };
}
