import * as z from 'zod/mini';
import type { Ticket } from './ticket';

/** Validates an {@link EscalationLevel}. */
export const escalationLevelSchema = z.object({
  /** Unique id, e.g. `supervisor`. */
  id: z.string().check(z.minLength(1)),
  /** Display name. */
  name: z.optional(z.string()),
  /** The team a ticket escalated to this level is given to, if any. */
  team: z.optional(z.string().check(z.minLength(1))),
  /** The user a ticket escalated to this level is given to, if any. */
  assignee: z.optional(z.string().check(z.minLength(1))),
});
/** One rung of the escalation ladder; levels are listed lowest first. */
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

/** The default ladder: agent, senior agent, supervisor, manager. */
export const defaultEscalationLevels: readonly EscalationLevel[] = [
  { id: 'agent', name: 'Agent' },
  { id: 'seniorAgent', name: 'Senior agent' },
  { id: 'supervisor', name: 'Supervisor', team: 'supervisors' },
  { id: 'manager', name: 'Manager', team: 'managers' },
];

/** What an {@link EscalationRule} sees. */
export interface EscalationContext<F extends object = Record<string, unknown>> {
  /** The ticket. */
  readonly ticket: Ticket<F>;
  /** The current time on the book's clock. */
  readonly now: number;
}

/** A criterion that calls for escalation. */
export interface EscalationRule<F extends object = Record<string, unknown>> {
  /** Unique id, recorded on the escalation it causes. */
  readonly id: string;
  /** Why it fires, in words; becomes the escalation's reason. */
  readonly reason: string;
  /** The level it calls for; the next level up when absent. */
  readonly toLevel?: string;
  /** Whether it fires for this ticket now. Must be pure. */
  readonly when: (context: EscalationContext<F>) => boolean;
}

/** A rule that fired, from `evaluateEscalation`. */
export interface FiredEscalationRule {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's reason. */
  readonly reason: string;
  /** The level it calls for, or `null` for the next level up. */
  readonly toLevel: string | null;
}

/** Declares an {@link EscalationRule}. */
export function defineEscalationRule<F extends object = Record<string, unknown>>(
  rule: EscalationRule<F>,
): EscalationRule<F> {
  return rule;
}

/** Options shared by the built-in rules. */
export interface BuiltInRuleOptions {
  /** The rule's id; each built-in has a default. */
  readonly id?: string;
  /** The level it calls for. */
  readonly toLevel?: string;
}

/**
 * Beyond the agent's authority: the custom field `field` (default `refundAmount`) is a number
 * above `limit`. Calls for a supervisor by default.
 */
export function refundAboveLimit(
  options: BuiltInRuleOptions & { readonly limit: number; readonly field?: string },
): EscalationRule {
  const field = options.field ?? 'refundAmount';
  return {
    id: options.id ?? 'refundAboveLimit',
    reason: `Refund above the agent's limit of ${options.limit}`,
    toLevel: options.toLevel ?? 'supervisor',
    when: ({ ticket }) => {
      const amount = ticket.customFields[field];
      return typeof amount === 'number' && amount > options.limit;
    },
  };
}

/**
 * A high-value account: the customer's attribute `attribute` (default `tier`) is one of `values`.
 * Calls for a supervisor by default.
 */
export function highValueAccount(
  options: BuiltInRuleOptions & {
    readonly values: readonly unknown[];
    readonly attribute?: string;
  },
): EscalationRule {
  const attribute = options.attribute ?? 'tier';
  return {
    id: options.id ?? 'highValueAccount',
    reason: `High-value account (${attribute})`,
    toLevel: options.toLevel ?? 'supervisor',
    when: ({ ticket }) => options.values.includes(ticket.customer?.attributes[attribute]),
  };
}

/** Unresolved after a duration: the ticket is neither resolved nor closed `afterMs` after creation. */
export function unresolvedAfter(
  options: BuiltInRuleOptions & { readonly afterMs: number },
): EscalationRule {
  return {
    id: options.id ?? 'unresolvedAfter',
    reason: `Unresolved after ${options.afterMs} ms`,
    ...(options.toLevel === undefined ? {} : { toLevel: options.toLevel }),
    when: ({ ticket, now }) =>
      ticket.status !== 'resolved' &&
      ticket.status !== 'closed' &&
      now - ticket.createdAt >= options.afterMs,
  };
}

/** The customer asks for escalation: the ticket carries `tag` (default `escalation-requested`). */
export function customerAsks(
  options: BuiltInRuleOptions & { readonly tag?: string } = {},
): EscalationRule {
  const tag = options.tag ?? 'escalation-requested';
  return {
    id: options.id ?? 'customerAsks',
    reason: 'The customer asked for escalation',
    toLevel: options.toLevel ?? 'supervisor',
    when: ({ ticket }) => ticket.tags.includes(tag),
  };
}

/** The rules that fire for `context`, in rule order. Pure. */
export function evaluateEscalationRules<F extends object>(
  rules: readonly EscalationRule<F>[],
  context: EscalationContext<F>,
): FiredEscalationRule[] {
  return rules
    .filter((rule) => rule.when(context))
    .map((rule) => ({ ruleId: rule.id, reason: rule.reason, toLevel: rule.toLevel ?? null }));
}
