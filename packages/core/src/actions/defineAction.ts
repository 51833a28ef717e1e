import * as z from 'zod/mini';
import { roleSchema, type Role } from '../model/agent';
import type { ActionCall, ActionDefinition } from './actionTypes';
import type { Permission } from './permission';
import { functionSchema, portSchema } from '../portSchemas';
import { parseOrThrow, type Validator, type ValidatorOutput } from '../validation';

/**
 * Validates a {@link Permission} string such as `contact:read`.
 *
 * @internal
 */
export const permissionSchema = z.custom<Permission>(
  (value: unknown) => typeof value === 'string' && /^[^\s:]+:(read|write)$/.test(value),
  { error: 'Expected a permission like "contact:read" or "contact:write".' },
);

/**
 * Validates anything with a `safeParse` method (a zod schema).
 *
 * @internal
 */
export const validatorSchema = portSchema<Validator<unknown>>(
  ['safeParse'],
  'a schema with a safeParse method (zod or zod/mini)',
);

const actionDefinitionSchema = z.object({
  name: z.string().check(z.regex(/^\S+$/, 'Expected a non-empty name without spaces.')),
  schema: validatorSchema,
  roles: z.optional(z.array(roleSchema).check(z.minLength(1, 'Allow at least one role.'))),
  permission: z.optional(permissionSchema),
  sensitive: z.optional(z.boolean()),
  run: functionSchema<ActionDefinition['run']>('a run function'),
});

/**
 * Checks that `value` is a well-formed {@link ActionDefinition} and returns it unchanged.
 *
 * @throws {@link SwitchboardError} `VALIDATION_FAILED` with the problems as `issues`.
 * @internal
 */
export function checkActionDefinition(value: unknown): ActionDefinition {
  parseOrThrow(actionDefinitionSchema, value, 'VALIDATION_FAILED', 'Invalid action definition.', {
    action: (value as Partial<ActionDefinition> | null)?.name,
  });
  return value as ActionDefinition;
}

/**
 * Declares an action. Pure: it checks the definition and returns it typed; register it on an
 * {@link ActionRegistry} to make it invokable. The payload type is inferred from `schema`.
 *
 * @example
 * ```ts
 * const transfer = defineAction({
 *   name: 'contact.transfer',
 *   schema: z.object({ contactId: z.string(), to: z.string() }),
 *   roles: ['agent', 'supervisor'],
 *   sensitive: false,
 *   run: ({ contactId, to }, { caller }) => machine.transfer(contactId, to, caller.agentId),
 * });
 * registry.register(transfer);
 * ```
 * @throws {@link SwitchboardError} `VALIDATION_FAILED` when the definition is malformed (an empty
 * name or `roles` list, a schema without `safeParse`, a missing `run`).
 */
export function defineAction<const N extends string, S extends Validator<unknown>, R>(definition: {
  /** Dot-namespaced name, `<domain>.<verb>`. */
  readonly name: N;
  /** Validates the payload; zod or zod/mini. */
  readonly schema: S;
  /** The roles allowed to invoke it; every role when omitted. */
  readonly roles?: readonly Role[];
  /** The plugin permission needed to invoke or hook it; `<domain>:write` when omitted. */
  readonly permission?: Permission;
  /** Marks payloads holding personal data. */
  readonly sensitive?: boolean;
  /** The built-in implementation. */
  run(payload: ValidatorOutput<S>, call: ActionCall): R | Promise<R>;
}): ActionDefinition<N, ValidatorOutput<S>, R> {
  checkActionDefinition(definition);
  return Object.freeze({ ...definition }) as ActionDefinition<N, ValidatorOutput<S>, R>;
}
