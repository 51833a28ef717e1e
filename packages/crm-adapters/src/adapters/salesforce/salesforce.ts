import type { Customer, CustomerId } from '@switchboard/core';
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
import { emailField, nameParts } from '../customerFields';
import { upsertByIdOrEmail } from '../shared/vendorKit';
import { vendorClient, type VendorOptions } from '../vendorOptions';
import { salesforceDialect } from './salesforceDialect';
import {
  queryResultSchema,
  saveResultSchema,
  salesforceRecordSchema,
  type SalesforceRecord,
} from './salesforceSchemas';
import { soqlString } from './soql';

/** Options of {@link createSalesforceCrm}. */
export interface SalesforceOptions extends VendorOptions {
  /** Your instance's REST base, with the API version: `https://acme.my.salesforce.com/services/data/v60.0`. */
  readonly baseUrl: string;
  /**
   * A unique text field on Case that holds each create's idempotency key (create it once);
   * `Switchboard_Key__c` by default. Calls use the standard `Task.CallObject`.
   */
  readonly caseKeyField?: string;
  /** Case fields (API names) for ticket custom fields, and `CallDisposition` values for dispositions. */
  readonly mapping?: unknown;
}

const toStatus: Record<CrmTicketStatus, string> = {
  new: 'New',
  open: 'Working',
  pending: 'Working',
  escalated: 'Escalated',
  resolved: 'Closed',
  closed: 'Closed',
};
const fromStatus: Record<string, CrmTicketStatus> = {
  New: 'new',
  Working: 'open',
  Escalated: 'escalated',
  Closed: 'closed',
};
const toPriority = { low: 'Low', normal: 'Medium', high: 'High', urgent: 'High' } as const;
const fromPriority: Record<string, CrmTicket['priority']> = {
  Low: 'low',
  Medium: 'normal',
  High: 'high',
};
const contactFields = 'Id, Name, Email, Phone, MobilePhone';
const taskFields =
  'Id, Subject, Description, CallType, CallDisposition, CallDurationInSeconds, CreatedDate';
const caseFields = 'Id, Subject, Description, Status, Priority, ContactId';

const read = <T>(schema: Parameters<typeof parseOrThrow<T>>[0], body: unknown) =>
  parseOrThrow(schema, body, 'Salesforce response', 'BAD_RESPONSE');
const marker = (key: string | undefined) => (key === undefined ? '' : `\n[switchboard:${key}]`);
const sfId = (id: string) => {
  if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) {
    throw new CrmError('VALIDATION_FAILED', 'A Salesforce id has 15 or 18 letters and digits.', {
      issues: [{ path: ['id'], message: 'not a Salesforce id' }],
    });
  }
  return id;
};

/**
 * Creates the Salesforce {@link CrmAdapter} (REST API): Contact lookups (SOQL), calls as Tasks
 * with `TaskSubtype = 'Call'`, tickets as Cases, notes as CaseComments. Salesforce has no
 * idempotency keys: a call's key goes in `Task.CallObject`, a case's in `caseKeyField`, a
 * comment's in its last line, and each create first queries for its key.
 */
