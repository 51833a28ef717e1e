// What each vendor does with the requests of a ticket create, for the record store behind Prism
// (test/recordStore.ts): the create itself, and the lookup the adapter makes first. HAND-ROLLED
// from the vendors' public API references because no real vendor is reachable from the tests;
// Prism, in front, checks every request and answer against the vendor's OpenAPI document.
import { randomUUID } from 'node:crypto';
import type { FakeAnswer, FakeRequest, Records, VendorModel } from './recordStore';

type Json = Record<string, unknown>;

const now = () => new Date().toISOString();
const bodyOf = (request: FakeRequest) => (request.body ?? {}) as Json;
const created = (records: Records, key: string, record: Json, answer: unknown): FakeAnswer => {
  records.create(key, record);
  return { status: 201, body: answer };
};

/**
 * Zendesk: `POST /api/v2/tickets`; a repeated `Idempotency-Key` gets the first answer back with
 * `x-idempotency-lookup: hit`, as Zendesk documents, and makes no second ticket.
 */
export const zendeskModel: VendorModel = (request, records) => {
  if (request.method !== 'POST' || request.path !== '/api/v2/tickets') return undefined;
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : '(none)';
  const first = records.find(key);
  if (first) {
    records.replayed();
    return { status: 201, body: first, headers: { 'x-idempotency-lookup': 'hit' } };
  }
  const input = bodyOf(request).ticket as Json;
  const comment = input.comment as Json;
  const answer = {
    ticket: {
      id: records.serial(),
      subject: input.subject ?? null,
      description: comment.body,
      status: input.status ?? 'new',
      priority: input.priority ?? null,
      requester_id: input.requester_id ?? null,
      created_at: now(),
    },
  };
  return created(records, key, answer, answer);
};

const hubspotTicket = /^\/crm\/v3\/objects\/tickets\/([^/]+)$/;

/** HubSpot: `GET /crm/v3/objects/tickets/{key}?idProperty=switchboard_key`, then the create. */
export const hubspotModel: VendorModel = (request, records) => {
  const byKey = hubspotTicket.exec(request.path);
  if (request.method === 'GET' && byKey && request.query.get('idProperty') === 'switchboard_key') {
    const found = records.find(decodeURIComponent(byKey[1] ?? ''));
    return found
      ? { status: 200, body: found }
      : {
          status: 404,
          body: {
            category: 'OBJECT_NOT_FOUND',
            correlationId: randomUUID(),
            message: 'Object not found.',
          },
        };
  }
  if (request.method !== 'POST' || request.path !== '/crm/v3/objects/tickets') return undefined;
  const properties = bodyOf(request).properties as Record<string, string>;
  const id = String(records.serial());
  const at = now();
  const record = {
    id,
    properties: { ...properties, hs_object_id: id },
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
  return created(records, properties.switchboard_key ?? '(none)', record, record);
};

/** A SOQL string literal's value (backslash escapes undone). */
const soqlValue = (literal: string) => literal.replace(/\\(.)/g, '$1');
const caseByKey = /FROM Case WHERE Switchboard_Key__c = '((?:\\.|[^'\\])*)'/;

/** Salesforce: SOQL `SELECT ... FROM Case WHERE Switchboard_Key__c = '<key>'`, then the create. */
export const salesforceModel: VendorModel = (request, records) => {
  if (request.method === 'GET' && request.path === '/query') {
    const match = caseByKey.exec(request.query.get('q') ?? '');
    if (!match) return undefined;
    const found = records.find(soqlValue(match[1] ?? ''));
    return {
      status: 200,
      body: { totalSize: found ? 1 : 0, done: true, records: found ? [found] : [] },
    };
  }
  if (request.method !== 'POST' || request.path !== '/sobjects/Case') return undefined;
  const fields = bodyOf(request);
  const id = `500R0${String(records.serial()).padStart(13, '0')}`;
  const record = { attributes: { type: 'Case' }, Id: id, ...fields };
  const key = typeof fields.Switchboard_Key__c === 'string' ? fields.Switchboard_Key__c : '(none)';
  return created(records, key, record, { id, success: true, errors: [] });
};

const incidents = '/api/data/v9.2/incidents';
const incidentByKey = /^new_switchboardkey eq '((?:''|[^'])*)'$/;
const contactBind = /^\/contacts\(([0-9a-f-]{36})\)$/;

/** Dynamics 365: `GET incidents?$filter=new_switchboardkey eq '<key>'`, then the create. */
export const dynamicsModel: VendorModel = (request, records) => {
  if (request.method === 'GET' && request.path === incidents) {
    const match = incidentByKey.exec(request.query.get('$filter') ?? '');
    if (!match) return undefined;
    const found = records.find((match[1] ?? '').replace(/''/g, "'"));
    return { status: 200, body: { value: found ? [found] : [] } };
  }
  if (request.method !== 'POST' || request.path !== incidents) return undefined;
  const input = bodyOf(request);
  const customer = contactBind.exec(String(input['customerid_contact@odata.bind']));
  const key = typeof input.new_switchboardkey === 'string' ? input.new_switchboardkey : '(none)';
  const record = {
    incidentid: randomUUID(),
    title: input.title,
    description: input.description ?? null,
    statecode: 0,
    statuscode: input.statuscode ?? 1,
    prioritycode: input.prioritycode ?? 2,
    isescalated: input.isescalated ?? false,
    _customerid_value: customer?.[1] ?? null,
    new_switchboardkey: key,
  };
  return created(records, key, record, record);
};

/**
 * Freshdesk: `GET /api/v2/tickets?requester_id=...` lists the requester's tickets newest first,
 * one page of `per_page`; then the create.
 */
export const freshdeskModel: VendorModel = (request, records) => {
  if (request.path !== '/api/v2/tickets') return undefined;
  if (request.method === 'GET') {
    const requester = Number(request.query.get('requester_id'));
    const page = records
      .all()
      .filter((entry) => entry.record.requester_id === requester)
      .reverse()
      .slice(0, Number(request.query.get('per_page') ?? 30))
      .map((entry) => entry.record);
    return { status: 200, body: page };
  }
  if (request.method !== 'POST') return undefined;
  const input = bodyOf(request);
  const fields = (input.custom_fields ?? {}) as Json;
  const key = typeof fields.cf_switchboard_key === 'string' ? fields.cf_switchboard_key : '(none)';
  const record = {
    id: records.serial(),
    subject: input.subject,
    description: input.description,
    description_text: String(input.description).replace(/<[^>]*>/g, ''),
    status: input.status,
    priority: input.priority,
    source: input.source ?? 2,
    requester_id: input.requester_id,
    tags: input.tags ?? [],
    created_at: now(),
    custom_fields: fields,
  };
  return created(records, key, record, record);
};
