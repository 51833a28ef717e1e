import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** Validates an agent id. */
export const agentIdSchema = id.brand<'AgentId'>();
/** Identifies an agent. */
export type AgentId = z.infer<typeof agentIdSchema>;

/** Validates a contact id. */
export const contactIdSchema = id.brand<'ContactId'>();
/** Identifies a contact (one call, chat, email, message thread or callback). */
export type ContactId = z.infer<typeof contactIdSchema>;

/** Validates a queue id. */
export const queueIdSchema = id.brand<'QueueId'>();
/** Identifies a queue. */
export type QueueId = z.infer<typeof queueIdSchema>;

/** Validates a customer id. */
export const customerIdSchema = id.brand<'CustomerId'>();
/** Identifies a customer. */
export type CustomerId = z.infer<typeof customerIdSchema>;
