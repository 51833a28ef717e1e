import * as z from 'zod/mini';
import { customerIdSchema } from './ids';

/** Validates a {@link Customer}. */
export const customerSchema = z.object({
  /** The customer's id in the host system or CRM, when known. */
  id: z.optional(customerIdSchema),
  /** Display name. */
  name: z.optional(z.string()),
  /** Phone number, E.164 preferred. */
  phone: z.optional(z.string()),
  /** Email address. */
  email: z.optional(z.string().check(z.email())),
  /** IANA time zone, e.g. `Europe/Paris`, for calling hours. */
  timeZone: z.optional(z.string()),
  /** Host-defined facts (account tier, language, ...). */
  attributes: z._default(z.record(z.string(), z.unknown()), {}),
});
/** The person on the other side of a contact. */
export type Customer = z.infer<typeof customerSchema>;
