import { domainOf, type Permission } from '../actions/permission';
import { SwitchboardError } from '../errors';
import reservedNames from './reservedPluginNames.json';

/**
 * Names no plugin may take, because a plugin's name is also a namespace it may use freely:
 * the core's own event, action and state domains. The list lives in `reservedPluginNames.json`,
 * which the plugin starter's copy script reads too.
 */
export const reservedPluginNames: readonly string[] = Object.freeze(reservedNames);

/**
 * Checks one plugin's calls against its declared permissions.
 *
 * @internal
 */
export interface PermissionGuard {
  /** Whether `target` (an event or action name) lies in the plugin's own namespace. */
  owns(target: string): boolean;
  /** Whether the plugin may use `target` with `permission`. */
  allows(permission: Permission, target: string): boolean;
  /** Throws `PERMISSION_DENIED` unless {@link PermissionGuard.allows}. */
  require(permission: Permission, target: string): void;
}

/** The permission to subscribe to (`read`) or emit (`write`) event `event`. */
export function eventPermission(event: string, mode: 'read' | 'write'): Permission {
  return `${domainOf(event)}:${mode}`;
}

/**
 * Creates the {@link PermissionGuard} of plugin `plugin` holding `permissions`.
 *
 * @internal
 */
export function createPermissionGuard(
  plugin: string,
  permissions: readonly Permission[],
): PermissionGuard {
  const granted = new Set<string>(permissions);
  const prefix = `${plugin}.`;
  const owns = (target: string) => target.startsWith(prefix);
  const allows = (permission: Permission, target: string) =>
    owns(target) || granted.has(permission);
  return {
    owns,
    allows,
    require(permission, target) {
      if (!allows(permission, target)) throw permissionDenied(plugin, permission, target);
    },
  };
}

/**
 * The `PERMISSION_DENIED` error for plugin `plugin` lacking `permission` for `target`.
 *
 * @internal
 */
export function permissionDenied(
  plugin: string,
  permission: Permission,
  target: string,
): SwitchboardError {
  return new SwitchboardError(
    'PERMISSION_DENIED',
    `Plugin "${plugin}" needs permission "${permission}" for "${target}".`,
    { details: { plugin, permission, target } },
  );
}
