import type { Contact } from '@switchboard/core';
import * as z from 'zod/mini';
import { factsOf, holds } from './facts';
import { conditionSchema } from './scriptSchema';

/** Validates a {@link ScriptAssignment}. */
export const scriptAssignmentSchema = z.object({
  /** The script to run. */
  script: z.string().check(z.minLength(1)),
  /** Only contacts of these queues; any queue when absent. */
  queues: z.optional(z.array(z.string())),
  /** Only contacts on these channels; any channel when absent. */
  channels: z.optional(z.array(z.string())),
  /** Only when these conditions on the contact or customer hold (`contact.attributes.topic`, ...). */
  when: z.optional(z.union([conditionSchema, z.array(conditionSchema)])),
});
/** Which contacts get a script: by queue, channel and contact or customer attributes. */
export type ScriptAssignment = z.infer<typeof scriptAssignmentSchema>;

/** The script id of the first assignment that matches `contact`, or `undefined`. */
export function assignScript(
  assignments: readonly ScriptAssignment[],
  contact: Contact,
): string | undefined {
  const facts = factsOf(contact);
  return assignments.find((rule) => {
    if (rule.queues && !rule.queues.includes(contact.queueId ?? '')) return false;
    if (rule.channels && !rule.channels.includes(contact.channel)) return false;
    const conditions =
      rule.when === undefined ? [] : Array.isArray(rule.when) ? rule.when : [rule.when];
    return conditions.every((condition) => holds(condition, facts, {}, undefined));
  })?.script;
}
