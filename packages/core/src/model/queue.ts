import * as z from 'zod/mini';
import { businessHoursSchema } from './businessHours';
import { channelSchema } from './channel';
import { queueIdSchema } from './ids';

const proficiency = z.int().check(z.minimum(1), z.maximum(10));

/** Validates a {@link SkillRequirement}. */
export const skillRequirementSchema = z.object({
  /** The skill's name. */
  skill: z.string().check(z.minLength(1)),
  /** The lowest proficiency accepted, 1 to 10. */
  minProficiency: z._default(proficiency, 1),
});
/** A skill a contact needs, with the lowest proficiency accepted. */
export type SkillRequirement = z.infer<typeof skillRequirementSchema>;

/** Validates a {@link QueueExit}. */
export const queueExitSchema = z.discriminatedUnion('type', [
  z.object({
    /** End the contact (it fails with reason `queueClosed` or `maxWait`). */
    type: z.literal('reject'),
    /** What the channel tells the customer. */
    message: z._default(z.string(), 'We cannot take your request now. Please try again later.'),
  }),
  z.object({
    /** Offer the customer a callback (`contact.callbackOffered`); the contact waits meanwhile. */
    type: z.literal('callback'),
  }),
  z.object({
    /** Move the contact to the first of these queues that is open. */
    type: z.literal('overflow'),
    /** Candidate queues, in order. */
    queueIds: z.array(queueIdSchema).check(z.minLength(1, 'Name at least one queue.')),
  }),
]);
/** What happens to a contact a queue cannot keep: when it is closed or the wait is too long. */
export type QueueExit = z.infer<typeof queueExitSchema>;

/** Validates an {@link EscalationStep}. */
export const escalationStepSchema = z.object({
  /** Time in the queue after which the step applies, in ms. */
  afterMs: z.number().check(z.minimum(0)),
  /** From now on agents with at least this proficiency on every required skill qualify. */
  minProficiency: z.optional(proficiency),
  /** From now on agents who qualify for these queues may take the contact too. */
  addQueues: z._default(z.array(queueIdSchema), []),
  /** Offer the customer a callback (`contact.callbackOffered`) when the step applies. */
  offerCallback: z._default(z.boolean(), false),
});
/** One ring of the bullseye: how a waiting contact's reach widens after some time. */
export type EscalationStep = z.infer<typeof escalationStepSchema>;

/** The built-in agent-selection strategies; see `docs/routing.md`. */
export const builtInStrategies = [
  'longestIdle',
  'leastOccupied',
  'mostSkilled',
  'roundRobin',
] as const;

/** Validates a {@link Queue}. */
export const queueSchema = z.object({
  /** Unique id of the queue. */
  id: queueIdSchema,
  /** Display name. */
  name: z.string().check(z.minLength(1)),
  /** Channels the queue accepts; all when empty. */
  channels: z._default(z.array(channelSchema), []),
  /** Skills every contact of this queue requires. */
  requiredSkills: z._default(z.array(skillRequirementSchema), []),
  /** Base priority of its contacts, 0 (lowest) to 9. */
  priority: z._default(z.int().check(z.minimum(0), z.maximum(9)), 0),
  /**
   * Priority ageing: points of effective priority a contact gains per minute of waiting, so
   * nothing waits forever behind newer, higher-priority contacts. Default 1.
   */
  agingPerMinute: z._default(z.number().check(z.minimum(0), z.maximum(100)), 1),
  /** How the agent is chosen among those who qualify: a built-in or a registered strategy. */
  strategy: z._default(z.string().check(z.minLength(1)), 'longestIdle'),
  /**
   * How long a contact waits for the agent who last served its customer before the strategy
   * chooses, in ms; `null` never prefers anyone. Default 0: the last agent only if free now.
   */
  preferredAgentMs: z._default(z.nullable(z.number().check(z.minimum(0))), 0),
  /** Escalation steps over time in the queue (the bullseye), applied in `afterMs` order. */
  escalation: z._default(z.array(escalationStepSchema), []),
  /** Longest wait before `onMaxWait` applies, in ms; `null` for no limit. */
  maxWaitMs: z._default(z.nullable(z.number().check(z.positive())), null),
  /** What happens at `maxWaitMs`. */
  onMaxWait: z._default(queueExitSchema, { type: 'callback' }),
  /** When the queue takes contacts; always open when absent. */
  businessHours: z.optional(businessHoursSchema),
  /** What happens to a contact that arrives while the queue is closed. */
  whenClosed: z._default(queueExitSchema, {
    type: 'reject',
    message: 'We are closed. Please contact us during our opening hours.',
  }),
  /** Service-level target: `percent` of contacts answered within `seconds`. */
  serviceLevel: z._default(
    z.object({
      /** The share of contacts to answer in time, 0-100. */
      percent: z.number().check(z.minimum(0), z.maximum(100)),
      /** The time they must be answered in. */
      seconds: z.number().check(z.positive()),
    }),
    { percent: 80, seconds: 20 },
  ),
});
/** Where contacts wait for an agent, and how they are routed from it. */
export type Queue = z.infer<typeof queueSchema>;
/** What a host passes to create a queue (defaults not yet applied). */
export type QueueInput = z.input<typeof queueSchema>;
