import type { Unsubscribe } from '../events/eventBus';
import type {
  ActionDefinition,
  ActionInfo,
  ActionName,
  ActionPayload,
  ActionResult,
  AfterHook,
  BeforeHook,
  Caller,
  ReplaceImplementation,
  SwitchboardActions,
} from './actionTypes';

/** Where a hook failure happened; passed to {@link ActionRegistryOptions.onHookError}. */
export interface HookErrorInfo {
  /** The hook's owner (usually a plugin name), if it was registered with one. */
  readonly plugin: string | undefined;
  /** The action whose hook threw. */
  readonly action: string;
  /** The kind of hook that threw. */
  readonly kind: 'before' | 'after';
}

/** Options of {@link createActionRegistry}. */
export interface ActionRegistryOptions {
  /**
   * Called when a `before` or `after` hook throws or rejects. The hook is skipped and the
   * invocation goes on. Errors thrown by this handler are ignored.
   */
  readonly onHookError?: (error: unknown, info: HookErrorInfo) => void;
}

/**
 * The action pipeline: registers actions and hooks, and invokes actions through them.
 *
 * `invoke(name, payload, caller)` runs these steps; a hook list is read once per invocation,
 * so hooks added or removed meanwhile apply from the next invocation on.
 *
 * ```text
 * invoke(name, payload, caller)
 *   │
 *   ├─ 1 look up ─────────────── not registered ──────▶ reject UNKNOWN_ACTION
 *   ├─ 2 schema.safeParse ────── invalid ─────────────▶ reject VALIDATION_FAILED (issues)
 *   ├─ 3 role check ──────────── no allowed role ─────▶ reject PERMISSION_DENIED
 *   ├─ 4 before hooks   sequential, registration order
 *   │      returns { cancel } ────────────────────────▶ reject ACTION_CANCELLED (reason, by)
 *   │      throws / rejects ─▶ onHookError, hook skipped, go on
 *   ├─ 5 run            first: the replace implementation if any (next() = built-in),
 *   │                   else the built-in run
 *   │      throws / rejects ──────────────────────────▶ reject with that error, unchanged
 *   ├─ 6 after hooks    sequential, registration order, see the result
 *   │      throws / rejects ─▶ onHookError, result unchanged, go on
 *   ▼
 * resolve(result)
 * ```
 *
 * Nothing runs when steps 1-3 reject. Hooks receive the parsed payload (defaults applied).
 * Hooks and replacements may be registered before their action (plugins often load first);
 * they apply once it is registered and survive its unregistration.
 *
 * @typeParam M - The action map; {@link SwitchboardActions} by default.
 */
export interface ActionRegistry<M = SwitchboardActions> {
  /**
   * Makes an action invokable until the returned function is called.
   *
   * @throws {@link SwitchboardError} `ACTION_DUPLICATE` when the name is taken,
   * `VALIDATION_FAILED` when the definition is malformed.
   */
  register<N extends string, P, R>(definition: ActionDefinition<N, P, R>): Unsubscribe;
  /** Whether an action is registered under `name`. */
  has(name: string): boolean;
  /** The registered action's metadata, or `undefined`. */
  get(name: string): ActionInfo | undefined;
  /** Every registered action's metadata, in registration order. */
  list(): readonly ActionInfo[];
  /** Runs action `name` through the pipeline (see {@link ActionRegistry}) as `caller`. */
  invoke<K extends ActionName<M>>(
    name: K,
    payload: ActionPayload<K, M>,
    caller: Caller,
  ): Promise<ActionResult<K, M>>;
  /** Adds a `before` hook (sequential; may cancel) owned by `owner`. */
  before<K extends ActionName<M>>(
    name: K,
    hook: BeforeHook<ActionPayload<K, M>>,
    owner?: string,
  ): Unsubscribe;
  /** Adds an `after` hook (sequential; sees the result) owned by `owner`. */
  after<K extends ActionName<M>>(
    name: K,
    hook: AfterHook<ActionPayload<K, M>, ActionResult<K, M>>,
    owner?: string,
  ): Unsubscribe;
  /**
   * Runs `implementation` instead of the built-in one. One per action.
   *
   * @throws {@link SwitchboardError} `PLUGIN_INVALID` when the action is already replaced.
   */
  replace<K extends ActionName<M>>(
    name: K,
    implementation: ReplaceImplementation<ActionPayload<K, M>, ActionResult<K, M>>,
    owner?: string,
  ): Unsubscribe;
}
