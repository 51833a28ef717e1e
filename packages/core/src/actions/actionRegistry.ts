import { SwitchboardError } from '../errors';
import type { Unsubscribe } from '../events/eventBus';
import type { ActionRegistry, ActionRegistryOptions, HookErrorInfo } from './actionRegistryTypes';

import type {
  ActionCall,
  ActionDefinition,
  ActionInfo,
  AfterHook,
  BeforeHook,
  Caller,
  ReplaceImplementation,
  SwitchboardActions,
} from './actionTypes';
import { checkActionDefinition } from './defineAction';
import { toValidationIssues } from '../validation';

/** The registry without the action map's types, as implemented. */
interface LooseRegistry {
  register(definition: ActionDefinition): Unsubscribe;
  has(name: string): boolean;
  get(name: string): ActionInfo | undefined;
  list(): readonly ActionInfo[];
  invoke(name: string, payload: unknown, caller: Caller): Promise<unknown>;
  before(name: string, hook: BeforeHook, owner?: string): Unsubscribe;
  after(name: string, hook: AfterHook, owner?: string): Unsubscribe;
  replace(name: string, implementation: ReplaceImplementation, owner?: string): Unsubscribe;
}

interface Owned<F> {
  readonly fn: F;
  readonly owner: string | undefined;
}

/** Hooks of one action; arrays are replaced, never mutated, so invocations read a snapshot. */
interface HookSet {
  before: readonly Owned<BeforeHook>[];
  after: readonly Owned<AfterHook>[];
  replace: Owned<ReplaceImplementation> | undefined;
}

interface Entry {
  readonly definition: ActionDefinition;
  readonly info: ActionInfo;
}

const isCancel = (value: unknown): value is { cancel: string } =>
  typeof value === 'object' && value !== null && 'cancel' in value;

/**
 * Creates an {@link ActionRegistry}: the action pipeline with `before` / `replace` / `after`
 * hooks and role checks.
 *
 * @example
 * ```ts
 * const actions = createActionRegistry({ onHookError: (error, info) => logger.warn('hook failed', info) });
 * actions.register(defineAction({ name: 'note.add', schema: z.object({ text: z.string() }), run: addNote }));
 * actions.before('note.add', ({ text }) => (text.includes('card') ? { cancel: 'no card numbers' } : undefined));
 * await actions.invoke('note.add', { text: 'called back' }, { roles: ['agent'] });
 * ```
 */
