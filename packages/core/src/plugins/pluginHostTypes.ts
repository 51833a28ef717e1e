import type { ActionRegistry } from '../actions/actionRegistryTypes';
import type { SwitchboardError } from '../errors';
import type { EventBus } from '../events/eventBus';
import type { SwitchboardEvents } from '../events/eventMap';
import type { Role } from '../model/agent';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import type { PluginApi, PluginApis, PluginDefinition, StateSource } from './pluginTypes';

/**
 * Where a loaded plugin stands. Its lifecycle:
 *
 * ```text
 * load(entries)
 *   │
 *   ├─ validate   definitions, duplicate names, missing dependencies, cycles, configs
 *   │     any problem ─────────────────────────────▶ load throws; nothing is set up
 *   ├─ order      dependencies first, otherwise the given order
 *   ▼
 * each plugin in turn
 *   ├─ a dependency is not ready, or host disposed ▶ skipped
 *   └─ setup(ctx, config)  races  setupTimeoutMs on the host's clock
 *         ├─ returns ──────────────────────────────▶ ready    (emits plugin.ready)
 *         └─ throws / rejects / times out ─────────▶ failed   (ctx registrations removed,
 *                                                              emits plugin.failed
 *                                                              phase 'setup', disabled)
 * ready: listeners, hooks and timers that throw emit plugin.failed
 *        (phase 'listener' or 'hook', disabled: false); the plugin stays ready
 *   │
 * dispose()   ready plugins, newest first
 *   ├─ instance.dispose()   throws ─▶ plugin.failed (phase 'dispose'), go on
 *   └─ ctx registrations removed ──────────────────▶ disposed
 * ```
 */
export type PluginState = 'ready' | 'failed' | 'skipped' | 'disposed';

/** One plugin's outcome, as returned by `load` and `status`. */
export interface PluginReport {
  /** The plugin's name. */
  readonly name: string;
  /** The plugin's version. */
  readonly version: string;
  /** Where it stands. */
  readonly state: PluginState;
  /**
   * Why it is `failed` (`PLUGIN_SETUP_FAILED` with the thrown error as `cause`, or
   * `PLUGIN_SETUP_TIMEOUT`) or `skipped` (`PLUGIN_MISSING_DEPENDENCY`, or `DISPOSED` when the
   * host was disposed during its batch).
   */
  readonly error?: SwitchboardError;
}

/** A plugin to load, with or without configuration. */
export type PluginEntry =
  | PluginDefinition
  | {
      /** The plugin. */
      readonly plugin: PluginDefinition;
      /** Its configuration, validated by its `config` schema before any setup. */
      readonly config?: unknown;
    };

/** A plugin name: a key of {@link PluginApis} (suggested by editors) or any other string. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- PluginApis is filled by merging
export type PluginName = (keyof PluginApis & string) | (string & {});

/** Options of {@link createPluginHost}. */
export interface PluginHostOptions {
  /** The bus plugins subscribe and emit on; `plugin.ready` and `plugin.failed` go here. */
  readonly events: EventBus<SwitchboardEvents>;
  /** The action pipeline plugins invoke and hook. */
  readonly actions: ActionRegistry;
  /** The state plugins with `state:read` may read. */
  readonly state: StateSource;
  /** Storage; each plugin gets the part under `plugin:<name>:`. Default: in memory. */
  readonly storage?: Storage;
  /** Times setups and backs `ctx.clock`. Default: the system clock. */
  readonly clock?: Clock;
  /** Receives failures and lifecycle messages. Default: silent. */
  readonly logger?: Logger;
  /** The roles plugins invoke actions with. Default: `['agent']`. */
  readonly roles?: readonly Role[];
  /** How long a setup may take unless its plugin says otherwise. Default: 5000 ms. */
  readonly defaultSetupTimeoutMs?: number;
}

/** Loads plugins in dependency order, isolates their failures and disposes them. */
export interface PluginHost {
  /**
   * Validates the batch, then sets the plugins up one at a time in dependency order.
   * Resolves with the batch's reports in setup order; plugin failures are reported, never
   * thrown. Batches load one after another.
   *
   * @throws {@link SwitchboardError} before any setup: `PLUGIN_INVALID` (a malformed
   * definition or configuration, with `issues`), `PLUGIN_DUPLICATE`,
   * `PLUGIN_MISSING_DEPENDENCY`, `PLUGIN_DEPENDENCY_CYCLE`; `DISPOSED` after `dispose()`.
   */
  load(entries: readonly PluginEntry[]): Promise<readonly PluginReport[]>;
  /**
   * The API of a ready plugin, typed from {@link PluginApis}.
   *
   * @throws {@link SwitchboardError} `NOT_FOUND` when the plugin is not loaded or not ready.
   */
  api<K extends PluginName>(name: K): PluginApi<K>;
  /** Every plugin's report, in setup order. */
  status(): readonly PluginReport[];
  /**
   * Waits for a load in progress, then disposes the ready plugins in reverse setup order.
   * Idempotent; afterwards `load` throws `DISPOSED`.
   */
  dispose(): Promise<void>;
}
