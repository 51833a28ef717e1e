import type {
  ActionDefinition,
  ActionName,
  ActionPayload,
  ActionResult,
  AfterHook,
  BeforeHook,
  ReplaceImplementation,
} from '../actions/actionTypes';
import type { Permission } from '../actions/permission';
import type { Validator } from '../validation';
import type { EventListener, Unsubscribe } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import type { DeskSnapshot } from '../desk/deskSnapshot';

/**
 * The typed map of plugin APIs: plugin name to the `api` its setup returns. A plugin package
 * declares its API so that dependents get it typed from `ctx.plugins.api(name)`:
 *
 * ```ts
 * declare module '@switchboard/core' {
 *   interface PluginApis { dispositions: { list(): readonly string[] } }
 * }
 * ```
 *
 * {@link definePlugin} then also checks that the plugin of that name returns that API.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PluginApis {}

/** The API type of plugin `K`: from {@link PluginApis}, else `unknown`. */
export type PluginApi<K extends string> = K extends keyof PluginApis ? PluginApis[K] : unknown;

/**
 * Something observable: the desk's or centre's state, read-only.
 *
 * @typeParam S - The snapshot's type; a plugin's `ctx.state` is a `StateSource<DeskSnapshot>`.
 */
export interface StateSource<S = unknown> {
  /** The current immutable snapshot. */
  getSnapshot(): S;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
}

/** What a plugin's setup may return. */
export interface PluginInstance<A = unknown> {
  /** The API offered to plugins that depend on this one, and to the host. */
  readonly api?: A;
  /** Releases what setup acquired outside `ctx` (ctx registrations are removed by the host). */
  dispose?(): void | Promise<void>;
}

/** The event bus as a plugin sees it: permission-checked, listeners isolated and tracked. */
export interface PluginEvents {
  /** Calls `listener` on every `event`; needs `<domain>:read` outside the plugin's namespace. */
  on<K extends keyof SwitchboardEvents>(
    event: K,
    listener: EventListener<SwitchboardEvents, K>,
  ): Unsubscribe;
  /** Calls `listener` on the next `event` only; same permission as `on`. */
  once<K extends keyof SwitchboardEvents>(
    event: K,
    listener: EventListener<SwitchboardEvents, K>,
  ): Unsubscribe;
  /** Emits `event`; needs `<domain>:write` outside the plugin's namespace. */
  emit<K extends keyof SwitchboardEvents>(event: K, payload: SwitchboardEvents[K]): void;
}

/**
 * The action pipeline as a plugin sees it: permission-checked (see {@link Permission}), hooks
 * owned by the plugin and isolated, invocations made as the plugin's caller.
 */
export interface PluginActions {
  /** Invokes an action as this plugin (the host's roles, `plugin: name`). */
  invoke<K extends ActionName>(name: K, payload: ActionPayload<K>): Promise<ActionResult<K>>;
  /** Registers an action; free inside the plugin's namespace. */
  register<N extends string, P, R>(definition: ActionDefinition<N, P, R>): Unsubscribe;
  /** Adds a `before` hook; a throw is reported and skipped. */
  before<K extends ActionName>(name: K, hook: BeforeHook<ActionPayload<K>>): Unsubscribe;
  /** Adds an `after` hook; a throw is reported and ignored. */
  after<K extends ActionName>(
    name: K,
    hook: AfterHook<ActionPayload<K>, ActionResult<K>>,
  ): Unsubscribe;
  /** Replaces an action's implementation (one replacement per action). */
  replace<K extends ActionName>(
    name: K,
    implementation: ReplaceImplementation<ActionPayload<K>, ActionResult<K>>,
  ): Unsubscribe;
}

/** The APIs of a plugin's declared dependencies. */
export interface PluginDependencies<D extends string> {
  /** The API of dependency `name`, which is set up before this plugin. */
  api<K extends D>(name: K): PluginApi<K>;
  /**
   * The API of plugin `name` when it is loaded and ready now, `undefined` otherwise: for an
   * optional collaborator, which needs no `dependsOn` and is not ordered before this plugin.
   * Look it up when you need it (e.g. on each message), not once in setup; check its shape,
   * since the other plugin may be any version.
   */
  optional<K extends string>(
    name: K,
  ): (K extends keyof PluginApis ? PluginApis[K] : unknown) | undefined;
}

/**
 * What a plugin's setup receives. Everything registered through it is tracked and removed
 * when the plugin fails or is disposed; after that, every call throws `DISPOSED`. A call the
 * plugin's permissions do not allow throws `PERMISSION_DENIED` synchronously.
 *
 * @typeParam D - The names of the plugin's dependencies.
 */
export interface PluginContext<D extends string = string> {
  /** The plugin's name. */
  readonly name: string;
  /** The plugin's version. */
  readonly version: string;
  /** The event bus. */
  readonly events: PluginEvents;
  /** The action pipeline. */
  readonly actions: PluginActions;
  /** The desk's state (the agent, their contacts and load), read-only; needs `state:read`. */
  readonly state: StateSource<DeskSnapshot>;
  /** Storage private to the plugin (keys live under `plugin:<name>:`). */
  readonly storage: Storage;
  /** The injected clock; timers are cleared when the plugin goes away. */
  readonly clock: Clock;
  /** A logger that prefixes messages with `[<name>]` and adds `{ plugin: name }`. */
  readonly logger: Logger;
  /** The APIs of declared dependencies. */
  readonly plugins: PluginDependencies<D>;
}

/** What a setup returns: an instance, nothing, or a promise of either. */
export type SetupResult<A> =
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- setups without `return` must type-check
  PluginInstance<A> | void | Promise<PluginInstance<A> | void>;

/**
 * A plugin: a name, what it depends on and may do, and a setup. Create one with
 * {@link definePlugin}; load it with a {@link PluginHost}.
 *
 * @typeParam N - The plugin's name.
 * @typeParam C - Its parsed configuration.
 * @typeParam A - The API its setup returns.
 * @typeParam D - The names of its dependencies.
 */
export interface PluginDefinition<
  N extends string = string,
  C = unknown,
  A = unknown,
  D extends string = string,
> {
  /** Unique name, without dots or spaces; also the plugin's event and action namespace. */
  readonly name: N;
  /** The plugin's version, e.g. `1.2.0`. */
  readonly version: string;
  /** Plugins that must be set up first; if one fails, this plugin is skipped. */
  readonly dependsOn?: readonly D[];
  /** Validates the configuration before any setup runs; zod or zod/mini. */
  readonly config?: Validator<C>;
  /** What the plugin may do beyond its own namespace; see {@link Permission}. */
  readonly permissions?: readonly Permission[];
  /** How long setup may take, in ms; the host's `defaultSetupTimeoutMs` (5 s) when omitted. */
  readonly setupTimeoutMs?: number;
  /** Starts the plugin; may be async. A throw, rejection or timeout marks it `failed`. */
  setup(ctx: PluginContext<D>, config: C): SetupResult<A>;
}
