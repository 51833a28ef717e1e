import * as z from 'zod/mini';
import { agentIdSchema, queueIdSchema } from '../model/ids';
import { skillRequirementSchema } from '../model/queue';

/** Validates a {@link TransferTarget} given by a host. */
export const transferTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    /** To an agent. */
    kind: z.literal('agent'),
    /** Which agent. */
    agentId: agentIdSchema,
  }),
  z.object({
    /** To a queue. */
    kind: z.literal('queue'),
    /** Which queue. */
    queueId: queueIdSchema,
  }),
]);

/** A transfer target as a host passes it (plain string ids). */
export type TransferTargetInput = z.input<typeof transferTargetSchema>;

/** Validates a {@link Classification}. */
export const classificationSchema = z.object({
  /** A new priority, 0 to 9. */
  priority: z.optional(z.int().check(z.minimum(0), z.maximum(9))),
  /** Skills to require on top of the queue's (replacing the contact's own). */
  requiredSkills: z.optional(z.array(skillRequirementSchema)),
  /** Facts to merge into the contact's attributes. */
  attributes: z.optional(z.record(z.string(), z.unknown())),
});
/** What an IVR or bot learnt about a contact before it queues. */
export type Classification = z.infer<typeof classificationSchema>;

/** Validates a {@link ContactCommand}. */
export const contactCommandSchema = z.discriminatedUnion('type', [
  z.object({
    /** Put the contact into an IVR menu. */
    type: z.literal('enterIvr'),
  }),
  z.object({
    /** Make the contact wait in a queue. */
    type: z.literal('queue'),
    /** Which queue. */
    queueId: queueIdSchema,
    /** What an IVR (or a bot) learnt about the contact: applied as it queues. */
    classification: z.optional(classificationSchema),
  }),
  z.object({
    /** The waiting customer hangs up and keeps their place: the contact becomes a callback. */
    type: z.literal('requestCallback'),
    /** The number to call back, if not the customer's known one. */
    phone: z.optional(z.string().check(z.minLength(1))),
  }),
  z.object({
    /** Reserve the contact for one agent. */
    type: z.literal('offer'),
    /** To whom. */
    agentId: agentIdSchema,
    /** How long the reservation lasts; the centre's offer time-out when absent. */
    timeoutMs: z.optional(z.number().check(z.positive())),
  }),
  z.object({
    /** Take the offered contact. */
    type: z.literal('accept'),
    /** The agent it is offered to. */
    agentId: agentIdSchema,
  }),
  z.object({
    /** Decline the offered contact; it goes back to its queue. */
    type: z.literal('reject'),
    /** The agent it is offered to. */
    agentId: agentIdSchema,
  }),
  z.object({
    /** The offer lapsed unanswered. */
    type: z.literal('miss'),
  }),
  z.object({
    /** Media or session is up between agent and customer. */
    type: z.literal('connect'),
  }),
  z.object({
    /** Put the customer on hold. */
    type: z.literal('hold'),
  }),
  z.object({
    /** Take the customer off hold. */
    type: z.literal('resume'),
  }),
  z.object({
    /** Consult another agent while the customer waits on hold. */
    type: z.literal('consult'),
    /** The agent to consult. */
    agentId: agentIdSchema,
  }),
  z.object({
    /** End the consultation and return to the customer. */
    type: z.literal('endConsult'),
  }),
  z.object({
    /** Join the consulted agent into a conference with the customer. */
    type: z.literal('conference'),
  }),
  z.object({
    /** Hand the contact to another agent or queue (a consult transfer when consulting the target). */
    type: z.literal('transfer'),
    /** Where it goes. */
    target: transferTargetSchema,
    /** How long the target agent's reservation lasts; the centre's offer time-out when absent. */
    timeoutMs: z.optional(z.number().check(z.positive())),
  }),
  z.object({
    /** The conversation ended; wrap-up starts. */
    type: z.literal('end'),
  }),
  z.object({
    /** Finish wrap-up. */
    type: z.literal('complete'),
    /** The disposition code recorded, if any. */
    disposition: z._default(z.nullable(z.string()), null),
  }),
  z.object({
    /** The customer left before being served. */
    type: z.literal('abandon'),
  }),
  z.object({
    /** Merge facts into the contact's attributes (any status before it is finished). */
    type: z.literal('annotate'),
    /** The facts to merge, e.g. `{ recordingPaused: true }`. */
    attributes: z.record(z.string(), z.unknown()),
  }),
  z.object({
    /** The contact cannot continue. */
    type: z.literal('fail'),
    /** Why, e.g. `mediaError`. */
    reason: z.string().check(z.minLength(1)),
  }),
]);

/**
 * A command to a contact's lifecycle machine. Who may send which is the centre's concern
 * (agents accept, hold and wrap up their own contacts; the router offers; channels abandon).
 */
export type ContactCommand = z.infer<typeof contactCommandSchema>;
/** What a host passes as a contact command (defaults not yet applied). */
export type ContactCommandInput = z.input<typeof contactCommandSchema>;
