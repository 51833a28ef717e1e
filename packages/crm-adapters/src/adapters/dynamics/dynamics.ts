import * as z from 'zod/mini';
import { CrmError } from '../../errors';
import type { HttpRequest } from '../../http/httpTypes';
import {
  mapCustomFields,
  mapDisposition,
  parseMapping,
  type CustomFieldValue,
} from '../../mapping/fieldMapping';
import { fullCapabilities } from '../../model/capabilities';
import type { CrmAdapter } from '../../model/crmAdapter';
import { defineCrmAdapter } from '../../model/defineCrmAdapter';
import type { CrmTicketStatus } from '../../model/ticket';
import { nameParts } from '../customerFields';
import {
  assertCall,
  keyStamp,
  nullWhenNotFound,
  onceByKey,
  responseReader,
  upsertByIdOrEmail,
} from '../shared/vendorKit';
import { vendorClient, type VendorOptions } from '../vendorOptions';
import { caseStatus, ticketOfCase, toPriorityCode } from './dynamicsCases';
import { dynamicsDialect } from './dynamicsDialect';
import { customerOfContact, interactionOfCall } from './dynamicsRows';
import {
  collectionOf,
  dynamicsAnnotationSchema,
  dynamicsContactSchema,
  dynamicsIncidentSchema,
  dynamicsPhonecallSchema,
  type DynamicsPhonecall,
} from './dynamicsSchemas';
import { bind, guid, odataString } from './odata';

/** Options of {@link createDynamicsCrm}. */
export interface DynamicsOptions extends VendorOptions {
  /** Your environment's Web API root, with its version: `https://acme.crm.dynamics.com/api/data/v9.2`. */
  readonly baseUrl: string;
  /**
   * A text column on `phonecall` and `incident` that holds each create's idempotency key (create
   * it once, with an alternate key if you like); `new_switchboardkey` by default.
   */
  readonly keyColumn?: string;
  /**
   * `incident` columns (logical names) for ticket custom fields, and the `phonecall` choice
   * column that holds dispositions, with each code's option value (digits, e.g. `'100000000'`).
   */
  readonly mapping?: unknown;
}

const logicalName = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/));
const optionValue = z.string().check(z.regex(/^-?\d+$/));
const contactColumns = 'contactid,fullname,firstname,lastname,emailaddress1,telephone1,mobilephone';
const caseColumns =
  'incidentid,title,description,statecode,statuscode,prioritycode,isescalated,_customerid_value';
const read = responseReader('Dynamics 365');
const odataHeaders = { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };
const representation = { Prefer: 'return=representation' };
/** Updates only: `If-Match: *` keeps a PATCH from creating a row under a stale id. */
const existing = { ...representation, 'If-Match': '*' };

/**
 * Creates the Dynamics 365 {@link CrmAdapter} (Dataverse Web API): contacts found with OData
 * `$filter`, calls logged as `phonecall` activities regarding the contact (with the disposition
 * in a mapped choice column), tickets as `incident` cases (resolved through `CloseIncident`),
 * notes as `annotation`s, history from the contact's phonecall activities. Dataverse has no
 * idempotency keys: each create stamps its key in `keyColumn` (annotations: in the note's last
 * line) and looks for it first.
 */
