import * as z from 'zod/mini';

const text = z.optional(z.nullable(z.string()));

/** A Freshdesk contact, as far as the adapter reads it. */
export const freshdeskContactSchema = z.object({
  id: z.number(),
  name: text,
  email: text,
  phone: text,
  mobile: text,
  time_zone: text,
});
/** A Freshdesk contact. */
export type FreshdeskContact = z.infer<typeof freshdeskContactSchema>;

/** A Freshdesk ticket, as far as the adapter reads it. */
export const freshdeskTicketSchema = z.object({
  id: z.number(),
  subject: text,
  description_text: text,
  status: z.number(),
  priority: z.optional(z.nullable(z.number())),
  requester_id: z.optional(z.nullable(z.number())),
  tags: z._default(z.nullable(z.array(z.string())), []),
  created_at: text,
  custom_fields: z._default(z.nullable(z.record(z.string(), z.unknown())), {}),
});
/** A Freshdesk ticket. */
export type FreshdeskTicket = z.infer<typeof freshdeskTicketSchema>;

/** A ticket conversation (reply or note). */
export const freshdeskConversationSchema = z.object({
  id: z.number(),
  body_text: text,
});
