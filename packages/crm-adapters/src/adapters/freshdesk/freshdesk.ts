import type { Customer, CustomerId } from '@switchboard/core';
import * as z from 'zod/mini';
import { CrmError } from '../../errors';
import type { HttpClient } from '../../http/httpClient';
import {
  mapCustomFields,
  mapDisposition,
  parseMapping,
  unmapDisposition,
  type CustomFieldValue,
} from '../../mapping/fieldMapping';
import { fullCapabilities } from '../../model/capabilities';
import type { CrmAdapter } from '../../model/crmAdapter';
import type { InteractionRecord, LoggedInteraction } from '../../model/interaction';
import { defineCrmAdapter } from '../../model/defineCrmAdapter';
import { emailField } from '../customerFields';
import { fromInteractionTags, interactionTag, interactionTags } from '../shared/interactionTags';
import {
  keyStamp,
  noteTargetUnsupported,
  nullWhenNotFound,
  numericIds,
  onceByKey,
  responseReader,
  upsertByIdOrEmail,
} from '../shared/vendorKit';
import { vendorClient, type VendorOptions } from '../vendorOptions';
import { freshdeskDialect } from './freshdeskDialect';
import {
  freshdeskContactSchema,
  freshdeskConversationSchema,
  freshdeskTicketSchema,
  type FreshdeskContact,
  type FreshdeskTicket,
} from './freshdeskSchemas';
import {
  html,
  sourceOf,
  ticketOfFreshdesk,
  toFreshdeskPriority,
  toFreshdeskStatus,
} from './freshdeskTickets';

/** Options of {@link createFreshdeskCrm}. */
export interface FreshdeskOptions extends VendorOptions {
  /** Your helpdesk's URL: `https://acme.freshdesk.com`. `token` supplies the agent's API key. */
  readonly baseUrl: string;
  /**
   * A single-line text ticket field that holds each create's idempotency key (create it once);
   * `cf_switchboard_key` by default.
   */
  readonly keyField?: string;
  /** Custom ticket fields (`cf_*` names) and the dropdown field that holds dispositions. */
  readonly mapping?: unknown;
}

const fieldName = z.string().check(z.regex(/^cf_[a-z0-9_]+$/));
const numericId = numericIds('Freshdesk');
const read = responseReader('Freshdesk');
const contacts = z.array(freshdeskContactSchema);
const tickets = z.array(freshdeskTicketSchema);
const conversations = z.array(freshdeskConversationSchema);

/**
 * Creates the Freshdesk {@link CrmAdapter} (API v2): contacts (filtered by phone, mobile or
 * email), tickets, private notes. A call (or any contact) is logged as a resolved ticket whose
 * source is the channel (Phone for calls), tagged `switchboard_interaction`, with the agent's
 * summary as a private note. Freshdesk has no idempotency keys: a ticket's key goes in
 * `keyField` and a note's in its last line, and each create looks for its key first. The API
 * key travels as HTTP Basic (`key:X`), as Freshdesk asks.
 */
