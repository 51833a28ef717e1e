import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import type { ContactCenter } from '../center/contactCenter';
import { transferTargetSchema } from '../contact/contactCommands';
import { SwitchboardError } from '../errors';
import { contactInputSchema, type Contact, type ContactInput } from '../model/contact';
import { contactIdSchema, type AgentId, type ContactId } from '../model/ids';
import { agentIdSchema } from '../model/ids';
import { actionFor } from './actionFor';
import { hasFreeCapacity } from '../routing/eligibility';
import type { ActionDefinition, ActionSignature } from '../actions/actionTypes';
import type {
  CompleteRequest,
  ConsultRequest,
  ContactRequest,
  LoginRequest,
  StatusChoice,
  TransferRequest,
} from './deskRequests';

declare module '../actions/actionTypes' {
  interface SwitchboardActions {
    /** Log in: available, or not ready with `reason`. */
    'agent.login': ActionSignature<LoginRequest, AgentState>;
    /** Log out; refused while contacts are in hand. */
    'agent.logout': ActionSignature<Record<string, never>, AgentState>;
    /** Become available or not ready with a reason. */
    'agent.setStatus': ActionSignature<StatusChoice, AgentState>;
    /** Accept an offered contact. */
    'contact.accept': ActionSignature<ContactRequest, Contact>;
    /** Decline an offered contact. */
    'contact.reject': ActionSignature<ContactRequest, Contact>;
    /** Put the customer on hold. */
    'contact.hold': ActionSignature<ContactRequest, Contact>;
    /** Take the customer off hold. */
    'contact.resume': ActionSignature<ContactRequest, Contact>;
    /** Consult another agent while the customer holds. */
    'contact.consult': ActionSignature<ConsultRequest, Contact>;
    /** End a consultation. */
    'contact.endConsult': ActionSignature<ContactRequest, Contact>;
    /** Join the consulted agent into a conference. */
    'contact.conference': ActionSignature<ContactRequest, Contact>;
    /** Transfer to an agent or queue. */
    'contact.transfer': ActionSignature<TransferRequest, Contact>;
    /** End the conversation and start wrap-up. */
    'contact.wrapUp': ActionSignature<ContactRequest, Contact>;
    /** Finish wrap-up with an optional disposition code. */
    'contact.complete': ActionSignature<CompleteRequest, Contact>;
    /** Start an outbound contact (a call, email, SMS) handled by this agent. */
    'contact.dial': ActionSignature<ContactInput, Contact>;
  }
}

const byContact = z.object({ contactId: contactIdSchema });

/**
 * The desk's built-in actions for one agent. Every agent operation of a desk runs through the
 * action pipeline, so plugins can check, cancel, replace or follow any of them. Each is open to
 * the `agent` role and needs the `<domain>:write` permission from plugins.
 */
export function deskActions(center: ContactCenter, agentId: AgentId): ActionDefinition[] {
  const mine = (contactId: ContactId): Contact => {
    const contact = center.getSnapshot().contacts.get(contactId);
    if (!contact) {
      throw new SwitchboardError('NOT_FOUND', `No contact "${contactId}".`, {
        details: { contactId },
      });
    }
    const participants = contact.status === 'conferenced' ? contact.participants : [];
    if (contact.agentId !== agentId && !participants.includes(agentId)) {
      throw new SwitchboardError(
        'PERMISSION_DENIED',
        `Contact ${contactId} is not with agent ${agentId}.`,
        {
          details: { contactId, agentId },
        },
      );
    }
    return contact;
  };
  const action = actionFor(['agent']);
  const onMine = (name: string, type: 'hold' | 'resume' | 'endConsult' | 'conference' | 'end') =>
    action(name, byContact, ({ contactId }) => center.contactCommand(mine(contactId).id, { type }));

  return [
    action('agent.login', z.object({ reason: z.optional(z.string()) }), ({ reason }) =>
      center.agentCommand(agentId, { type: 'login', reason }),
    ),
    action('agent.logout', z.object({}), () => center.agentCommand(agentId, { type: 'logout' })),
    action(
      'agent.setStatus',
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('available') }),
        z.object({ status: z.literal('notReady'), reason: z.string().check(z.minLength(1)) }),
      ]),
      (choice) =>
        center.agentCommand(
          agentId,
          choice.status === 'available'
            ? { type: 'setAvailable' }
            : { type: 'setNotReady', reason: choice.reason },
        ),
    ),
    action('contact.accept', byContact, ({ contactId }) =>
      center.contactCommand(contactId, { type: 'accept', agentId }),
    ),
    action('contact.reject', byContact, ({ contactId }) =>
      center.contactCommand(contactId, { type: 'reject', agentId }),
    ),
    onMine('contact.hold', 'hold'),
    onMine('contact.resume', 'resume'),
    onMine('contact.endConsult', 'endConsult'),
    onMine('contact.conference', 'conference'),
    onMine('contact.wrapUp', 'end'),
    action(
      'contact.consult',
      z.object({ contactId: contactIdSchema, agentId: agentIdSchema }),
      (request) =>
        center.contactCommand(mine(request.contactId).id, {
          type: 'consult',
          agentId: request.agentId,
        }),
    ),
    action(
      'contact.transfer',
      z.object({ contactId: contactIdSchema, target: transferTargetSchema }),
      (request) =>
        center.contactCommand(mine(request.contactId).id, {
          type: 'transfer',
          target: request.target,
        }),
    ),
    action(
      'contact.complete',
      z.object({ contactId: contactIdSchema, disposition: z.optional(z.nullable(z.string())) }),
      ({ contactId, disposition = null }) => {
        if (
          disposition !== null &&
          !center.dispositions.some((known) => known.code === disposition)
        ) {
          throw new SwitchboardError('VALIDATION_FAILED', `Unknown disposition "${disposition}".`, {
            issues: [{ path: ['disposition'], message: `Unknown disposition "${disposition}"` }],
          });
        }
        return center.contactCommand(mine(contactId).id, { type: 'complete', disposition });
      },
    ),
    action('contact.dial', contactInputSchema, (input) => {
      const agent = center.getSnapshot().agents.get(agentId);
      if (!agent || agent.presence.status === 'offline' || !hasFreeCapacity(agent, input.channel)) {
        throw new SwitchboardError(
          'CAPACITY_EXCEEDED',
          `Agent ${agentId} cannot start a ${input.channel} contact now.`,
          {
            details: { agentId, channel: input.channel },
          },
        );
      }
      const contact = center.openContact({ ...input, direction: 'outbound', queueId: undefined });
      center.contactCommand(contact.id, { type: 'offer', agentId });
      return center.contactCommand(contact.id, { type: 'accept', agentId });
    }),
  ] as ActionDefinition[];
}
