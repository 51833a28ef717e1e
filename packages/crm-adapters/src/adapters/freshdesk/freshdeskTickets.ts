import type { Channel } from '@switchboard/core';
import type { CrmTicket, CrmTicketStatus } from '../../model/ticket';
import type { FreshdeskTicket } from './freshdeskSchemas';

/** Status to Freshdesk's (2 Open, 3 Pending, 4 Resolved, 5 Closed); it has no escalated status. */
export const toFreshdeskStatus: Record<CrmTicketStatus, number> = {
  new: 2,
  open: 2,
  pending: 3,
  escalated: 2,
  resolved: 4,
  closed: 5,
};
const fromStatus: Record<number, CrmTicketStatus> = {
  2: 'open',
  3: 'pending',
  4: 'resolved',
  5: 'closed',
};

/** Priority to Freshdesk's (1 Low, 2 Medium, 3 High, 4 Urgent). */
export const toFreshdeskPriority = { low: 1, normal: 2, high: 3, urgent: 4 } as const;
const fromPriority: Record<number, CrmTicket['priority']> = {
  1: 'low',
  2: 'normal',
  3: 'high',
  4: 'urgent',
};

/** The ticket source of a channel (1 Email, 2 Portal, 3 Phone, 7 Chat). */
export function sourceOf(channel: Channel): number {
  if (channel === 'voice' || channel === 'callback') return 3;
  if (channel === 'email') return 1;
  return channel === 'chat' ? 7 : 2;
}

/** A Freshdesk ticket as a {@link CrmTicket}; custom statuses read as `pending`. */
export function ticketOfFreshdesk(t: FreshdeskTicket): CrmTicket {
  return {
    id: String(t.id),
    subject: t.subject ?? '',
    description: t.description_text ?? '',
    status: fromStatus[t.status] ?? 'pending',
    priority: fromPriority[t.priority ?? 2] ?? 'normal',
    customerId: t.requester_id == null ? null : String(t.requester_id),
  };
}

/** HTML for a Freshdesk body from plain text: escaped, line breaks kept. */
export function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>');
}
