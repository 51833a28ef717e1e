import type { ActionRegistry } from '../actions/actionRegistryTypes';
import type { ReplaceImplementation } from '../actions/actionTypes';
import { actionPermission } from '../actions/permission';
import type { Permission } from '../actions/permission';
import { SwitchboardError } from '../errors';
import type { Unsubscribe } from '../events/eventBus';
import { definePlugin } from '../plugins/definePlugin';
import type { PluginDefinition } from '../plugins/pluginTypes';

/** How a guard learns whether the customer behind an action is verified. */
export interface VerificationGuardOptions {
  /** Whether the customer of `contactId` is verified; e.g. a registry's `isVerified`. */
  readonly isVerified: (contactId: string) => boolean | Promise<boolean>;
  /** The contact an action's payload concerns; `payload.contactId` when it is a string by default. */
  readonly contactIdOf?: (payload: unknown) => string | undefined;
}

/** Options of {@link requireVerification}. */
export interface RequireVerificationOptions extends VerificationGuardOptions {
  /** Actions to guard besides the registered ones marked `sensitive`. */
  readonly actions?: readonly string[];
}

/** Options of {@link defineVerificationPlugin}. */
export interface VerificationPluginOptions extends VerificationGuardOptions {
  /** The actions to guard (a plugin cannot list the registered actions, so name them). */
  readonly actions: readonly string[];
  /** The plugin's permissions; each action's `<domain>:write` by default. */
  readonly permissions?: readonly Permission[];
}

const defaultContactIdOf = (payload: unknown): string | undefined => {
  const id = (payload as { contactId?: unknown } | null)?.contactId;
  return typeof id === 'string' ? id : undefined;
};

/** A `replace` implementation that throws `VERIFICATION_REQUIRED` unless the customer is verified. */
function verificationGate(options: VerificationGuardOptions): ReplaceImplementation {
  const contactIdOf = options.contactIdOf ?? defaultContactIdOf;
  return async (payload, call, next) => {
    const contactId = contactIdOf(payload);
    if (contactId === undefined || !(await options.isVerified(contactId))) {
      const action = call.action.name;
      throw new SwitchboardError(
        'VERIFICATION_REQUIRED',
        contactId === undefined
          ? `Action "${action}" needs a verified customer, but its payload names no contact.`
          : `Action "${action}" needs the customer of contact ${contactId} to be verified.`,
        { details: { action, contactId } },
      );
    }
    return next();
  };
}

/**
 * Refuses the registered actions marked `sensitive` (and any `actions` named) with
 * `VERIFICATION_REQUIRED` until the customer of the payload's contact is verified. For hosts
 * that own an {@link ActionRegistry}; a desk's plugins use {@link defineVerificationPlugin}.
 *
 * The guard is each action's `replace` implementation (a throwing `before` hook would only be
 * reported and skipped), so it runs after validation, role checks and `before` hooks, and a
 * plugin cannot also replace a guarded action.
 *
 * @returns A function that removes the guard.
 * @throws `SwitchboardError` `PLUGIN_INVALID` when a guarded action is already replaced
 * (nothing is guarded then).
 */
export function requireVerification(
  actions: ActionRegistry,
  options: RequireVerificationOptions,
): Unsubscribe {
  const sensitive = actions.list().flatMap((info) => (info.sensitive ? [info.name] : []));
  const names = [...new Set([...sensitive, ...(options.actions ?? [])])];
  const gate = verificationGate(options);
  const offs: Unsubscribe[] = [];
  const removeAll = () => {
    for (const off of offs) off();
  };
  try {
    for (const name of names) offs.push(actions.replace(name, gate, 'verification'));
  } catch (error) {
    removeAll();
    throw error;
  }
  return removeAll;
}

/**
 * Declares the `verification` plugin: it refuses the named actions with `VERIFICATION_REQUIRED`
 * until the customer of the payload's contact is verified. Same mechanism and limits as
 * {@link requireVerification}; hooking an action registered later works too.
 *
 * @example
 * ```ts
 * const verification = createVerificationRegistry();
 * const desk = createDesk({
 *   agent: { id: 'ada', name: 'Ada' },
 *   plugins: [defineVerificationPlugin({ actions: ['billing.showCard'], isVerified: verification.isVerified })],
 * });
 * ```
 */
export function defineVerificationPlugin(
  options: VerificationPluginOptions,
): PluginDefinition<'verification'> {
  const permissions = options.permissions ?? [
    ...new Set(options.actions.map((name) => actionPermission(name))),
  ];
  return definePlugin({
    name: 'verification',
    version: '1.0.0',
    permissions,
    setup(ctx) {
      const gate = verificationGate(options);
      for (const name of options.actions) ctx.actions.replace(name, gate);
    },
  });
}
