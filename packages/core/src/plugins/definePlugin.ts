import * as z from 'zod/mini';
import { permissionSchema, validatorSchema } from '../actions/defineAction';
import type { Permission } from '../actions/permission';
import { functionSchema } from '../portSchemas';
import type { Validator, ValidatorOutput } from '../validation';
import { parseOrThrow } from '../validation';
import { reservedPluginNames } from './permissions';
import type { PluginApis, PluginContext, PluginDefinition, SetupResult } from './pluginTypes';

const pluginDefinitionSchema = z.object({
  name: z.string().check(
    z.regex(/^[^\s.]+$/, 'Expected a non-empty name without dots or spaces.'),
    z.refine((name) => !reservedPluginNames.includes(name), 'This name is reserved by the core.'),
  ),
  version: z.string().check(z.minLength(1)),
  dependsOn: z.optional(z.array(z.string().check(z.minLength(1)))),
  config: z.optional(validatorSchema),
  permissions: z.optional(z.array(permissionSchema)),
  setupTimeoutMs: z.optional(z.number().check(z.positive())),
  setup: functionSchema<PluginDefinition['setup']>('a setup function'),
});

/**
 * Checks that `value` is a well-formed {@link PluginDefinition} and returns it unchanged.
 *
 * @throws {@link SwitchboardError} `PLUGIN_INVALID` with the problems as `issues`.
 * @internal
 */
export function checkPluginDefinition(value: unknown): PluginDefinition {
  const name = (value as Partial<PluginDefinition> | null)?.name;
  parseOrThrow(
    pluginDefinitionSchema,
    value,
    'PLUGIN_INVALID',
    `Invalid definition of plugin "${String(name)}".`,
    { plugin: name },
  );
  return value as PluginDefinition;
}

/** The configuration type a plugin's setup receives for config schema `S`. */
export type PluginConfig<S> = S extends Validator<unknown> ? ValidatorOutput<S> : undefined;

/** The API type plugin `N` must return: from {@link PluginApis} when declared there, else `A`. */
export type DeclaredApi<N extends string, A> = N extends keyof PluginApis ? PluginApis[N] : A;

/**
 * Declares a plugin. Pure: it checks the definition and returns it typed. The configuration
 * type is inferred from `config` (a zod or zod/mini schema), the API type from what `setup`
 * returns (or taken from {@link PluginApis} when the name is declared there), and
 * `ctx.plugins.api()` accepts only the names in `dependsOn`.
 *
 * @example
 * ```ts
 * export const callScripts = definePlugin({
 *   name: 'callScripts',
 *   version: '1.0.0',
 *   dependsOn: ['dispositions'],
 *   config: z.object({ scripts: z.array(scriptSchema) }),
 *   permissions: ['contact:read'],
 *   setup(ctx, config) {
 *     const codes = ctx.plugins.api('dispositions').list();
 *     ctx.events.on('contact.accepted', ({ contactId }) => show(config.scripts, codes, contactId));
 *     return { api: { scripts: () => config.scripts } };
 *   },
 * });
 * ```
 * @throws {@link SwitchboardError} `PLUGIN_INVALID` when the definition is malformed.
 */
export function definePlugin<
  const N extends string,
  S extends Validator<unknown> | undefined = undefined,
  A = undefined,
  const D extends string = never,
>(definition: {
  /** Unique name, without dots or spaces. */
  readonly name: N;
  /** The plugin's version. */
  readonly version: string;
  /** Plugins that must be set up first. */
  readonly dependsOn?: readonly D[];
  /** Validates the configuration. */
  readonly config?: S;
  /** What the plugin may do beyond its namespace. */
  readonly permissions?: readonly Permission[];
  /** How long setup may take. */
  readonly setupTimeoutMs?: number;
  /** Starts the plugin. */
  setup(ctx: PluginContext<D>, config: PluginConfig<S>): SetupResult<DeclaredApi<N, A>>;
}): PluginDefinition<N, PluginConfig<S>, DeclaredApi<N, A>, D> {
  checkPluginDefinition(definition);
  return Object.freeze({ ...definition }) as PluginDefinition<
    N,
    PluginConfig<S>,
    DeclaredApi<N, A>,
    D
  >;
}
