// The public API of @switchboard/crm-adapters/zendesk.
export { createZendeskCrm } from './adapters/zendesk/zendesk';
export type { ZendeskOptions } from './adapters/zendesk/zendesk';
