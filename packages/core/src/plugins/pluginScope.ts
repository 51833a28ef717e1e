import type { ActionRegistry } from '../actions/actionRegistryTypes';
import type { Caller } from '../actions/actionTypes';
import { SwitchboardError } from '../errors';
import type { EventBus, Unsubscribe } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import type { Role } from '../model/agent';
import type { Clock, TimerHandle } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { namespaceStorage, type Storage } from '../ports/storage';
import { createPluginActions } from './pluginActions';
import { createPermissionGuard, eventPermission } from './permissions';
import type { PluginContext, PluginDefinition, StateSource } from './pluginTypes';

/** The host services a plugin's scope wraps. */
export interface PluginScopeOptions {
  /** The plugin. */
  readonly definition: PluginDefinition;
  /** The host's event bus. */
  readonly events: EventBus<SwitchboardEvents>;
  /** The host's action registry. */
  readonly actions: ActionRegistry;
  /** The host's state. */
  readonly state: StateSource;
  /** The host's storage; the plugin gets a namespaced view. */
  readonly storage: Storage;
  /** The host's clock. */
  readonly clock: Clock;
  /** The host's logger. */
  readonly logger: Logger;
  /** The roles the plugin invokes actions with. */
  readonly roles: readonly Role[];
  /** The API of a (ready) dependency. */
  readonly apiOf: (name: string) => unknown;
  /** The API of plugin `name` if it is ready now, `undefined` otherwise. */
  readonly optionalApiOf?: (name: string) => unknown;
  /** Reports a contained failure of a listener, timer or hook of the plugin. */
  readonly report: (phase: 'listener' | 'hook', error: unknown) => void;
}

/** A plugin's context plus the means to revoke it. */
export interface PluginScope {
  /** The context handed to the plugin's setup. */
  readonly context: PluginContext;
  /** Removes every registration made through the context (newest first) and revokes it. */
  close(): void;
}

/** The event bus without its map's types. */
interface LooseBus {
  on(event: string, listener: (payload: unknown) => void): Unsubscribe;
  once(event: string, listener: (payload: unknown) => void): Unsubscribe;
  emit(event: string, payload: unknown): void;
}

/**
 * Creates the tracked, permission-checked context of one plugin.
 *
 * @internal
 */
export function createPluginScope(options: PluginScopeOptions): PluginScope {
  const { definition, clock, logger, report } = options;
  const name = definition.name;
  const bus = options.events as unknown as LooseBus;
  const guard = createPermissionGuard(name, definition.permissions ?? []);
  const dependencies = new Set<string>(definition.dependsOn ?? []);
  const registrations = new Set<Unsubscribe>();
  const timers = new Map<TimerHandle, Unsubscribe>();
  const caller: Caller = Object.freeze({ roles: options.roles, plugin: name });
  let active = true;

  const assertActive = () => {
    if (!active) {
      throw new SwitchboardError('DISPOSED', `Plugin "${name}" was disposed or disabled.`, {
        details: { plugin: name },
      });
    }
  };
  const track = (off: Unsubscribe): Unsubscribe => {
    const release = () => {
      if (registrations.delete(release)) off();
    };
    registrations.add(release);
    return release;
  };
  const isolate =
    <A extends unknown[]>(listener: (...args: A) => void) =>
    (...args: A) => {
      try {
        listener(...args);
      } catch (error) {
        report('listener', error);
      }
    };

  const subscribe = (event: string, listener: (payload: unknown) => void, once: boolean) => {
    assertActive();
    guard.require(eventPermission(event, 'read'), event);
    const safe = isolate(listener);
    if (!once) return track(bus.on(event, safe));
    const release = track(
      bus.once(event, (payload) => {
        release();
        safe(payload);
      }),
    );
    return release;
  };

  const readState = () => {
    assertActive();
    guard.require('state:read', 'state');
  };

  const prefix = `[${name}] `;
  const log =
    (level: keyof Logger) =>
    (message: string, details?: Record<string, unknown>): void => {
      logger[level](prefix + message, { plugin: name, ...details });
    };

  const context = {
    name,
    version: definition.version,
    events: {
      on: (event: string, listener: (payload: unknown) => void) =>
        subscribe(event, listener, false),
      once: (event: string, listener: (payload: unknown) => void) =>
        subscribe(event, listener, true),
      emit(event: string, payload: unknown) {
        assertActive();
        guard.require(eventPermission(event, 'write'), event);
        bus.emit(event, payload);
      },
    },
    actions: createPluginActions({
      plugin: name,
      actions: options.actions,
      caller,
      guard,
      assertActive,
      track,
      report: (error) => {
        report('hook', error);
      },
    }),
    state: {
      getSnapshot() {
        readState();
        return options.state.getSnapshot();
      },
      subscribe(listener: () => void) {
        readState();
        return track(options.state.subscribe(isolate(listener)));
      },
    },
    storage: namespaceStorage(options.storage, `plugin:${name}`),
    clock: {
      now: () => clock.now(),
      setTimeout(callback: () => void, delayMs: number) {
        assertActive();
        // A clock never calls back synchronously, so `handle` is set before `release` runs.
        const release = track(() => {
          timers.delete(handle);
          clock.clearTimeout(handle);
        });
        const handle = clock.setTimeout(() => {
          release();
          isolate(callback)();
        }, delayMs);
        timers.set(handle, release);
        return handle;
      },
      clearTimeout(handle: TimerHandle) {
        timers.get(handle)?.();
      },
    },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    plugins: {
      api(dependency: string) {
        assertActive();
        if (!dependencies.has(dependency)) {
          throw new SwitchboardError(
            'PERMISSION_DENIED',
            `Plugin "${name}" must declare "${dependency}" in dependsOn to use its API.`,
            { details: { plugin: name, dependency } },
          );
        }
        return options.apiOf(dependency);
      },
      optional(other: string) {
        assertActive();
        return other === name ? undefined : options.optionalApiOf?.(other);
      },
    },
  };

  return {
    // The typed context is a view of this untyped one: event and action names are checked above.
    context: context as unknown as PluginContext,
    close() {
      active = false;
      for (const release of [...registrations].reverse()) release();
    },
  };
}
