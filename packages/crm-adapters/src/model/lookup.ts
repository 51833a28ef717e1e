import * as z from 'zod/mini';

/** Validates a {@link CustomerLookup}. */
export const customerLookupSchema = z.union([
  z.object({
    /** A phone number in any common format; normalised to E.164 before the search. */
    phone: z.string().check(z.minLength(3), z.maxLength(40)),
  }),
  z.object({
    /** An email address; compared without regard to case. */
    email: z.string().check(z.email()),
  }),
  z.object({
    /** The customer's id in the CRM. */
    id: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
]);
/** How to find a customer: by phone, email or CRM id (exactly one). */
export type CustomerLookup = z.infer<typeof customerLookupSchema>;
