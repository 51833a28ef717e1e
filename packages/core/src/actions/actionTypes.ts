import type { Role } from '../model/agent';
import type { Permission } from './permission';
import type { Validator } from '../validation';

/**
 * The typed map of actions: action name to `{ payload; result }`. Empty in the core; the desk
 * merges its built-in actions into it and plugins may add theirs:
 *
 * ```ts
 * declare module '@switchboard/core' {
 *   interface SwitchboardActions {
 *     'scripts.start': { payload: { contactId: string; script: string }; result: void };
 *   }
 * }
 * ```
 *
 * Names that are not in the map can still be registered and invoked; their payload and result
 * are `unknown`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface SwitchboardActions {}

/** An action name: a key of map `M` (suggested by editors) or any other string. */
export type ActionName<M = SwitchboardActions> = (keyof M & string) | (string & {});

/** The shape of one entry of an action map such as {@link SwitchboardActions}. */
export interface ActionSignature<P = unknown, R = unknown> {
  /** What the caller passes. */
  readonly payload: P;
  /** What the action resolves with. */
  readonly result: R;
}

/** The payload type of action `K` in map `M`; `unknown` for names not in the map. */
export type ActionPayload<K extends string, M = SwitchboardActions> = K extends keyof M
  ? M[K] extends ActionSignature<infer P>
    ? P
    : unknown
  : unknown;

/** The result type of action `K` in map `M`; `unknown` for names not in the map. */
export type ActionResult<K extends string, M = SwitchboardActions> = K extends keyof M
  ? M[K] extends ActionSignature<unknown, infer R>
    ? R
    : unknown
  : unknown;

/** Who invokes an action: the roles checked against the action's `roles`, and who they are. */
export interface Caller {
  /** The roles the caller holds. */
  readonly roles: readonly Role[];
  /** The agent on whose behalf the action runs, if any. */
  readonly agentId?: string;
  /** The plugin invoking the action, if it is a plugin. */
  readonly plugin?: string;
}

/** What the registry knows about a registered action; returned by `get` and `list`. */
export interface ActionInfo {
  /** The action's dot-namespaced name, e.g. `contact.accept`. */
  readonly name: string;
  /** The roles allowed to invoke it; `undefined` means every role. */
  readonly roles: readonly Role[] | undefined;
  /** The plugin permission needed to invoke or hook it; `undefined` means `<domain>:write`. */
  readonly permission: Permission | undefined;
  /** Whether the payload holds personal data that hooks and loggers must not record. */
  readonly sensitive: boolean;
  /** The payload's schema. */
  readonly schema: Validator<unknown>;
}

/** The context of one invocation, passed to the implementation and to every hook. */
export interface ActionCall {
  /** The action being invoked. */
  readonly action: ActionInfo;
  /** Who invoked it. */
  readonly caller: Caller;
}

/**
 * Declares an action: its name, payload schema, who may invoke it and what it does.
 * Create one with {@link defineAction}.
 *
 * @typeParam N - The action's name.
 * @typeParam P - The parsed payload.
 * @typeParam R - The result.
 */
export interface ActionDefinition<N extends string = string, P = unknown, R = unknown> {
  /** Dot-namespaced name, `<domain>.<verb>`, e.g. `contact.accept`. */
  readonly name: N;
  /** Validates the payload before anything else runs. */
  readonly schema: Validator<P>;
  /** The roles allowed to invoke it (at least one); every role when omitted. */
  readonly roles?: readonly Role[];
  /** The plugin permission needed to invoke or hook it; `<domain>:write` when omitted. */
  readonly permission?: Permission;
  /**
   * Marks payloads holding personal data (phone numbers, messages); defaults to `false`. The
   * pipeline never copies payloads into errors or reports; hooks, loggers and audit plugins
   * check `call.action.sensitive` before recording one.
   */
  readonly sensitive?: boolean;
  /** The built-in implementation; may be sync or async. Its errors reach the caller unchanged. */
  run(payload: P, call: ActionCall): R | Promise<R>;
}

/** What a `before` hook returns to stop an action; `reason` reaches the caller's error. */
export interface CancelAction {
  /** Why the action was cancelled. */
  readonly cancel: string;
}

/**
 * A `before` hook (kind: sequential). Runs after validation and the role check, before the
 * implementation, in registration order. Returns `{ cancel: reason }` to stop the action.
 */
export type BeforeHook<P = unknown> = (
  payload: P,
  call: ActionCall,
) =>
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- hooks without `return` must type-check
  CancelAction | void | Promise<CancelAction | void>;

/**
 * An `after` hook (kind: sequential). Runs after the implementation succeeded, in registration
 * order; it sees the result but cannot change it.
 */
export type AfterHook<P = unknown, R = unknown> = (
  payload: P,
  result: R,
  call: ActionCall,
) => void | Promise<void>;

/**
 * A `replace` implementation (kind: first, exclusive). Runs instead of the built-in one;
 * `next()` runs the built-in one with the same payload and call, and `next(changed)` with a
 * changed payload (validated against the action's schema again, `VALIDATION_FAILED` otherwise):
 * how a plugin rewrites what an action receives, e.g. redacts a note before it is saved.
 */
export type ReplaceImplementation<P = unknown, R = unknown> = (
  payload: P,
  call: ActionCall,
  next: (changed?: P) => Promise<R>,
) => R | Promise<R>;
