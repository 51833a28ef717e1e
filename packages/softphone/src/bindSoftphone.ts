import type { Contact, Desk, Unsubscribe } from '@switchboard/core';
import type { BindingContext } from './binding/bindingContext';
import { mirrorRecording } from './binding/recordingMirror';
import { mirrorTransfers, type TransferMapping } from './binding/transferMirror';
import type { Call, CallSnapshot, PauseRecordingOptions } from './call';
import { SoftphoneError } from './errors';
import type { Softphone } from './softphoneTypes';

/** Options of {@link bindSoftphone}. */
export interface BindSoftphoneOptions extends TransferMapping {
  /**
   * The INVITE header in which the PBX or ACD names the contact a call belongs to;
   * `X-Switchboard-Contact-Id` by default.
   */
  readonly contactHeader?: string;
  /**
   * A direct call that comes in while the agent already holds a voice contact (the core's voice
   * capacity is one): `ring` (default) lets it ring as a waiting call the desk does not see;
   * `busy` declines it with 486 Busy Here, as an ACD would.
   */
  readonly callWaiting?: 'ring' | 'busy';
  /** Called when mirroring a change fails (a refused desk action, a failed re-INVITE). */
  readonly onError?: (error: unknown) => void;
}

/** The live link between a desk's voice contacts and a softphone's calls. */
export interface SoftphoneBinding {
  /** The contact a call is linked to, if any. */
  contactOf(callId: string): string | undefined;
  /** The call a contact is linked to, if any. */
  callOf(contactId: string): Call | undefined;
  /** Pauses the recording of the contact's call (PCI); the contact is annotated. */
  pauseRecording(contactId: string, options?: PauseRecordingOptions): Promise<void>;
  /** Resumes the recording of the contact's call. */
  resumeRecording(contactId: string): Promise<void>;
  /** Stops mirroring; calls and contacts stay as they are. */
  unbind(): void;
}

const engaged = new Set<Contact['status']>(['accepted', 'connected', 'onHold']);

/**
 * Mirrors a softphone's calls onto a desk's voice contacts, both ways:
 *
 * | on the phone | on the desk |
 * |---|---|
 * | an incoming call rings | linked to the offered voice contact (named in the INVITE's contact header, else the oldest unlinked offer; a direct call opens one) |
 * | answered | `accept` + `connect` (and `desk.accept()` answers the ringing call) |
 * | declined, or the caller gives up | `reject`, or the contact is abandoned (and `desk.reject()` declines the call) |
 * | held / resumed | `hold` / `resume` (and the desk's hold and resume re-INVITE the call) |
 * | hung up by either side | `wrapUp` (and `desk.wrapUp()` hangs up) |
 * | an outgoing call | `dial` opens an outbound voice contact (and a voice `desk.dial()` places the call) |
 *
 * @example
 * ```ts
 * const binding = bindSoftphone(desk, phone);
 * desk.events.on('contact.offered', ({ contactId }) => void desk.accept(contactId)); // answers the call
 * ```
 */
