// The public API of @switchboard/crm-adapters/freshdesk.
export { createFreshdeskCrm } from './adapters/freshdesk/freshdesk';
export type { FreshdeskOptions } from './adapters/freshdesk/freshdesk';
