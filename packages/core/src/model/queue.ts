import * as z from 'zod/mini';
import { channelSchema } from './channel';
import { queueIdSchema } from './ids';

/** Validates a {@link SkillRequirement}. */
export const skillRequirementSchema = z.object({
  /** The skill's name. */
  skill: z.string().check(z.minLength(1)),
  /** The lowest proficiency accepted, 1 to 10. */
  minProficiency: z._default(z.int().check(z.minimum(1), z.maximum(10)), 1),
});
/** A skill a contact needs, with the lowest proficiency accepted. */
export type SkillRequirement = z.infer<typeof skillRequirementSchema>;

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
/** Where contacts wait for an agent. */
export type Queue = z.infer<typeof queueSchema>;
/** What a host passes to create a queue (defaults not yet applied). */
export type QueueInput = z.input<typeof queueSchema>;
