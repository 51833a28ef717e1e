import * as z from 'zod/mini';
import { roleSchema } from '../model/agent';

/** Validates an {@link Actor}. */
export const actorSchema = z.object({
  /** The user's id (an agent id for agents). */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The roles the user holds; supervisors and admins may do what agents may not. */
  roles: z.readonly(z.array(roleSchema).check(z.minLength(1))),
});

/**
 * Who performs a write. Every write names its actor explicitly, so the history says who changed
 * what; the ticket book keeps no ambient "current user".
 */
export type Actor = z.infer<typeof actorSchema>;

/** Whether `actor` holds `supervisor` or `admin`. */
export function isSupervisor(actor: Actor): boolean {
  return actor.roles.includes('supervisor') || actor.roles.includes('admin');
}