export function createActionRegistry<M = SwitchboardActions>(
  options: ActionRegistryOptions = {},
): ActionRegistry<M> {
  const entries = new Map<string, Entry>();
  const hooks = new Map<string, HookSet>();

  const report = (error: unknown, info: HookErrorInfo) => {
    try {
      options.onHookError?.(error, info);
    } catch {
      // A failing error handler must not break the invocation.
    }
  };

  const hooksOf = (name: string): HookSet => {
    let set = hooks.get(name);
    if (set === undefined) {
      set = { before: [], after: [], replace: undefined };
      hooks.set(name, set);
    }
    return set;
  };

  function parsePayload(entry: Entry, payload: unknown): unknown {
    const parsed = entry.definition.schema.safeParse(payload);
    if (!parsed.success) {
      const name = entry.info.name;
      throw new SwitchboardError('VALIDATION_FAILED', `Invalid payload for action "${name}".`, {
        details: { action: name },
        issues: toValidationIssues(parsed.error.issues),
      });
    }
    return parsed.data;
  }

  async function runHooked(entry: Entry, set: HookSet, payload: unknown, call: ActionCall) {
    const name = entry.info.name;
    const { before, after, replace } = set;
    for (const { fn, owner } of before) {
      let outcome: unknown;
      try {
        outcome = await fn(payload, call);
      } catch (error) {
        report(error, { plugin: owner, action: name, kind: 'before' });
        continue;
      }
      if (isCancel(outcome)) {
        throw new SwitchboardError(
          'ACTION_CANCELLED',
          `Action "${name}" was cancelled: ${outcome.cancel}`,
          { details: { action: name, reason: outcome.cancel, by: owner } },
        );
      }
    }
    const builtIn = async (changed?: unknown) =>
      await entry.definition.run(
        changed === undefined ? payload : parsePayload(entry, changed),
        call,
      );
    const result = await (replace === undefined ? builtIn() : replace.fn(payload, call, builtIn));
    for (const { fn, owner } of after) {
      try {
        await fn(payload, result, call);
      } catch (error) {
        report(error, { plugin: owner, action: name, kind: 'after' });
      }
    }
    return result;
  }

  // Steps 1-3 are synchronous; without hooks the built-in runs with no extra await.
  async function invoke(name: string, payload: unknown, caller: Caller): Promise<unknown> {
    const entry = entries.get(name);
    if (entry === undefined) {
      throw new SwitchboardError('UNKNOWN_ACTION', `No action "${name}" is registered.`, {
        details: { action: name },
      });
    }
    const data = parsePayload(entry, payload);
    const allowed = entry.info.roles;
    if (allowed !== undefined && !caller.roles.some((role) => allowed.includes(role))) {
      throw new SwitchboardError(
        'PERMISSION_DENIED',
        `Action "${name}" needs one of the roles ${allowed.join(', ')}.`,
        { details: { action: name, roles: allowed, callerRoles: caller.roles } },
      );
    }
    const call: ActionCall = { action: entry.info, caller };
    const set = hooks.get(name);
    if (
      set === undefined ||
      (set.before.length === 0 && set.after.length === 0 && set.replace === undefined)
    ) {
      return entry.definition.run(data, call);
    }
    return runHooked(entry, set, data, call);
  }

  const registry: LooseRegistry = {
    register(definition) {
      const checked = checkActionDefinition(definition);
      const name = checked.name;
      if (entries.has(name)) {
        throw new SwitchboardError(
          'ACTION_DUPLICATE',
          `An action named "${name}" is already registered.`,
          { details: { action: name } },
        );
      }
      const info: ActionInfo = Object.freeze({
        name,
        roles: checked.roles === undefined ? undefined : Object.freeze([...checked.roles]),
        permission: checked.permission,
        sensitive: checked.sensitive ?? false,
        schema: checked.schema,
      });
      const entry: Entry = { definition: checked, info };
      entries.set(name, entry);
      return () => {
        if (entries.get(name) === entry) entries.delete(name);
      };
    },
    has: (name) => entries.has(name),
    get: (name) => entries.get(name)?.info,
    list: () => Array.from(entries.values(), (entry) => entry.info),
    invoke,
    before(name, hook, owner) {
      const set = hooksOf(name);
      const item: Owned<BeforeHook> = { fn: hook, owner };
      set.before = [...set.before, item];
      return () => {
        set.before = set.before.filter((other) => other !== item);
      };
    },
    after(name, hook, owner) {
      const set = hooksOf(name);
      const item: Owned<AfterHook> = { fn: hook, owner };
      set.after = [...set.after, item];
      return () => {
        set.after = set.after.filter((other) => other !== item);
      };
    },
    replace(name, implementation, owner) {
      const set = hooksOf(name);
      if (set.replace !== undefined) {
        throw new SwitchboardError(
          'PLUGIN_INVALID',
          `Action "${name}" is already replaced${set.replace.owner === undefined ? '' : ` by "${set.replace.owner}"`}.`,
          { details: { action: name, replacedBy: set.replace.owner, owner } },
        );
      }
      const item: Owned<ReplaceImplementation> = { fn: implementation, owner };
      set.replace = item;
      return () => {
        if (set.replace === item) set.replace = undefined;
      };
    },
  };
  // The typed surface is a view of the untyped one: payloads are checked by the schema at run time.
  return registry as unknown as ActionRegistry<M>;
}
