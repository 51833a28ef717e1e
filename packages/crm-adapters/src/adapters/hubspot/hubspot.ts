import { systemClock, type Customer, type CustomerId } from '@switchboard/core';
import * as z from 'zod/mini';
import { CrmError, isCrmError } from '../../errors';
import type { HttpClient } from '../../http/httpClient';
import {
  type CustomFieldValue,
  mapCustomFields,
  mapDisposition,
  parseMapping,
  unmapDisposition,
} from '../../mapping/fieldMapping';
import type { CrmAdapter } from '../../model/crmAdapter';
import { fullCapabilities } from '../../model/capabilities';
import { defineCrmAdapter } from '../../model/defineCrmAdapter';
import type { LoggedInteraction } from '../../model/interaction';
import type { CrmTicket, CrmTicketStatus } from '../../model/ticket';
import { parseOrThrow } from '../../validate';
import { emailField } from '../customerFields';
import { assertCall } from '../shared/vendorKit';
import { vendorClient, type VendorOptions } from '../vendorOptions';
import { hubspotDialect } from './hubspotDialect';
import { hubspotObjectSchema, hubspotSearchSchema, type HubspotObject } from './hubspotSchemas';

/** Options of {@link createHubspotCrm}. */
export interface HubspotOptions extends Omit<VendorOptions, 'baseUrl'> {
  /** The API's base URL; `https://api.hubapi.com` by default. */
  readonly baseUrl?: string;
  /** Your HubSpot account id, for links to records in HubSpot's UI. */
  readonly portalId?: string;
  /**
   * A unique single-line text property on calls, notes and tickets that holds each write's
   * idempotency key (create it once in HubSpot); `switchboard_key` by default.
   */
  readonly keyProperty?: string;
  /** Ticket pipeline stage ids for each status; HubSpot's default support pipeline by default. */
  readonly ticketStages?: Partial<Record<CrmTicketStatus, string>>;
  /** Ticket custom fields and the call disposition property (`hs_call_disposition`) with its outcome ids. */
  readonly mapping?: unknown;
}

const defaultStages: Record<CrmTicketStatus, string> = {
  new: '1',
  open: '2',
  pending: '3',
  escalated: '2',
  resolved: '4',
  closed: '4',
};
const toPriority = { low: 'LOW', normal: 'MEDIUM', high: 'HIGH', urgent: 'URGENT' } as const;
const fromPriority: Record<string, CrmTicket['priority']> = {
  LOW: 'low',
  MEDIUM: 'normal',
  HIGH: 'high',
  URGENT: 'urgent',
};
// HubSpot-defined association types.
const associationTypes = {
  callToContact: 194,
  noteToContact: 202,
  noteToTicket: 228,
  ticketToContact: 16,
};
const contactProperties = 'firstname,lastname,email,phone,mobilephone';
const callProperties = [
  'hs_timestamp',
  'hs_call_direction',
  'hs_call_duration',
  'hs_call_body',
  'hs_call_disposition',
];
const ticketProperties = ['subject', 'content', 'hs_pipeline_stage', 'hs_ticket_priority'];

const read = <T>(schema: Parameters<typeof parseOrThrow<T>>[0], body: unknown) =>
  parseOrThrow(schema, body, 'HubSpot response', 'BAD_RESPONSE');
const associate = (id: string, typeId: number) => [
  { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] },
];

/**
 * Creates the HubSpot {@link CrmAdapter} (CRM v3 objects): contacts, calls (`hs_call_*`, duration
 * in ms), notes and tickets with their associations. HubSpot has no idempotency keys: each create
 * stamps the write's key on `keyProperty` and first reads the object by that unique property
 * (`idProperty`), so a retry after a lost answer finds the record instead of making a second one.
 */
