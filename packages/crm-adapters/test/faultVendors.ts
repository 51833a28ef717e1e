// The vendors of the fault test: each adapter wired to the fault proxy, the OpenAPI document
// Prism checks its traffic against, and the model of what the vendor does with it.
import type { Clock } from '@switchboard/core';
import { createDynamicsCrm } from '../src/adapters/dynamics/dynamics';
import { createFreshdeskCrm } from '../src/adapters/freshdesk/freshdesk';
import { createHubspotCrm } from '../src/adapters/hubspot/hubspot';
import { createSalesforceCrm } from '../src/adapters/salesforce/salesforce';
import type { VendorOptions } from '../src/adapters/vendorOptions';
import { createZendeskCrm } from '../src/adapters/zendesk/zendesk';
import type { CrmAdapter } from '../src/model/crmAdapter';
import type { VendorModel } from './recordStore';
import { hubspotSpec, salesforceSpec } from './vendorSpecs';
import {
  dynamicsModel,
  freshdeskModel,
  hubspotModel,
  salesforceModel,
  zendeskModel,
} from './vendorModels';

/** One vendor of the fault test. */
export interface FaultVendor {
  readonly name: string;
  /** The OpenAPI document: a fixture's path, or a vendor document patched in memory. */
  readonly spec: () => string | object;
  readonly model: VendorModel;
  /** The customer write `i` is for (`null` where the vendor needs none). */
  readonly customerId: (i: number) => string | null;
  /** The adapter, given the options every vendor takes and the proxy's URL. */
  readonly adapter: (options: VendorOptions) => CrmAdapter;
}

const fixture = (name: string) => () =>
  new URL(`./fixtures/${name}.openapi.yaml`, import.meta.url).pathname;

export const faultVendors: readonly FaultVendor[] = [
  {
    name: 'Zendesk',
    spec: fixture('zendesk'),
    model: zendeskModel,
    customerId: () => null,
    adapter: createZendeskCrm,
  },
  {
    name: 'HubSpot',
    spec: hubspotSpec,
    model: hubspotModel,
    customerId: (i) => String(512 + (i % 50)),
    adapter: createHubspotCrm,
  },
  {
    name: 'Salesforce',
    spec: salesforceSpec,
    model: salesforceModel,
    customerId: () => '003R0000005hDFYIA2',
    adapter: createSalesforceCrm,
  },
  {
    name: 'Dynamics 365',
    spec: fixture('dynamics'),
    model: dynamicsModel,
    customerId: () => '7a2d3c1e-0b1f-4c2e-9a51-3f1e2d4c5b6a',
    adapter: (options) =>
      createDynamicsCrm({ ...options, baseUrl: `${options.baseUrl}/api/data/v9.2` }),
  },
  {
    name: 'Freshdesk',
    spec: fixture('freshdesk'),
    model: freshdeskModel,
    // 50 requesters, 20 tickets each: the adapter's lookup reads one page (100, newest first)
    // of the requester's tickets, which here always holds them all. (Past 100 tickets of one
    // requester between a lost answer and its retry, Freshdesk's lookup cannot see the first.)
    customerId: (i) => String(80_000 + (i % 50)),
    adapter: createFreshdeskCrm,
  },
];

/**
 * The client settings of the fault test, on the scaled clock: a time-out of 8 s (0.8 s of wall
 * time: under load, Prism in proxy mode with 8 requests in flight can take over 0.3 s, and a
 * shorter time-out turned most answers into time-outs), back-off of 0.1 to 2 s.
 */
export function faultClientOptions(
  baseUrl: string,
  token: string,
  clock: Clock,
  fetch: VendorOptions['fetch'],
): VendorOptions {
  return {
    baseUrl,
    token: () => token,
    rateLimit: false,
    timeoutMs: 8_000,
    retry: { attempts: 3, baseMs: 100, maxMs: 2_000 },
    clock,
    ...(fetch ? { fetch } : {}),
  };
}
