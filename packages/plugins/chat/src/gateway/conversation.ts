import { contactTransitions, holdersOf, type Contact, type ContactStatus } from '@switchboard/core';
import type { ServerFrame } from '../protocol/frames';
import type { ChatMessage, ChatStatus } from '../protocol/message';
import type { ChatLink } from '../transport/link';

/** What the gateway keeps of one conversation (one chat contact) while it lives. */
export interface Conversation {
  /** The conversation id: its contact's id. */
  readonly id: string;
  /** The secret a customer resumes it with. */
  readonly token: string;
  /** Who the customer said they are. */
  readonly customer: Extract<ServerFrame, { type: 'chat' }>['customer'];
  /** Every message, seq order. */
  readonly messages: ChatMessage[];
  /** Messages by `<author>:<clientId>`, so a resend is answered, not doubled. */
  readonly byClientId: Map<string, ChatMessage>;
  /** Where it stands. */
  status: ChatStatus;
  /** The customer read agent messages up to this seq. */
  customerReadUpTo: number;
  /** The agents read customer messages up to this seq. */
  agentReadUpTo: number;
  /** Agents with the chat open (holders of the contact past the offer). */
  holders: ReadonlySet<string>;
  /** The customer's open links (usually one; two during a reconnect race). */
  readonly customers: Set<ChatLink>;
  /** Fires when the customer stayed away longer than the resume window. */
  leaveTimer: unknown;
  /** Whether the gateway will forget it once the resume window has passed. */
  forgetting: boolean;
}

/** Statuses in which a holder has the chat open. */
const open: ReadonlySet<ContactStatus> = new Set([
  'accepted',
  'connected',
  'onHold',
  'inConsult',
  'conferenced',
  'wrapUp',
]);
const engaged: ReadonlySet<ContactStatus> = new Set([
  'connected',
  'onHold',
  'inConsult',
  'conferenced',
]);
const waiting: ReadonlySet<ContactStatus> = new Set([
  'created',
  'inIvr',
  'queued',
  'offered',
  'accepted',
]);

/** The conversation status the customer sees for a contact status. */
export function chatStatusOf(contact: Contact | undefined): ChatStatus {
  if (!contact) return 'ended';
  if (engaged.has(contact.status)) return 'connected';
  return waiting.has(contact.status) ? 'queued' : 'ended';
}

/** The agents who have the chat open: holders once the offer was accepted. */
export function chatHoldersOf(contact: Contact | undefined): ReadonlySet<string> {
  return new Set(contact && open.has(contact.status) ? holdersOf(contact) : []);
}

/** The command that ends a contact when its customer leaves: abandon while waiting, else end. */
export function leaveCommand(contact: Contact | undefined): 'abandon' | 'end' | null {
  if (!contact) return null;
  const allowed = contactTransitions[contact.status];
  if (allowed.includes('abandon')) return 'abandon';
  return allowed.includes('end') ? 'end' : null;
}

/** The `chat` frame that gives an agent a conversation, with the messages after `afterSeq`. */
export function chatFrame(conversation: Conversation, afterSeq: number): ServerFrame {
  return {
    type: 'chat',
    contactId: conversation.id,
    customer: conversation.customer,
    status: conversation.status,
    customerReadUpTo: conversation.customerReadUpTo,
    agentReadUpTo: conversation.agentReadUpTo,
    messages: conversation.messages.slice(afterSeq),
  };
}