export function createFreshdeskCrm(options: FreshdeskOptions): CrmAdapter {
  const mapping = parseMapping('Freshdesk', fieldName, options.mapping);
  const keyField = options.keyField ?? 'cf_switchboard_key';
  const http: HttpClient = vendorClient('freshdesk', options, {
    rateLimit: { perSecond: 3, burst: 10 },
    dialect: freshdeskDialect,
    authorization: (key: string) => `Basic ${btoa(`${key}:X`)}`,
  });
  const origin = new URL(options.baseUrl).origin;

  const customer = (c: FreshdeskContact): Customer => {
    const phone = c.phone ?? c.mobile;
    return {
      id: String(c.id) as CustomerId,
      ...(c.name ? { name: c.name } : {}),
      ...emailField(c.email),
      ...(phone ? { phone } : {}),
      ...(c.time_zone ? { timeZone: c.time_zone } : {}),
      attributes: {},
    };
  };
  const interaction = (t: FreshdeskTicket): LoggedInteraction => ({
    id: String(t.id),
    ...fromInteractionTags(t.tags ?? []),
    at: t.created_at ? Date.parse(t.created_at) : 0,
    disposition: unmapDisposition(mapping, t.custom_fields?.[String(mapping.disposition?.field)]),
    summary: t.description_text ?? '',
  });
  const customFields = (fields: Readonly<Record<string, CustomFieldValue>>) =>
    Object.fromEntries(mapCustomFields(mapping, fields));
  const contactsWhere = async (query: Record<string, string>, signal?: AbortSignal) =>
    read(
      contacts,
      (await http.request({ method: 'GET', path: '/api/v2/contacts', query, signal })).body,
    );
  /** A requester's tickets, newest first (Freshdesk lists the last 30 days by default). */
  const ticketsOf = async (requesterId: string | undefined, signal?: AbortSignal) =>
    read(
      tickets,
      (
        await http.request({
          method: 'GET',
          path: '/api/v2/tickets',
          query: {
            ...(requesterId === undefined
              ? {}
              : { requester_id: numericId(requesterId, 'contact') }),
            order_by: 'created_at',
            order_type: 'desc',
            per_page: 100,
            include: 'description',
          },
          signal,
        })
      ).body,
    );
  const byKey = (requesterId: string, signal?: AbortSignal) => async (key: string) =>
    (await ticketsOf(requesterId, signal)).find((t) => t.custom_fields?.[keyField] === key);
  const postTicket = async (body: Record<string, unknown>, signal?: AbortSignal) =>
    read(
      freshdeskTicketSchema,
      (await http.request({ method: 'POST', path: '/api/v2/tickets', body, signal })).body,
    );
  /** Adds a private (or public) note once per key: the key is stamped in its last line. */
  const note = (
    ticketId: number,
    body: string,
    isPrivate: boolean,
    key: string | undefined,
    signal?: AbortSignal,
  ) =>
    onceByKey(
      key,
      async (k) => {
        const listed = await http.request({
          method: 'GET',
          path: `/api/v2/tickets/${String(ticketId)}/conversations`,
          signal,
        });
        const mark = keyStamp(k, '');
        return read(conversations, listed.body).find((c) => c.body_text?.trimEnd().endsWith(mark));
      },
      async () => {
        const response = await http.request({
          method: 'POST',
          path: `/api/v2/tickets/${String(ticketId)}/notes`,
          body: { body: html(body + keyStamp(key)), private: isPrivate },
          signal,
        });
        return read(freshdeskConversationSchema, response.body);
      },
    );
  const requesterOf = (customerId: string | null) => {
    if (customerId === null) {
      throw new CrmError('VALIDATION_FAILED', 'A Freshdesk ticket needs a requester.', {
        issues: [{ path: ['customerId'], message: 'required by Freshdesk' }],
      });
    }
    return customerId;
  };
  const callTicket = (record: InteractionRecord, key: string | undefined) => {
    const disposition = mapDisposition(mapping, record.disposition);
    const minutes = Math.round((record.endedAt - record.startedAt) / 60_000);
    const what = record.channel === 'voice' ? 'call' : `${record.channel} contact`;
    return {
      subject: `${record.direction === 'outbound' ? 'Outbound' : 'Inbound'} ${what}`,
      description: html(
        `${what} of ${String(minutes)} min (Switchboard contact ${record.contactId})`,
      ),
      requester_id: numericId(record.customerId, 'contact'),
      status: toFreshdeskStatus.resolved,
      priority: toFreshdeskPriority.low,
      source: sourceOf(record.channel),
      tags: interactionTags(record),
      custom_fields: {
        ...(key === undefined ? {} : { [keyField]: key }),
        ...(disposition !== null && mapping.disposition
          ? { [mapping.disposition.field]: disposition }
          : {}),
      },
    };
  };

  return defineCrmAdapter({
    id: 'freshdesk',
    capabilities: fullCapabilities('lookup', mapping.disposition !== null),
    defaultCountry: options.defaultCountry,
    recordUrl: (id) => `${origin}/a/contacts/${id}`,
    async findCustomer(lookup, { signal }) {
      if ('id' in lookup) {
        const response = await nullWhenNotFound(
          http.request({
            method: 'GET',
            path: `/api/v2/contacts/${String(numericId(lookup.id, 'contact'))}`,
            signal,
          }),
        );
        return response ? customer(read(freshdeskContactSchema, response.body)) : null;
      }
      const [first] =
        'email' in lookup
          ? await contactsWhere({ email: lookup.email }, signal)
          : await contactsWhere({ phone: lookup.phone }, signal);
      // A number not found as `phone` may be stored as `mobile`.
      const found =
        first ??
        ('phone' in lookup
          ? (await contactsWhere({ mobile: lookup.phone }, signal))[0]
          : undefined);
      return found ? customer(found) : null;
    },
    async upsertCustomer(input, { signal }) {
      const fields = {
        name: input.name ?? input.email ?? input.phone ?? 'Unknown',
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
      };
      const response = await upsertByIdOrEmail(
        input,
        async (email) => (await contactsWhere({ email }, signal))[0]?.id.toString(),
        {
          create: () =>
            http.request({ method: 'POST', path: '/api/v2/contacts', body: fields, signal }),
          update: (known) =>
            http.request({
              method: 'PUT',
              path: `/api/v2/contacts/${String(numericId(known, 'contact'))}`,
              body: fields,
              signal,
            }),
        },
      );
      return customer(read(freshdeskContactSchema, response.body));
    },
    async getHistory(customerId, { signal }) {
      return (await ticketsOf(customerId, signal))
        .filter((t) => t.tags?.includes(interactionTag))
        .map(interaction);
    },
    async logInteraction(record, { idempotencyKey, signal }) {
      const body = callTicket(record, idempotencyKey);
      const logged = await onceByKey(idempotencyKey, byKey(record.customerId, signal), () =>
        postTicket(body, signal),
      );
      const summary = record.summary || `Logged by Switchboard from contact ${record.contactId}.`;
      await note(logged.id, summary, true, idempotencyKey && `${idempotencyKey}:note`, signal);
      return { ...interaction(logged), summary: record.summary };
    },
    async createTicket(draft, { idempotencyKey, signal }) {
      const requester = requesterOf(draft.customerId);
      const fields = customFields(draft.customFields);
      const created = await onceByKey(idempotencyKey, byKey(requester, signal), () =>
        postTicket(
          {
            subject: draft.subject,
            description: html(draft.description || draft.subject),
            requester_id: numericId(requester, 'contact'),
            status: toFreshdeskStatus[draft.status],
            priority: toFreshdeskPriority[draft.priority],
            source: sourceOf('voice'),
            custom_fields: {
              ...fields,
              ...(idempotencyKey === undefined ? {} : { [keyField]: idempotencyKey }),
            },
          },
          signal,
        ),
      );
      return ticketOfFreshdesk(created);
    },
    async updateTicket(id, changes, { signal }) {
      const fields = customFields(changes.customFields ?? {});
      const response = await http.request({
        method: 'PUT',
        path: `/api/v2/tickets/${String(numericId(id, 'ticket'))}`,
        body: {
          ...(changes.subject === undefined ? {} : { subject: changes.subject }),
          ...(changes.description === undefined ? {} : { description: html(changes.description) }),
          ...(changes.status === undefined ? {} : { status: toFreshdeskStatus[changes.status] }),
          ...(changes.priority === undefined
            ? {}
            : { priority: toFreshdeskPriority[changes.priority] }),
          ...(Object.keys(fields).length > 0 ? { custom_fields: fields } : {}),
        },
        signal,
      });
      return ticketOfFreshdesk(read(freshdeskTicketSchema, response.body));
    },
    async addNote(draft, { idempotencyKey, signal }) {
      if (draft.target.kind === 'customer')
        throw noteTargetUnsupported(
          'Freshdesk',
          'tickets and logged interactions',
          draft.target.kind,
        );
      const ticketId = numericId(draft.target.id, 'ticket');
      const added = await note(
        ticketId,
        draft.body,
        draft.visibility === 'private',
        idempotencyKey,
        signal,
      );
      return { id: String(added.id), body: draft.body };
    },
    async searchTickets(query, { signal }) {
      return (await ticketsOf(query.customerId, signal))
        .filter((t) => !t.tags?.includes(interactionTag))
        .map(ticketOfFreshdesk)
        .filter((t) => query.status === undefined || query.status.includes(t.status))
        .slice(0, query.limit);
    },
  });
}
