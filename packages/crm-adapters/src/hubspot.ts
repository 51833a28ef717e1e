// The public API of @switchboard/crm-adapters/hubspot.
export { createHubspotCrm } from './adapters/hubspot/hubspot';
export type { HubspotOptions } from './adapters/hubspot/hubspot';
