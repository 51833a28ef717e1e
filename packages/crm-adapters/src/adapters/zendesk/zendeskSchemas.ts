import * as z from 'zod/mini';

/** A Zendesk user, as far as the adapter reads it. */
export const zendeskUserSchema = z.object({
  id: z.number(),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  time_zone: z.optional(z.nullable(z.string())),
});

/** A Zendesk ticket, as far as the adapter reads it. */
export const zendeskTicketSchema = z.object({
  id: z.number(),
  subject: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  priority: z.optional(z.nullable(z.enum(['low', 'normal', 'high', 'urgent']))),
  requester_id: z.optional(z.nullable(z.number())),
  tags: z._default(z.array(z.string()), []),
  created_at: z.optional(z.string()),
  custom_fields: z._default(
    z.array(z.object({ id: z.number(), value: z.optional(z.unknown()) })),
    [],
  ),
});
/** A Zendesk ticket. */
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

/** `{ user }` answers. */
export const userEnvelope = z.object({ user: zendeskUserSchema });
/** `{ users }` answers. */
export const usersEnvelope = z.object({ users: z.array(zendeskUserSchema) });
/** `{ ticket }` answers. */
export const ticketEnvelope = z.object({ ticket: zendeskTicketSchema });
/** `{ tickets }` answers. */
export const ticketsEnvelope = z.object({ tickets: z.array(zendeskTicketSchema) });
/** `{ comments }` answers. */
export const commentsEnvelope = z.object({
  comments: z.array(z.object({ id: z.number(), body: z.optional(z.string()) })),
});