export function createSalesforceCrm(options: SalesforceOptions): CrmAdapter {
  const mapping = parseMapping(
    'Salesforce',
    z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)),
    options.mapping,
  );
  const caseKeyField = options.caseKeyField ?? 'Switchboard_Key__c';
  const http: HttpClient = vendorClient('salesforce', options, {
    rateLimit: { perSecond: 20, burst: 25 },
    dialect: salesforceDialect,
  });
  const instance = new URL(options.baseUrl).origin;

  const query = async (soql: string, signal?: AbortSignal) => {
    const response = await http.request({
      method: 'GET',
      path: '/query',
      query: { q: soql },
      signal,
    });
    return read(queryResultSchema, response.body).records;
  };
  const create = async (object: string, fields: Record<string, unknown>, signal?: AbortSignal) => {
    const response = await http.request({
      method: 'POST',
      path: `/sobjects/${object}`,
      body: fields,
      signal,
    });
    return read(saveResultSchema, response.body).id;
  };
  const get = async (object: string, id: string, fields: string, signal?: AbortSignal) => {
    const response = await http.request({
      method: 'GET',
      path: `/sobjects/${object}/${sfId(id)}`,
      query: { fields: fields.replace(/ /g, '') },
      signal,
    });
    return read(salesforceRecordSchema, response.body);
  };
  const customer = (record: SalesforceRecord, id: string): Customer => {
    const phone = record.Phone ?? record.MobilePhone;
    const name = record.Name ?? [record.FirstName, record.LastName].filter(Boolean).join(' ');
    return {
      id: (record.Id ?? id) as CustomerId,
      ...(name ? { name } : {}),
      ...emailField(record.Email),
      ...(phone ? { phone } : {}),
      attributes: {},
    };
  };
  const ticket = (record: SalesforceRecord, id: string): CrmTicket => ({
    id: record.Id ?? id,
    subject: record.Subject ?? '',
    description: record.Description ?? '',
    status: fromStatus[record.Status ?? ''] ?? 'open',
    priority: fromPriority[record.Priority ?? ''] ?? 'normal',
    customerId: record.ContactId ?? null,
  });
  const task = (record: SalesforceRecord, id: string, at: number): LoggedInteraction => ({
    id: record.Id ?? id,
    channel: 'voice',
    direction: record.CallType === 'Outbound' ? 'outbound' : 'inbound',
    at: record.CreatedDate ? Date.parse(record.CreatedDate) || at : at,
    durationMs: (record.CallDurationInSeconds ?? 0) * 1000,
    disposition: unmapDisposition(mapping, record.CallDisposition),
    summary: record.Description ?? '',
  });
  const customFields = (fields: Readonly<Record<string, CustomFieldValue>>) =>
    Object.fromEntries(mapCustomFields(mapping, fields));

  return defineCrmAdapter({
    id: 'salesforce',
    capabilities: fullCapabilities('lookup', true),
    defaultCountry: options.defaultCountry,
    recordUrl: (id) => `${instance}/lightning/r/Contact/${id}/view`,
    async findCustomer(lookup, { signal }) {
      if ('id' in lookup) {
        try {
          return customer(await get('Contact', lookup.id, contactFields, signal), lookup.id);
        } catch (error) {
          if (isCrmError(error, 'NOT_FOUND')) return null;
          throw error;
        }
      }
      const where =
        'phone' in lookup
          ? `Phone = ${soqlString(lookup.phone)} OR MobilePhone = ${soqlString(lookup.phone)}`
          : `Email = ${soqlString(lookup.email)}`;
      const [first] = await query(
        `SELECT ${contactFields} FROM Contact WHERE ${where} LIMIT 1`,
        signal,
      );
      return first?.Id ? customer(first, first.Id) : null;
    },
    async upsertCustomer(input, { signal }) {
      const { first, last } = nameParts(input.name);
      const fields = {
        ...(first === undefined ? {} : { FirstName: first }),
        LastName: last,
        ...(input.email ? { Email: input.email } : {}),
        ...(input.phone ? { Phone: input.phone } : {}),
      };
      const id = await upsertByIdOrEmail(
        input,
        async (email) =>
          (
            await query(`SELECT Id FROM Contact WHERE Email = ${soqlString(email)} LIMIT 1`, signal)
          )[0]?.Id,
        {
          create: () => create('Contact', fields, signal),
          update: async (known) => {
            await http.request({
              method: 'PATCH',
              path: `/sobjects/Contact/${sfId(known)}`,
              body: fields,
              idempotent: true,
              signal,
            });
            return known;
          },
        },
      );
      return customer({ ...fields, Name: input.name }, id);
    },
    async getHistory(customerId, { signal }) {
      const records = await query(
        `SELECT ${taskFields} FROM Task WHERE WhoId = ${soqlString(sfId(customerId))} AND TaskSubtype = 'Call' ORDER BY CreatedDate DESC LIMIT 50`,
        signal,
      );
      return records.map((record) => task(record, record.Id ?? '', 0));
    },
    async logInteraction(record, { idempotencyKey, signal }) {
      if (idempotencyKey !== undefined) {
        const [found] = await query(
          `SELECT ${taskFields} FROM Task WHERE CallObject = ${soqlString(idempotencyKey)} LIMIT 1`,
          signal,
        );
        if (found?.Id) return task(found, found.Id, record.startedAt);
      }
      const fields = {
        Subject: record.direction === 'outbound' ? 'Outbound call' : 'Inbound call',
        TaskSubtype: 'Call',
        Status: 'Completed',
        WhoId: sfId(record.customerId),
        CallType: record.direction === 'outbound' ? 'Outbound' : 'Inbound',
        CallDurationInSeconds: Math.round((record.endedAt - record.startedAt) / 1000),
        Description: record.summary,
        ActivityDate: new Date(record.startedAt).toISOString().slice(0, 10),
        ...(idempotencyKey === undefined ? {} : { CallObject: idempotencyKey }),
        ...(record.disposition === null
          ? {}
          : {
              [mapping.disposition?.field ?? 'CallDisposition']:
                mapDisposition(mapping, record.disposition) ?? record.disposition,
            }),
      };
      const id = await create('Task', fields, signal);
      return task({ ...fields, Id: id }, id, record.startedAt);
    },
    async createTicket(draft, { idempotencyKey, signal }) {
      if (idempotencyKey !== undefined) {
        const [found] = await query(
          `SELECT ${caseFields} FROM Case WHERE ${caseKeyField} = ${soqlString(idempotencyKey)} LIMIT 1`,
          signal,
        );
        if (found?.Id) return ticket(found, found.Id);
      }
      const fields = {
        Subject: draft.subject,
        Description: draft.description,
        Status: toStatus[draft.status],
        Priority: toPriority[draft.priority],
        Origin: 'Phone',
        ...(draft.customerId ? { ContactId: sfId(draft.customerId) } : {}),
        ...(idempotencyKey === undefined ? {} : { [caseKeyField]: idempotencyKey }),
        ...customFields(draft.customFields),
      };
      const id = await create('Case', fields, signal);
      return ticket({ ...fields, Id: id }, id);
    },
    async updateTicket(id, changes, { signal }) {
      await http.request({
        method: 'PATCH',
        path: `/sobjects/Case/${sfId(id)}`,
        idempotent: true,
        body: {
          ...(changes.subject === undefined ? {} : { Subject: changes.subject }),
          ...(changes.description === undefined ? {} : { Description: changes.description }),
          ...(changes.status === undefined ? {} : { Status: toStatus[changes.status] }),
          ...(changes.priority === undefined ? {} : { Priority: toPriority[changes.priority] }),
          ...customFields(changes.customFields ?? {}),
        },
        signal,
      });
      return ticket(await get('Case', id, caseFields, signal), id);
    },
    async addNote(draft, { idempotencyKey, signal }) {
      if (draft.target.kind !== 'ticket') {
        throw new CrmError('UNSUPPORTED', 'Salesforce notes go on cases (CaseComment).', {
          details: { target: draft.target.kind },
        });
      }
      const parent = sfId(draft.target.id);
      const stamp = marker(idempotencyKey);
      if (idempotencyKey !== undefined) {
        const comments = await query(
          `SELECT Id, CommentBody FROM CaseComment WHERE ParentId = ${soqlString(parent)}`,
          signal,
        );
        const found = comments.find((c) => c.CommentBody?.endsWith(stamp));
        if (found?.Id) return { id: found.Id, body: draft.body };
      }
      const id = await create(
        'CaseComment',
        {
          ParentId: parent,
          CommentBody: draft.body + stamp,
          IsPublished: draft.visibility === 'public',
        },
        signal,
      );
      return { id, body: draft.body };
    },
    async searchTickets(query_, { signal }) {
      const where =
        query_.customerId === undefined
          ? ''
          : ` WHERE ContactId = ${soqlString(sfId(query_.customerId))}`;
      const records = await query(
        `SELECT ${caseFields} FROM Case${where} ORDER BY CreatedDate DESC LIMIT ${String(query_.limit)}`,
        signal,
      );
      return records
        .map((record) => ticket(record, record.Id ?? ''))
        .filter((t) => query_.status === undefined || query_.status.includes(t.status));
    },
  });
}
