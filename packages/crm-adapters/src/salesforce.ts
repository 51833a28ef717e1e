// The public API of @switchboard/crm-adapters/salesforce.
export { createSalesforceCrm } from './adapters/salesforce/salesforce';
export type { SalesforceOptions } from './adapters/salesforce/salesforce';
