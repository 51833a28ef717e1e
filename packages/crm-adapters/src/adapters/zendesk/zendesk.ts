import type { Customer, CustomerId } from '@switchboard/core';
import * as z from 'zod/mini';
import type { HttpClient } from '../../http/httpClient';
import {
  mapCustomFields,
  mapDisposition,
  parseMapping,
  unmapDisposition,
  type FieldMapping,
} from '../../mapping/fieldMapping';
import type { CrmAdapter } from '../../model/crmAdapter';
import { fullCapabilities } from '../../model/capabilities';
import { defineCrmAdapter } from '../../model/defineCrmAdapter';
import type { LoggedInteraction } from '../../model/interaction';
import type { CrmTicket, CrmTicketStatus } from '../../model/ticket';
import { emailField } from '../customerFields';
import { fromInteractionTags, interactionTag, interactionTags } from '../shared/interactionTags';
import {
  keyStamp,
  noteTargetUnsupported,
  nullWhenNotFound,
  numericIds,
  onceByKey,
  responseReader,
} from '../shared/vendorKit';
import { vendorClient, type VendorOptions } from '../vendorOptions';
import {
  commentsEnvelope,
  ticketEnvelope,
  ticketsEnvelope,
  userEnvelope,
  usersEnvelope,
  type ZendeskTicket,
} from './zendeskSchemas';

/** Options of {@link createZendeskCrm}. */
export interface ZendeskOptions extends VendorOptions {
  /**
   * How the token is sent: `bearer` (an OAuth access token, the default) or `apiToken` (the
   * provider returns `agent@example.com/token:API_TOKEN`, sent as HTTP Basic).
   */
  readonly scheme?: 'bearer' | 'apiToken';
  /** Custom ticket fields (Zendesk field ids) and the disposition field with its values. */
  readonly mapping?: unknown;
}

const toZendeskStatus: Record<CrmTicketStatus, ZendeskTicket['status']> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  escalated: 'hold',
  resolved: 'solved',
  closed: 'closed',
};
const fromZendeskStatus: Record<ZendeskTicket['status'], CrmTicketStatus> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'escalated',
  solved: 'resolved',
  closed: 'closed',
};

const numericId = numericIds('Zendesk');
const read = responseReader('Zendesk');

/**
 * Creates the Zendesk {@link CrmAdapter} (Support API v2): users, tickets, private comments.
 * Ticket creates carry Zendesk's `Idempotency-Key`; comments are looked up by the key stamped
 * in their last line before one is added. A call is logged as a solved ticket tagged
 * `switchboard_interaction`, with the summary as a private comment.
 */
