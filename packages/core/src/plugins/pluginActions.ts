import type { ActionRegistry } from '../actions/actionRegistryTypes';
import type {
  ActionDefinition,
  ActionInfo,
  AfterHook,
  BeforeHook,
  Caller,
  ReplaceImplementation,
} from '../actions/actionTypes';
import { checkActionDefinition } from '../actions/defineAction';
import { actionPermission } from '../actions/permission';
import type { Unsubscribe } from '../events/eventBus';
import { permissionDenied, type PermissionGuard } from './permissions';

/** What {@link createPluginActions} needs from the plugin's scope. */
interface PluginActionsOptions {
  /** The plugin's name, recorded as every hook's owner. */
  readonly plugin: string;
  /** The host's registry. */
  readonly actions: ActionRegistry;
  /** Who the plugin invokes actions as. */
  readonly caller: Caller;
  /** The plugin's permissions. */
  readonly guard: PermissionGuard;
  /** Throws `DISPOSED` once the plugin is gone. */
  readonly assertActive: () => void;
  /** Records a registration so the scope can remove it. */
  readonly track: (off: Unsubscribe) => Unsubscribe;
  /** Reports a contained failure of one of the plugin's hooks. */
  readonly report: (error: unknown) => void;
}

/** The action pipeline as a plugin sees it, without the action map's types. */
export interface LoosePluginActions {
  /** See {@link PluginActions.invoke}. */
  invoke(name: string, payload: unknown): Promise<unknown>;
  /** See {@link PluginActions.register}. */
  register(definition: ActionDefinition): Unsubscribe;
  /** See {@link PluginActions.before}. */
  before(name: string, hook: BeforeHook): Unsubscribe;
  /** See {@link PluginActions.after}. */
  after(name: string, hook: AfterHook): Unsubscribe;
  /** See {@link PluginActions.replace}. */
  replace(name: string, implementation: ReplaceImplementation): Unsubscribe;
}

/**
 * The permission-checked, owner-recording view of the action registry given to one plugin.
 * Hooks are checked again when they run (the action may have been registered later with a
 * stricter `permission`): a hook the plugin may not run is skipped and reported.
 *
 * @internal
 */
export function createPluginActions(options: PluginActionsOptions): LoosePluginActions {
  const { plugin, actions, guard, assertActive, track, report } = options;
  const required = (name: string) => actionPermission(name, actions.get(name)?.permission);

  /** Checks the permission at registration time. */
  const admit = (name: string) => {
    assertActive();
    guard.require(required(name), name);
  };
  /** Checks the permission again at call time; reports and returns false when denied. */
  const mayRun = (info: ActionInfo) => {
    const permission = actionPermission(info.name, info.permission);
    if (guard.allows(permission, info.name)) return true;
    report(permissionDenied(plugin, permission, info.name));
    return false;
  };

  return {
    invoke(name, payload) {
      admit(name);
      return actions.invoke(name, payload, options.caller);
    },
    register(definition) {
      assertActive();
      const checked = checkActionDefinition(definition);
      guard.require(actionPermission(checked.name, checked.permission), checked.name);
      return track(actions.register(checked));
    },
    before(name, hook) {
      admit(name);
      const isolated: BeforeHook = async (payload, call) => {
        if (!mayRun(call.action)) return undefined;
        try {
          return await hook(payload, call);
        } catch (error) {
          report(error);
          return undefined;
        }
      };
      return track(actions.before(name, isolated, plugin));
    },
    after(name, hook) {
      admit(name);
      const isolated: AfterHook = async (payload, result, call) => {
        if (!mayRun(call.action)) return;
        try {
          await hook(payload, result, call);
        } catch (error) {
          report(error);
        }
      };
      return track(actions.after(name, isolated, plugin));
    },
    replace(name, implementation) {
      admit(name);
      const checked: ReplaceImplementation = (payload, call, next) =>
        mayRun(call.action) ? implementation(payload, call, next) : next();
      return track(actions.replace(name, checked, plugin));
    },
  };
}
