import * as z from 'zod/mini';

const reason = z.string().check(z.minLength(1));

/** Validates an {@link AgentCommand}. */
export const agentCommandSchema = z.discriminatedUnion('type', [
  z.object({
    /** Log in: available, or not ready when a reason is given. */
    type: z.literal('login'),
    /** Start not ready with this reason code instead of available. */
    reason: z.optional(reason),
  }),
  z.object({
    /** Become available for contacts. */
    type: z.literal('setAvailable'),
  }),
  z.object({
    /** Become not ready with a reason code. */
    type: z.literal('setNotReady'),
    /** The reason code, e.g. `break`. */
    reason,
  }),
  z.object({
    /** Log out (only with no contacts in hand). */
    type: z.literal('logout'),
  }),
]);

/** A command to an agent's presence machine. */
export type AgentCommand = z.infer<typeof agentCommandSchema>;
