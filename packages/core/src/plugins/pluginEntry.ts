import { parseOrThrow } from '../validation';
import { SwitchboardError } from '../errors';
import type { PluginEntry } from './pluginHostTypes';
import type { PluginDefinition } from './pluginTypes';

/**
 * Splits an entry into its definition (unchecked) and configuration.
 *
 * @internal
 */
export function normalizeEntry(entry: PluginEntry): { definition: unknown; config: unknown } {
  return 'plugin' in entry && !('setup' in entry)
    ? { definition: entry.plugin, config: entry.config }
    : { definition: entry, config: undefined };
}

/**
 * Parses a plugin's configuration with its schema.
 *
 * @throws {@link SwitchboardError} `PLUGIN_INVALID` with the issues, also when a configuration is
 * given to a plugin without a schema.
 * @internal
 */
export function parseConfig(definition: PluginDefinition, config: unknown): unknown {
  const name = definition.name;
  if (definition.config !== undefined) {
    return parseOrThrow(
      definition.config,
      config,
      'PLUGIN_INVALID',
      `Invalid configuration for plugin "${name}".`,
      { plugin: name },
    );
  }
  if (config === undefined) return undefined;
  throw new SwitchboardError('PLUGIN_INVALID', `Plugin "${name}" takes no configuration.`, {
    details: { plugin: name },
    issues: [{ path: [], message: 'This plugin declares no config schema.' }],
  });
}
