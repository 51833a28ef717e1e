// Picks the CRM from the environment: CRM=memory (the default, no account needed), hubspot,
// salesforce, zendesk, dynamics or freshdesk, with CRM_URL and CRM_TOKEN. The token is read from
// the environment at each request: the SDK never stores it (a real app asks its own token
// service, e.g. MSAL for Dynamics 365).
import type { CrmAdapter, MemoryCrm } from '@switchboard/crm-adapters';
import { createDynamicsCrm } from '@switchboard/crm-adapters/dynamics';
import { createFreshdeskCrm } from '@switchboard/crm-adapters/freshdesk';
import { createHubspotCrm } from '@switchboard/crm-adapters/hubspot';
import { createSalesforceCrm } from '@switchboard/crm-adapters/salesforce';
import { createZendeskCrm } from '@switchboard/crm-adapters/zendesk';

const vendors = {
  hubspot: (baseUrl: string, token: () => string) => createHubspotCrm({ baseUrl, token }),
  salesforce: (baseUrl: string, token: () => string) => createSalesforceCrm({ baseUrl, token }),
  zendesk: (baseUrl: string, token: () => string) => createZendeskCrm({ baseUrl, token }),
  // e.g. CRM_URL=https://acme.crm.dynamics.com/api/data/v9.2, an Azure AD access token
  dynamics: (baseUrl: string, token: () => string) => createDynamicsCrm({ baseUrl, token }),
  // e.g. CRM_URL=https://acme.freshdesk.com, the agent's API key
  freshdesk: (baseUrl: string, token: () => string) => createFreshdeskCrm({ baseUrl, token }),
};

/** The CRM named by `env.CRM`, or the embedded memory CRM seeded with `customers`. */
export function chooseCrm(
  env: Readonly<Record<string, string | undefined>>,
  memory: () => MemoryCrm,
): CrmAdapter {
  const name = env.CRM ?? 'memory';
  if (name === 'memory') return memory();
  const make = vendors[name as keyof typeof vendors] as (typeof vendors)['hubspot'] | undefined;
  if (!make || !env.CRM_URL) {
    throw new TypeError(
      `Set CRM to memory or one of ${Object.keys(vendors).join(', ')}, and CRM_URL and CRM_TOKEN.`,
    );
  }
  return make(env.CRM_URL, () => env.CRM_TOKEN ?? '');
}