export function createHubspotCrm(options: HubspotOptions): CrmAdapter {
  const mapping = parseMapping('HubSpot', z.string().check(z.minLength(1)), options.mapping);
  const keyProperty = options.keyProperty ?? 'switchboard_key';
  const clock = options.clock ?? systemClock;
  const stages = { ...defaultStages, ...options.ticketStages };
  const http: HttpClient = vendorClient(
    'hubspot',
    { ...options, baseUrl: options.baseUrl ?? 'https://api.hubapi.com' },
    { rateLimit: { perSecond: 9, burst: 9 }, dialect: hubspotDialect },
  );

  const customer = (contact: HubspotObject): Customer => {
    const p = contact.properties;
    const name = [p.firstname, p.lastname].filter(Boolean).join(' ');
    const phone = p.phone ?? p.mobilephone;
    return {
      id: contact.id as CustomerId,
      ...(name ? { name } : {}),
      ...emailField(p.email),
      ...(phone ? { phone } : {}),
      attributes: {},
    };
  };
  const statusOf = (stage: string | null | undefined): CrmTicketStatus =>
    (Object.entries(stages).find(([, id]) => id === stage)?.[0] as CrmTicketStatus | undefined) ??
    'open';
  const ticket = (t: HubspotObject, customerId: string | null): CrmTicket => ({
    id: t.id,
    subject: t.properties.subject ?? '',
    description: t.properties.content ?? '',
    status: statusOf(t.properties.hs_pipeline_stage),
    priority: fromPriority[t.properties.hs_ticket_priority ?? ''] ?? 'normal',
    customerId,
  });
  const call = (c: HubspotObject): LoggedInteraction => ({
    id: c.id,
    channel: 'voice',
    direction: c.properties.hs_call_direction === 'OUTBOUND' ? 'outbound' : 'inbound',
    at: Date.parse(c.properties.hs_timestamp ?? c.createdAt ?? '') || 0,
    durationMs: Number(c.properties.hs_call_duration ?? 0) || 0,
    disposition: unmapDisposition(mapping, c.properties.hs_call_disposition),
    summary: c.properties.hs_call_body ?? '',
  });
  const search = async (
    objectType: string,
    filters: object[][],
    properties: string[],
    signal?: AbortSignal,
  ) => {
    const response = await http.request({
      method: 'POST',
      path: `/crm/v3/objects/${objectType}/search`,
      idempotent: true, // a read
      body: {
        filterGroups: filters.map((group) => ({ filters: group })),
        properties,
        sorts: ['-hs_lastmodifieddate'],
        limit: 20,
        after: '0',
      },
      signal,
    });
    return read(hubspotSearchSchema, response.body).results;
  };
  /** The object created earlier with this key, if any (read by the unique key property). */
  const existing = async (
    objectType: string,
    key: string | undefined,
    properties: string[],
    signal?: AbortSignal,
  ) => {
    if (key === undefined) return null;
    try {
      const response = await http.request({
        method: 'GET',
        path: `/crm/v3/objects/${objectType}/${encodeURIComponent(key)}`,
        query: { idProperty: keyProperty, properties: [...properties, keyProperty].join(',') },
        signal,
      });
      const found = read(hubspotObjectSchema, response.body);
      return found.properties[keyProperty] === key ? found : null;
    } catch (error) {
      if (isCrmError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  };
  const create = async (
    objectType: string,
    properties: Record<string, string>,
    associations: object[],
    key: string | undefined,
    signal?: AbortSignal,
  ) => {
    const found = await existing(objectType, key, Object.keys(properties), signal);
    if (found) return found;
    const response = await http.request({
      method: 'POST',
      path: `/crm/v3/objects/${objectType}`,
      body: {
        properties: key === undefined ? properties : { ...properties, [keyProperty]: key },
        associations,
      },
      signal,
    });
    return read(hubspotObjectSchema, response.body);
  };
  const customFields = (fields: Readonly<Record<string, CustomFieldValue>>) =>
    Object.fromEntries(
      mapCustomFields(mapping, fields).map(([name, value]) => [
        name,
        value === null ? '' : String(value),
      ]),
    );

  return defineCrmAdapter({
    id: 'hubspot',
    capabilities: fullCapabilities('lookup', mapping.disposition !== null),
    defaultCountry: options.defaultCountry,
    ...(options.portalId
      ? {
          recordUrl: (id: string) =>
            `https://app.hubspot.com/contacts/${options.portalId ?? ''}/record/0-1/${id}`,
        }
      : {}),
    async findCustomer(lookup, { signal }) {
      if ('id' in lookup) {
        try {
          const response = await http.request({
            method: 'GET',
            path: `/crm/v3/objects/contacts/${encodeURIComponent(lookup.id)}`,
            query: { properties: contactProperties },
            signal,
          });
          return customer(read(hubspotObjectSchema, response.body));
        } catch (error) {
          if (isCrmError(error, 'NOT_FOUND')) return null;
          throw error;
        }
      }
      const filters =
        'phone' in lookup
          ? [
              [{ propertyName: 'phone', operator: 'EQ', value: lookup.phone }],
              [{ propertyName: 'mobilephone', operator: 'EQ', value: lookup.phone }],
            ]
          : [[{ propertyName: 'email', operator: 'EQ', value: lookup.email.toLowerCase() }]];
      const [first] = await search('contacts', filters, contactProperties.split(','), signal);
      return first ? customer(first) : null;
    },
    async upsertCustomer(input, { signal }) {
      const [firstname, ...rest] = (input.name ?? '').split(' ');
      const properties = {
        ...(firstname ? { firstname } : {}),
        ...(rest.length > 0 ? { lastname: rest.join(' ') } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
      };
      const known =
        input.id ??
        (input.email
          ? (
              await search(
                'contacts',
                [[{ propertyName: 'email', operator: 'EQ', value: input.email }]],
                ['email'],
                signal,
              )
            )[0]?.id
          : undefined);
      const response = await http.request(
        known === undefined
          ? {
              method: 'POST',
              path: '/crm/v3/objects/contacts',
              body: { properties, associations: [] },
              signal,
            }
          : {
              method: 'PATCH',
              path: `/crm/v3/objects/contacts/${encodeURIComponent(known)}`,
              body: { properties },
              idempotent: true,
              signal,
            },
      );
      return customer(read(hubspotObjectSchema, response.body));
    },
    async getHistory(customerId, { signal }) {
      const calls = await search(
        'calls',
        [[{ propertyName: 'associations.contact', operator: 'EQ', value: customerId }]],
        callProperties,
        signal,
      );
      return calls.map(call).sort((a, b) => b.at - a.at);
    },
    async logInteraction(record, { idempotencyKey, signal }) {
      assertCall('HubSpot', record.channel, 'calls (log other channels as notes)');
      const disposition = mapDisposition(mapping, record.disposition);
      const properties: Record<string, string> = {
        hs_timestamp: new Date(record.startedAt).toISOString(),
        hs_call_direction: record.direction === 'outbound' ? 'OUTBOUND' : 'INBOUND',
        hs_call_duration: String(record.endedAt - record.startedAt),
        hs_call_status: 'COMPLETED',
        hs_call_title: `Call ${record.contactId}`,
        hs_call_body: record.summary,
        ...(disposition !== null && mapping.disposition
          ? { [mapping.disposition.field]: disposition }
          : {}),
      };
      const created = await create(
        'calls',
        properties,
        associate(record.customerId, associationTypes.callToContact),
        idempotencyKey,
        signal,
      );
      return call(created);
    },
    async createTicket(draft, { idempotencyKey, signal }) {
      const properties = {
        subject: draft.subject,
        content: draft.description,
        hs_pipeline: '0',
        hs_pipeline_stage: stages[draft.status],
        hs_ticket_priority: toPriority[draft.priority],
        ...customFields(draft.customFields),
      };
      const associations = draft.customerId
        ? associate(draft.customerId, associationTypes.ticketToContact)
        : [];
      return ticket(
        await create('tickets', properties, associations, idempotencyKey, signal),
        draft.customerId,
      );
    },
    async updateTicket(id, changes, { signal }) {
      const response = await http.request({
        method: 'PATCH',
        path: `/crm/v3/objects/tickets/${encodeURIComponent(id)}`,
        idempotent: true, // setting the same values twice changes nothing
        body: {
          properties: {
            ...(changes.subject === undefined ? {} : { subject: changes.subject }),
            ...(changes.description === undefined ? {} : { content: changes.description }),
            ...(changes.status === undefined ? {} : { hs_pipeline_stage: stages[changes.status] }),
            ...(changes.priority === undefined
              ? {}
              : { hs_ticket_priority: toPriority[changes.priority] }),
            ...customFields(changes.customFields ?? {}),
          },
        },
        signal,
      });
      return ticket(read(hubspotObjectSchema, response.body), null);
    },
    async addNote(draft, { idempotencyKey, signal }) {
      if (draft.target.kind === 'interaction') {
        throw new CrmError('UNSUPPORTED', 'HubSpot notes go on contacts and tickets.', {
          details: { target: draft.target.kind },
        });
      }
      const typeId =
        draft.target.kind === 'ticket'
          ? associationTypes.noteToTicket
          : associationTypes.noteToContact;
      const properties = {
        hs_note_body: draft.body,
        hs_timestamp: new Date(clock.now()).toISOString(),
      };
      const note = await create(
        'notes',
        properties,
        associate(draft.target.id, typeId),
        idempotencyKey,
        signal,
      );
      return { id: note.id, body: draft.body };
    },
    async searchTickets(query, { signal }) {
      const filters =
        query.customerId === undefined
          ? []
          : [[{ propertyName: 'associations.contact', operator: 'EQ', value: query.customerId }]];
      const found = await search('tickets', filters, ticketProperties, signal);
      return found
        .map((t) => ticket(t, query.customerId ?? null))
        .filter((t) => query.status === undefined || query.status.includes(t.status))
        .slice(0, query.limit);
    },
  });
}