export function createZendeskCrm(options: ZendeskOptions): CrmAdapter {
  const mapping: FieldMapping<number> = parseMapping(
    'Zendesk',
    z.int().check(z.positive()),
    options.mapping,
  );
  const http: HttpClient = vendorClient('zendesk', options, {
    rateLimit: { perSecond: 3, burst: 10 },
    ...(options.scheme === 'apiToken'
      ? { authorization: (token: string) => `Basic ${btoa(token)}` }
      : {}),
  });
  const base = options.baseUrl.replace(/\/$/, '');

  const customer = (user: z.infer<typeof userEnvelope>['user']): Customer => ({
    id: String(user.id) as CustomerId,
    ...(user.name ? { name: user.name } : {}),
    ...emailField(user.email),
    ...(user.phone ? { phone: user.phone } : {}),
    ...(user.time_zone ? { timeZone: user.time_zone } : {}),
    attributes: {},
  });
  const ticket = (t: ZendeskTicket): CrmTicket => ({
    id: String(t.id),
    subject: t.subject ?? '',
    description: t.description ?? '',
    status: fromZendeskStatus[t.status],
    priority: t.priority ?? 'normal',
    customerId: t.requester_id == null ? null : String(t.requester_id),
  });
  const interaction = (t: ZendeskTicket): LoggedInteraction => {
    const field = mapping.disposition?.field;
    const value = t.custom_fields.find((f) => f.id === field)?.value;
    return {
      id: String(t.id),
      ...fromInteractionTags(t.tags),
      at: t.created_at ? Date.parse(t.created_at) : 0,
      disposition: unmapDisposition(mapping, value),
      summary: t.description ?? '',
    };
  };
  const requested = async (customerId: string, signal?: AbortSignal) => {
    const response = await http.request({
      method: 'GET',
      path: `/api/v2/users/${String(numericId(customerId, 'user'))}/tickets/requested`,
      query: { sort_order: 'desc' },
      signal,
    });
    return read(ticketsEnvelope, response.body).tickets;
  };

  /** Creates a ticket; Zendesk returns the first answer again for a repeated key. */
  const postTicket = (key: string | undefined, signal: AbortSignal | undefined, ticket: object) =>
    http.request({
      method: 'POST',
      path: '/api/v2/tickets',
      headers: key === undefined ? {} : { 'Idempotency-Key': key },
      body: { ticket },
      signal,
    });

  return defineCrmAdapter({
    id: 'zendesk',
    capabilities: fullCapabilities('native', mapping.disposition !== null),
    defaultCountry: options.defaultCountry,
    recordUrl: (id) => `${base}/agent/users/${id}`,
    async findCustomer(lookup, { signal }) {
      if ('id' in lookup) {
        const response = await nullWhenNotFound(
          http.request({
            method: 'GET',
            path: `/api/v2/users/${String(numericId(lookup.id, 'user'))}`,
            signal,
          }),
        );
        return response ? customer(read(userEnvelope, response.body).user) : null;
      }
      const query = 'phone' in lookup ? `phone:${lookup.phone}` : `email:${lookup.email}`;
      const response = await http.request({
        method: 'GET',
        path: '/api/v2/users/search',
        query: { query },
        signal,
      });
      const [first] = read(usersEnvelope, response.body).users;
      return first ? customer(first) : null;
    },
    async upsertCustomer(input, { signal }) {
      const response = await http.request({
        method: 'POST',
        path: '/api/v2/users/create_or_update',
        idempotent: true, // matched on email or external id: sending it twice updates twice
        body: {
          user: {
            name: input.name ?? input.email ?? input.phone ?? 'Unknown',
            ...(input.email ? { email: input.email } : {}),
            ...(input.phone ? { phone: input.phone } : {}),
            ...(input.id ? { id: numericId(input.id, 'user') } : {}),
          },
        },
        signal,
      });
      return customer(read(userEnvelope, response.body).user);
    },
    async getHistory(customerId, { signal }) {
      return (await requested(customerId, signal))
        .filter((t) => t.tags.includes(interactionTag))
        .map(interaction);
    },
    async logInteraction(record, { idempotencyKey, signal }) {
      const disposition = mapDisposition(mapping, record.disposition);
      const response = await postTicket(idempotencyKey, signal, {
        subject: `${record.channel === 'voice' ? 'Call' : record.channel} ${record.direction}`,
        comment: {
          body: record.summary || `${record.channel} contact ${record.contactId}`,
          public: false,
        },
        requester_id: numericId(record.customerId, 'user'),
        status: 'solved',
        external_id: record.contactId,
        tags: interactionTags(record),
        ...(disposition !== null && mapping.disposition
          ? { custom_fields: [{ id: mapping.disposition.field, value: disposition }] }
          : {}),
      });
      return interaction(read(ticketEnvelope, response.body).ticket);
    },
    async createTicket(draft, { idempotencyKey, signal }) {
      const fields = mapCustomFields(mapping, draft.customFields);
      const response = await postTicket(idempotencyKey, signal, {
        subject: draft.subject,
        comment: { body: draft.description || draft.subject, public: false },
        priority: draft.priority,
        status: toZendeskStatus[draft.status],
        ...(draft.customerId ? { requester_id: numericId(draft.customerId, 'user') } : {}),
        ...(draft.contactId ? { external_id: draft.contactId } : {}),
        ...(fields.length > 0
          ? { custom_fields: fields.map(([id, value]) => ({ id, value })) }
          : {}),
      });
      return ticket(read(ticketEnvelope, response.body).ticket);
    },
    async updateTicket(id, changes, { signal }) {
      const fields = mapCustomFields(mapping, changes.customFields ?? {});
      const response = await http.request({
        method: 'PUT',
        path: `/api/v2/tickets/${String(numericId(id, 'ticket'))}`,
        body: {
          ticket: {
            ...(changes.subject === undefined ? {} : { subject: changes.subject }),
            ...(changes.priority === undefined ? {} : { priority: changes.priority }),
            ...(changes.status === undefined ? {} : { status: toZendeskStatus[changes.status] }),
            ...(changes.description === undefined
              ? {}
              : { comment: { body: changes.description, public: false } }),
            ...(fields.length > 0
              ? { custom_fields: fields.map(([field, value]) => ({ id: field, value })) }
              : {}),
          },
        },
        signal,
      });
      return ticket(read(ticketEnvelope, response.body).ticket);
    },
    async addNote(draft, { idempotencyKey, signal }) {
      if (draft.target.kind !== 'ticket')
        throw noteTargetUnsupported('Zendesk', 'tickets', draft.target.kind);
      const ticketId = String(numericId(draft.target.id, 'ticket'));
      const stamp = keyStamp(idempotencyKey);
      return onceByKey(
        idempotencyKey,
        async () => {
          const listed = await http.request({
            method: 'GET',
            path: `/api/v2/tickets/${ticketId}/comments`,
            signal,
          });
          const found = read(commentsEnvelope, listed.body).comments.find((c) =>
            c.body?.endsWith(stamp),
          );
          return found ? { id: String(found.id), body: draft.body } : null;
        },
        async () => {
          await http.request({
            method: 'PUT',
            path: `/api/v2/tickets/${ticketId}`,
            idempotent: false,
            body: {
              ticket: {
                comment: { body: draft.body + stamp, public: draft.visibility === 'public' },
              },
            },
            signal,
          });
          return { id: `${ticketId}:${idempotencyKey ?? 'note'}`, body: draft.body };
        },
      );
    },
    async searchTickets(query, { signal }) {
      const all =
        query.customerId === undefined
          ? read(
              ticketsEnvelope,
              (
                await http.request({
                  method: 'GET',
                  path: '/api/v2/tickets',
                  signal,
                })
              ).body,
            ).tickets
          : await requested(query.customerId, signal);
      return all
        .filter((t) => !t.tags.includes(interactionTag))
        .map(ticket)
        .filter((t) => query.status === undefined || query.status.includes(t.status))
        .slice(0, query.limit);
    },
  });
}
