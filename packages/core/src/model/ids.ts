import * as z from 'zod/mini';

/**
 * A non-empty id of at most 200 characters; each kind of id brands it.
 *
 * @internal
 */
export const idString = z.string().check(z.minLength(1), z.maxLength(200));

/** Validates an agent id. */
export const agentIdSchema = idString.brand<'AgentId'>();
/** Identifies an agent. */
export type AgentId = z.infer<typeof agentIdSchema>;

/** Validates a contact id. */
export const contactIdSchema = idString.brand<'ContactId'>();
/** Identifies a contact (one call, chat, email, message thread or callback). */
export type ContactId = z.infer<typeof contactIdSchema>;

/** Validates a queue id. */
export const queueIdSchema = idString.brand<'QueueId'>();
/** Identifies a queue. */
export type QueueId = z.infer<typeof queueIdSchema>;

/** Validates a customer id. */
export const customerIdSchema = idString.brand<'CustomerId'>();
/** Identifies a customer. */
export type CustomerId = z.infer<typeof customerIdSchema>;