export function bindSoftphone(
  desk: Desk,
  phone: Softphone,
  options: BindSoftphoneOptions = {},
): SoftphoneBinding {
  const header = options.contactHeader ?? 'X-Switchboard-Contact-Id';
  const onError = options.onError ?? (() => undefined);
  const callToContact = new Map<string, string>();
  const contactToCall = new Map<string, Call>();
  const offs: Unsubscribe[] = [];
  /** The phone's own outgoing call while its desk contact is being opened. */
  let pendingOutbound: Call | undefined;
  /** The desk's outbound contact while the phone places its call. */
  let placing: string | undefined;
  /** The next outgoing call is the binding's own (a consultation). */
  let ownCall = false;

  const link = (call: Call, contactId: string) => {
    const previous = contactToCall.get(contactId);
    if (previous) callToContact.delete(previous.id);
    callToContact.set(call.id, contactId);
    contactToCall.set(contactId, call);
  };
  const unlink = (callId: string) => {
    const contactId = callToContact.get(callId);
    callToContact.delete(callId);
    if (contactId !== undefined) contactToCall.delete(contactId);
  };
  const contact = (id: string): Contact | undefined =>
    desk.getSnapshot().contacts.find((candidate) => candidate.id === id);
  const attempt = (work: () => unknown) => {
    try {
      Promise.resolve(work()).catch(onError);
    } catch (error) {
      onError(error);
    }
  };
  const contactOfCall = (snapshot: CallSnapshot) => {
    const id = callToContact.get(snapshot.id);
    return id === undefined ? undefined : contact(id);
  };

  // Phone -> desk
  offs.push(
    phone.on('call.incoming', ({ call }) => {
      const named = call.header(header);
      const offered = desk
        .getSnapshot()
        .contacts.filter(
          (candidate) =>
            candidate.channel === 'voice' &&
            (candidate.status === 'offered' ||
              (candidate.status === 'inConsult' && candidate.consultAgentId === desk.agentId)) &&
            !contactToCall.has(candidate.id),
        );
      const match =
        (named !== null ? offered.find((candidate) => candidate.id === named) : undefined) ??
        offered[0];
      if (match) {
        link(call, match.id);
        return;
      }
      // Call waiting beyond the agent's voice capacity: it rings unmirrored, or is busy (docs).
      const agent = desk.center.getSnapshot().agents.get(desk.agentId);
      if (agent && agent.load.voice >= agent.profile.capacity.voice) {
        if (options.callWaiting === 'busy') attempt(() => call.reject({ statusCode: 486 }));
        return;
      }
      attempt(() => {
        const { remote } = call.getSnapshot();
        const opened = desk.center.openContact({
          channel: 'voice',
          direction: 'inbound',
          customer: { attributes: {}, ...(remote.number ? { phone: remote.number } : {}) },
          attributes: { callId: call.id, sipUri: remote.uri },
        });
        link(call, opened.id);
        desk.center.contactCommand(opened.id, { type: 'offer', agentId: desk.agentId });
      });
    }),
    phone.on('call.outgoing', ({ call }) => {
      if (ownCall) {
        ownCall = false;
        return;
      }
      if (placing !== undefined) {
        link(call, placing);
        placing = undefined;
        return;
      }
      if (callToContact.has(call.id)) return;
      const { remote } = call.getSnapshot();
      attempt(async () => {
        pendingOutbound = call;
        try {
          const opened = await desk.dial({
            channel: 'voice',
            direction: 'outbound',
            customer: { attributes: {}, ...(remote.number ? { phone: remote.number } : {}) },
            attributes: { callId: call.id, sipUri: remote.uri },
          });
          link(call, opened.id);
        } finally {
          pendingOutbound = undefined;
        }
      });
    }),
    phone.on('call.connected', ({ call }) => {
      const linked = contactOfCall(call);
      if (!linked) return;
      attempt(async () => {
        if (linked.status === 'offered') await desk.accept(linked.id);
        if (contact(linked.id)?.status === 'accepted') {
          desk.center.contactCommand(linked.id, { type: 'connect' });
        }
      });
    }),
    phone.on('call.held', ({ call }) => {
      const linked = contactOfCall(call);
      if (linked?.status === 'connected') attempt(() => desk.hold(linked.id));
    }),
    phone.on('call.resumed', ({ call }) => {
      const linked = contactOfCall(call);
      if (linked?.status === 'onHold') attempt(() => desk.resume(linked.id));
    }),
    phone.on('call.ended', ({ call }) => {
      const linked = contactOfCall(call);
      unlink(call.id);
      // A transferred or replaced call's contact moved on (see the transfer mirror).
      if (!linked || call.endReason === 'transferred' || call.endReason === 'replaced') return;
      attempt(() => {
        if (linked.status === 'offered') {
          if (call.endReason === 'rejected') return desk.reject(linked.id);
          return desk.center.contactCommand(linked.id, { type: 'abandon' });
        }
        // An outbound call that was never answered (busy, declined, unanswered) failed.
        if (linked.status === 'accepted') {
          return desk.center.contactCommand(linked.id, {
            type: 'fail',
            reason: call.endReason ?? 'failed',
          });
        }
        if (engaged.has(linked.status)) return desk.wrapUp(linked.id);
        return undefined;
      });
    }),
  );

  // Desk -> phone
  const callFor = (contactId: string) => contactToCall.get(contactId);
  const status = (call: Call) => call.getSnapshot().status;
  offs.push(
    desk.events.on('contact.accepted', ({ contactId }) => {
      const call = callFor(contactId);
      if (call) {
        if (status(call) === 'ringing') attempt(() => call.answer());
        return;
      }
      const accepted = contact(contactId);
      if (accepted?.channel !== 'voice' || accepted.direction !== 'outbound') return;
      if (pendingOutbound && accepted.attributes.callId === pendingOutbound.id) return;
      const number = accepted.customer.phone;
      if (!number) {
        onError(
          new SoftphoneError(
            'INVALID_TARGET',
            `Contact ${contactId} has no phone number to dial.`,
            {
              details: { contactId },
            },
          ),
        );
        return;
      }
      placing = contactId;
      attempt(() =>
        phone.call(number, { extraHeaders: [`${header}: ${contactId}`] }).finally(() => {
          placing = undefined;
        }),
      );
    }),
    desk.events.on('contact.rejected', ({ contactId }) => {
      const call = callFor(contactId);
      if (call && status(call) === 'ringing') attempt(() => call.reject());
    }),
    desk.events.on('contact.missed', ({ contactId }) => {
      const call = callFor(contactId);
      if (call && status(call) === 'ringing') attempt(() => call.reject({ statusCode: 480 }));
    }),
    desk.events.on('contact.held', ({ contactId }) => {
      const call = callFor(contactId);
      if (call && status(call) === 'connected' && !call.getSnapshot().held) {
        attempt(() => call.hold());
      }
    }),
    desk.events.on('contact.resumed', ({ contactId }) => {
      const call = callFor(contactId);
      if (call && status(call) === 'connected' && call.getSnapshot().held) {
        attempt(() => call.resume());
      }
    }),
    desk.events.on('contact.wrapUpStarted', ({ contactId }) => {
      const call = callFor(contactId);
      if (call && status(call) !== 'ended') attempt(() => call.hangUp());
    }),
  );

  const context: BindingContext = {
    desk,
    phone,
    contactOf: (callId) => {
      const id = callToContact.get(callId);
      return id === undefined ? undefined : contact(id);
    },
    callFor,
    link,
    unlink,
    attempt,
    onError,
    placeOwnCall: () => {
      ownCall = true;
    },
  };
  offs.push(mirrorTransfers(context, options));
  const recording = mirrorRecording(context);
  offs.push(recording.off);

  return {
    contactOf: (callId) => callToContact.get(callId),
    callOf: (contactId) => contactToCall.get(contactId),
    pauseRecording: recording.pause,
    resumeRecording: recording.resume,
    unbind() {
      for (const off of offs.splice(0)) off();
    },
  };
}
