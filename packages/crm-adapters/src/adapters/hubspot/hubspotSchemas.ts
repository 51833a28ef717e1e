import * as z from 'zod/mini';

/** A HubSpot CRM object (contact, call, note, ticket), as far as the adapter reads it. */
export const hubspotObjectSchema = z.object({
  id: z.string(),
  properties: z._default(z.record(z.string(), z.nullable(z.optional(z.string()))), {}),
  createdAt: z.optional(z.string()),
});
/** A HubSpot CRM object. */
export type HubspotObject = z.infer<typeof hubspotObjectSchema>;

/** Search answers. */
export const hubspotSearchSchema = z.object({ results: z.array(hubspotObjectSchema) });