export function createDynamicsCrm(options: DynamicsOptions): CrmAdapter {
  const mapping = parseMapping('Dynamics 365', logicalName, options.mapping, optionValue);
  const keyColumn = options.keyColumn ?? 'new_switchboardkey';
  const http = vendorClient('dynamics', options, {
    rateLimit: { perSecond: 20, burst: 50 },
    dialect: dynamicsDialect,
  });
  const origin = new URL(options.baseUrl).origin;
  const dispositionColumn = mapping.disposition?.field;
  const callColumns = [
    'activityid,subject,description,directioncode,actualstart,actualend,actualdurationminutes,createdon',
    ...(dispositionColumn ? [dispositionColumn] : []),
  ].join(',');

  const send = (request: HttpRequest) =>
    http.request({ ...request, headers: { ...odataHeaders, ...request.headers } });
  const list = async <T>(
    row: z.ZodMiniType<T>,
    set: string,
    query: Record<string, string>,
    signal?: AbortSignal,
  ) =>
    read(collectionOf(row), (await send({ method: 'GET', path: `/${set}`, query, signal })).body)
      .value;
  const byKey =
    <T>(row: z.ZodMiniType<T>, set: string, select: string, signal?: AbortSignal) =>
    async (key: string) =>
      (
        await list(
          row,
          set,
          { $select: select, $filter: `${keyColumn} eq ${odataString(key)}`, $top: '1' },
          signal,
        )
      )[0];

  const call = (p: DynamicsPhonecall) => interactionOfCall(p, mapping);
  const caseColumnsOf = (fields: Readonly<Record<string, CustomFieldValue>>) =>
    Object.fromEntries(mapCustomFields(mapping, fields));
  const getCase = async (id: string, signal?: AbortSignal) =>
    read(
      dynamicsIncidentSchema,
      (
        await send({
          method: 'GET',
          path: `/incidents(${guid(id)})`,
          query: { $select: caseColumns },
          signal,
        })
      ).body,
    );
  /** Resolves a case (Dataverse refuses a resolved state through an update). */
  const closeCase = (id: string, status: number, signal?: AbortSignal) =>
    send({
      method: 'POST',
      path: '/CloseIncident',
      body: {
        IncidentResolution: {
          subject: 'Resolved in Switchboard',
          ...bind('incidentid', 'incidents', id),
        },
        Status: status,
      },
      signal,
    });
  /** Puts a case in `status`: columns for an active one, `CloseIncident` otherwise. */
  const settleStatus = async (id: string, status: CrmTicketStatus, signal?: AbortSignal) => {
    const target = caseStatus(status);
    if (!('close' in target)) return;
    const current = await getCase(id, signal);
    if (current.statecode === 0 || current.statecode == null)
      await closeCase(id, target.close, signal);
  };

  return defineCrmAdapter({
    id: 'dynamics',
    capabilities: fullCapabilities('lookup', mapping.disposition !== null),
    defaultCountry: options.defaultCountry,
    recordUrl: (id) => `${origin}/main.aspx?pagetype=entityrecord&etn=contact&id=${id}`,
    async findCustomer(lookup, { signal }) {
      if ('id' in lookup) {
        const response = await nullWhenNotFound(
          send({
            method: 'GET',
            path: `/contacts(${guid(lookup.id)})`,
            query: { $select: contactColumns },
            signal,
          }),
        );
        return response ? customerOfContact(read(dynamicsContactSchema, response.body)) : null;
      }
      const filter =
        'phone' in lookup
          ? `telephone1 eq ${odataString(lookup.phone)} or mobilephone eq ${odataString(lookup.phone)}`
          : `emailaddress1 eq ${odataString(lookup.email)}`;
      const [first] = await list(
        dynamicsContactSchema,
        'contacts',
        { $select: contactColumns, $filter: filter, $top: '1' },
        signal,
      );
      return first ? customerOfContact(first) : null;
    },
    async upsertCustomer(input, { signal }) {
      const { first, last } = nameParts(input.name);
      const columns = {
        ...(first === undefined ? {} : { firstname: first }),
        lastname: last,
        ...(input.email ? { emailaddress1: input.email } : {}),
        ...(input.phone ? { telephone1: input.phone } : {}),
      };
      const response = await upsertByIdOrEmail(
        input,
        async (email) =>
          (
            await list(
              dynamicsContactSchema,
              'contacts',
              {
                $select: 'contactid',
                $filter: `emailaddress1 eq ${odataString(email)}`,
                $top: '1',
              },
              signal,
            )
          )[0]?.contactid,
        {
          create: () =>
            send({
              method: 'POST',
              path: '/contacts',
              headers: representation,
              body: columns,
              signal,
            }),
          update: (known) =>
            send({
              method: 'PATCH',
              path: `/contacts(${guid(known)})`,
              headers: existing,
              idempotent: true,
              body: columns,
              signal,
            }),
        },
      );
      return customerOfContact(read(dynamicsContactSchema, response.body));
    },
    async getHistory(customerId, { signal }) {
      const calls = await list(
        dynamicsPhonecallSchema,
        'phonecalls',
        {
          $select: callColumns,
          $filter: `_regardingobjectid_value eq ${guid(customerId)}`,
          $orderby: 'createdon desc',
          $top: '50',
        },
        signal,
      );
      return calls.map(call);
    },
    async logInteraction(record, { idempotencyKey, signal }) {
      assertCall('Dynamics 365', record.channel, 'phonecall activities');
      const disposition = mapDisposition(mapping, record.disposition);
      return onceByKey(
        idempotencyKey,
        async (key) => {
          const found = await byKey(
            dynamicsPhonecallSchema,
            'phonecalls',
            callColumns,
            signal,
          )(key);
          return found ? call(found) : null;
        },
        async () => {
          const outbound = record.direction === 'outbound';
          const response = await send({
            method: 'POST',
            path: '/phonecalls',
            headers: representation,
            body: {
              subject: outbound ? 'Outbound call' : 'Inbound call',
              description: record.summary,
              directioncode: outbound,
              actualstart: new Date(record.startedAt).toISOString(),
              actualend: new Date(record.endedAt).toISOString(),
              actualdurationminutes: Math.round((record.endedAt - record.startedAt) / 60_000),
              ...(record.phone ? { phonenumber: record.phone } : {}),
              ...bind('regardingobjectid_contact_phonecall', 'contacts', record.customerId),
              ...(idempotencyKey === undefined ? {} : { [keyColumn]: idempotencyKey }),
              ...(disposition !== null && dispositionColumn !== undefined
                ? { [dispositionColumn]: Number(disposition) }
                : {}),
            },
            signal,
          });
          return call(read(dynamicsPhonecallSchema, response.body));
        },
      );
    },
    async createTicket(draft, { idempotencyKey, signal }) {
      if (draft.customerId === null) {
        throw new CrmError('VALIDATION_FAILED', 'A Dynamics 365 case needs a customer.', {
          issues: [{ path: ['customerId'], message: 'required by Dynamics 365' }],
        });
      }
      const customerId = draft.customerId;
      const columns = caseColumnsOf(draft.customFields);
      const created = await onceByKey(
        idempotencyKey,
        async (key) => {
          const found = await byKey(dynamicsIncidentSchema, 'incidents', caseColumns, signal)(key);
          return found ? ticketOfCase(found) : null;
        },
        async () => {
          const target = caseStatus(draft.status);
          const response = await send({
            method: 'POST',
            path: '/incidents',
            headers: representation,
            body: {
              title: draft.subject,
              description: draft.description,
              prioritycode: toPriorityCode[draft.priority],
              caseorigincode: 1, // Phone
              ...('active' in target ? target.active : {}),
              ...bind('customerid_contact', 'contacts', customerId),
              ...(idempotencyKey === undefined ? {} : { [keyColumn]: idempotencyKey }),
              ...columns,
            },
            signal,
          });
          return ticketOfCase(read(dynamicsIncidentSchema, response.body));
        },
      );
      await settleStatus(created.id, draft.status, signal);
      return { ...created, status: draft.status === 'new' ? created.status : draft.status };
    },
    async updateTicket(id, changes, { signal }) {
      const target = changes.status === undefined ? undefined : caseStatus(changes.status);
      const response = await send({
        method: 'PATCH',
        path: `/incidents(${guid(id)})`,
        headers: existing,
        idempotent: true,
        body: {
          ...(changes.subject === undefined ? {} : { title: changes.subject }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
          ...(changes.priority === undefined
            ? {}
            : { prioritycode: toPriorityCode[changes.priority] }),
          ...(target && 'active' in target ? target.active : {}),
          ...caseColumnsOf(changes.customFields ?? {}),
        },
        signal,
      });
      const updated = ticketOfCase(read(dynamicsIncidentSchema, response.body));
      if (changes.status === undefined) return updated;
      await settleStatus(id, changes.status, signal);
      return { ...updated, status: changes.status };
    },
    async addNote(draft, { idempotencyKey, signal }) {
      const parent = {
        ticket: ['objectid_incident', 'incidents'],
        customer: ['objectid_contact', 'contacts'],
        interaction: ['objectid_phonecall', 'phonecalls'],
      } as const;
      const [navigation, set] = parent[draft.target.kind];
      const objectId = guid(draft.target.id);
      const stamp = keyStamp(idempotencyKey);
      return onceByKey(
        idempotencyKey,
        async () => {
          const notes = await list(
            dynamicsAnnotationSchema,
            'annotations',
            { $select: 'annotationid,notetext', $filter: `_objectid_value eq ${objectId}` },
            signal,
          );
          const found = notes.find((note) => note.notetext?.endsWith(stamp));
          return found ? { id: found.annotationid, body: draft.body } : null;
        },
        async () => {
          const response = await send({
            method: 'POST',
            path: '/annotations',
            headers: representation,
            body: {
              subject: 'Switchboard note',
              notetext: draft.body + stamp,
              ...bind(navigation, set, objectId),
            },
            signal,
          });
          return {
            id: read(dynamicsAnnotationSchema, response.body).annotationid,
            body: draft.body,
          };
        },
      );
    },
    async searchTickets(query, { signal }) {
      const cases = await list(
        dynamicsIncidentSchema,
        'incidents',
        {
          $select: caseColumns,
          ...(query.customerId === undefined
            ? {}
            : { $filter: `_customerid_value eq ${guid(query.customerId)}` }),
          $orderby: 'createdon desc',
          $top: String(query.limit),
        },
        signal,
      );
      return cases
        .map(ticketOfCase)
        .filter((t) => query.status === undefined || query.status.includes(t.status));
    },
  });
}
