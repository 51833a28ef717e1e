import * as z from 'zod/mini';
import { capacitySchema } from './channel';
import { agentIdSchema } from './ids';

/** The roles a user can hold; actions declare which roles may call them. */
export const roles = ['agent', 'supervisor', 'admin'] as const;
/** Validates a {@link Role}. */
export const roleSchema = z.enum(roles);
/** A user's role: agents handle contacts, supervisors watch and steer, admins configure. */
export type Role = z.infer<typeof roleSchema>;

/** Validates a {@link SkillLevel}. */
export const skillLevelSchema = z.object({
  /** The skill's name, e.g. `billing` or `spanish`. */
  skill: z.string().check(z.minLength(1)),
  /** How good the agent is at it, 1 (novice) to 10 (expert). */
  proficiency: z.int().check(z.minimum(1), z.maximum(10)),
});
/** One skill of an agent with its proficiency. */
export type SkillLevel = z.infer<typeof skillLevelSchema>;

/** Validates an {@link Agent} profile. */
export const agentSchema = z.object({
  /** Unique id of the agent. */
  id: agentIdSchema,
  /** Display name. */
  name: z.string().check(z.minLength(1)),
  /** Roles held; `agent` by default. */
  roles: z._default(z.array(roleSchema).check(z.minLength(1)), ['agent']),
  /** Skills with proficiency. */
  skills: z._default(z.array(skillLevelSchema), []),
  /** Capacity per channel. */
  capacity: z._default(capacitySchema, { voice: 1, chat: 3, email: 5, sms: 3, social: 3 }),
});
/** An agent's profile: who they are and what they can take. */
export type Agent = z.infer<typeof agentSchema>;
/** What a host passes to create an agent (defaults not yet applied). */
export type AgentInput = z.input<typeof agentSchema>;
