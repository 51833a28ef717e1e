import type { Clock, EventBus } from '@switchboard/core';
import type { UserAgent } from 'sip.js';
import type { Call, CallSnapshot, TransferResult } from '../call';
import { SoftphoneError } from '../errors';
import { recordOf, sendBye, type DialogMemory, type DialogRecord } from '../sip/dialogMemory';
import type { CallHandle, CallLeg } from '../sip/sipCall';
import type { ConsultedDialog } from '../sip/transfer';
import type { SoftphoneEvents } from '../softphoneTypes';
import { legEvents } from '../tabs/legEvents';

/**
 * What the shared softphone needs beyond the public interface to move a call's audio to the tab
 * that answered it (internal: not exported from the package).
 */
export interface SoftphoneInternals {
  /**
   * In the leading tab, once a call is answered for another tab: its dialog's facts for that
   * tab's INVITE with Replaces, or `null` when the far end cannot take one (the audio stays here;
   * `call.audioPlaced` says so).
   */
  handOff(callId: string): Promise<DialogRecord | null>;
  /** Settles a hand-off: `leg` carries the call from now on, or `null` when the move failed. */
  moveTo(callId: string, leg: CallLeg | null): void;
  /** The moved call's leg changed (or ended) in the tab that carries it. */
  legChanged(callId: string, leg: CallSnapshot): void;
  /** The dialog's facts of a call, for the tab that moved it (`null` before it has a dialog). */
  dialogOf(callId: string): DialogRecord | null;
  /**
   * The tab that carried the moved call closed: the call ends with `connectionLost` and its
   * leg's dialog (`record`) gets a BYE, so the far end is not left with a ghost.
   */
  legLost(callId: string, record: DialogRecord | null): void;
  /** An event of the moved call's leg (`call.held`, ...): emitted with this call's snapshot. */
  legEvent(callId: string, event: string, payload: Record<string, unknown>): void;
  /**
   * In the answering tab: connects without registering and takes the dialog over (INVITE with
   * Replaces, fresh media); the new call, or `null` when the far end refused or did not answer.
   */
  takeOver(record: DialogRecord): Promise<Call | null>;
  /**
   * In the answering tab: the leading tab's attended transfer of a moved call, whose
   * consultation (`target`) is known by its dialog: the REFER with Replaces goes out here.
   */
  transferTo(callId: string, target: ConsultedDialog): Promise<TransferResult>;
}

/** What {@link createSoftphoneInternals} works with. */
export interface InternalsContext {
  /** The softphone's calls by id. */
  readonly handles: ReadonlyMap<string, CallHandle>;
  /** The softphone's event bus. */
  readonly bus: Pick<EventBus<SoftphoneEvents>, 'emit'>;
  /** The calls' dialogs kept for a rejoin after a reload. */
  readonly dialogs: DialogMemory;
  /** The user agent (for the BYE of a lost leg's dialog). */
  readonly ua: UserAgent;
  /** The softphone's clock. */
  readonly clock: Clock;
  /** Connects without registering (this phone carries legs only). */
  readonly connectForLegs: () => Promise<void>;
  /** Takes a dialog over with an INVITE with Replaces (a quiet attempt). */
  readonly rejoin: (record: DialogRecord) => Promise<Call | null>;
}

/** The {@link SoftphoneInternals} of one softphone. */
export function createSoftphoneInternals(context: InternalsContext): SoftphoneInternals {
  const { handles, bus, dialogs } = context;
  const live = (callId: string) => {
    const handle = handles.get(callId);
    if (!handle)
      throw new SoftphoneError('NOT_FOUND', `No call ${callId}.`, { details: { callId } });
    return handle;
  };
  const endDialog = (record: DialogRecord) => {
    dialogs.forget(record.callId);
    void sendBye(context.ua, record, context.clock, 5000);
  };
  return {
    async handOff(callId) {
      const handle = live(callId);
      const record = handle.remoteSupportsReplaces ? recordOf(handle.session, true) : null;
      if (record) await handle.handOff();
      else {
        bus.emit('call.audioPlaced', {
          call: handle.call.getSnapshot(),
          tab: 'leading',
          reason: 'replacesUnsupported',
        });
      }
      return record;
    },
    moveTo(callId, leg) {
      const handle = live(callId);
      if (leg) dialogs.forget(handle.session.dialog?.callId ?? '');
      handle.moveTo(leg);
      if (handle.call.getSnapshot().status === 'ended') return;
      bus.emit('call.audioPlaced', {
        call: handle.call.getSnapshot(),
        tab: leg ? 'answering' : 'leading',
        reason: leg ? 'moved' : 'rejoinFailed',
      });
    },
    legChanged(callId, leg) {
      const handle = handles.get(callId);
      const before = handle?.call.getSnapshot().status;
      handle?.legChanged(leg);
      // The leg's connection stayed away longer than the call survives: it owes the far end a
      // BYE it can only send once back; this tab's own connection sends it now.
      const record = handle?.leg?.record;
      if (before !== 'ended' && leg.status === 'ended' && leg.endReason === 'connectionLost') {
        if (record) endDialog(record);
      }
    },
    dialogOf(callId) {
      const handle = live(callId);
      return recordOf(handle.session, handle.remoteSupportsReplaces);
    },
    legLost(callId, record) {
      const handle = handles.get(callId);
      const snapshot = handle?.call.getSnapshot();
      if (!handle?.moved || !snapshot || snapshot.status === 'ended') return;
      handle.legChanged({ ...snapshot, status: 'ended', endReason: 'connectionLost' });
      if (record) endDialog(record);
    },
    legEvent(callId, event, payload) {
      const handle = handles.get(callId);
      if (!handle?.moved || !(legEvents as readonly string[]).includes(event)) return;
      const call = handle.call.getSnapshot();
      bus.emit(event as 'call.held', { ...payload, call });
    },
    transferTo: (callId, target) => live(callId).transferTo(target),
    async takeOver(record) {
      await context.connectForLegs();
      return context.rejoin(record);
    },
  };
}
