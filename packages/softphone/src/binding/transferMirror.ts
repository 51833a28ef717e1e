import type { SwitchboardEvents, TransferTargetInput, Unsubscribe } from '@switchboard/core';
import type { Call } from '../call';
import type { BindingContext } from './bindingContext';

/** A transfer target as the core names it (an agent or a queue). */
export type DeskTransferTarget = SwitchboardEvents['contact.transferred']['target'];

/** How transfers map between the desk's agents and queues and SIP addresses. */
export interface TransferMapping {
  /**
   * The address the phone dials or refers to for a desk target; by default the agent's or the
   * queue's id as a user in the phone's domain (`sip:carol@pbx.example.com`).
   */
  readonly transferAddress?: (target: DeskTransferTarget) => string;
  /**
   * The desk target of a transfer made on the phone, from the address it went to; by default
   * the URI's user when it names an agent or a queue of the centre. `null`: the contact just
   * goes to wrap-up.
   */
  readonly transferTargetOf?: (uri: string) => TransferTargetInput | null;
}

const engaged = new Set(['connected', 'onHold', 'inConsult', 'conferenced']);

/**
 * Mirrors consultations, conferences and transfers both ways: the desk's `consult` holds the
 * customer's call and calls the colleague, `endConsult` hangs that call up and resumes, the
 * desk's `conference` joins both calls, and `transfer` REFERs the customer (with Replaces to the
 * consultation when it is a consult transfer). A transfer made on the phone transfers the contact
 * on the desk (or wraps it up when its target is not an agent or queue of the centre).
 */
export function mirrorTransfers(context: BindingContext, mapping: TransferMapping): Unsubscribe {
  const { desk, phone } = context;
  const consultations = new Map<string, Call>();
  const addressOf =
    mapping.transferAddress ??
    ((target: DeskTransferTarget) => (target.kind === 'agent' ? target.agentId : target.queueId));
  const targetOf =
    mapping.transferTargetOf ??
    ((uri: string): TransferTargetInput | null => {
      const user = /^sips?:([^@;]+)@/.exec(uri)?.[1];
      if (user === undefined) return null;
      if (desk.center.getSnapshot().agents.has(user)) {
        return { kind: 'agent', agentId: user };
      }
      if (desk.center.queues.has(user as never)) return { kind: 'queue', queueId: user };
      return null;
    });

  const offs: Unsubscribe[] = [
    desk.events.on('contact.consultStarted', ({ contactId, consultAgentId, state }) => {
      const customer = context.callFor(contactId);
      if (!customer || state.agentId !== desk.agentId) return;
      context.attempt(async () => {
        if (!customer.getSnapshot().held) await customer.hold();
        context.placeOwnCall();
        const consultation = await phone.call(
          addressOf({ kind: 'agent', agentId: consultAgentId }),
        );
        consultations.set(contactId, consultation);
      });
    }),
    desk.events.on('contact.consultEnded', ({ contactId }) => {
      const consultation = consultations.get(contactId);
      consultations.delete(contactId);
      const customer = context.callFor(contactId);
      context.attempt(async () => {
        await consultation?.hangUp();
        if (customer?.getSnapshot().held) await customer.resume();
      });
    }),
    desk.events.on('contact.conferenced', ({ contactId }) => {
      const consultation = consultations.get(contactId);
      const customer = context.callFor(contactId);
      if (consultation && customer) {
        context.attempt(() => phone.conference([customer, consultation]));
      }
    }),
    desk.events.on('contact.transferred', ({ contactId, fromAgentId, mode, target }) => {
      const customer = context.callFor(contactId);
      if (!customer || fromAgentId !== desk.agentId) return;
      if (customer.getSnapshot().status !== 'connected') return;
      const consultation = consultations.get(contactId);
      consultations.delete(contactId);
      context.attempt(() =>
        customer.transfer(mode === 'consult' && consultation ? consultation : addressOf(target)),
      );
    }),
    // A consultation the colleague ends returns the agent to the customer.
    phone.on('call.ended', ({ call }) => {
      for (const [contactId, consultation] of consultations) {
        if (consultation.id !== call.id) continue;
        consultations.delete(contactId);
        if (call.endReason === 'transferred') return;
        const contact = desk.getSnapshot().contacts.find((each) => each.id === contactId);
        if (contact?.status === 'inConsult') context.attempt(() => desk.endConsult(contactId));
      }
    }),
    // A transfer made on the phone: the contact follows it on the desk.
    phone.on('call.transferred', ({ call, target }) => {
      const contact = context.contactOf(call.id);
      if (!contact || !engaged.has(contact.status)) return;
      const deskTarget = targetOf(target);
      context.unlink(call.id); // the call is over for this agent: nothing to hang up on wrap-up
      context.attempt(async () => {
        if (deskTarget) {
          try {
            await desk.transfer(contact.id, deskTarget);
            return;
          } catch (error) {
            context.onError(error);
          }
        }
        await desk.wrapUp(contact.id);
      });
    }),
    // The far end of an attended transfer: the new call takes the replaced call's contact.
    phone.on('call.replaced', ({ call, replaced }) => {
      const contact = context.contactOf(replaced.id);
      if (contact) context.link(call, contact.id);
    }),
    // This phone was referred elsewhere: the new leg keeps the old leg's contact.
    phone.on('call.referred', ({ call, from }) => {
      const contact = context.contactOf(from.id);
      if (contact) context.link(call, contact.id);
    }),
  ];
  return () => {
    for (const off of offs.splice(0)) off();
  };
}
