import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SwitchboardError } from '../errors';
import { definePlugin } from './definePlugin';

/** The issue paths of the PLUGIN_INVALID error `define` throws. */
function issuePaths(define: () => unknown): PropertyKey[][] {
  try {
    define();
  } catch (error) {
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('PLUGIN_INVALID');
    return (error as SwitchboardError).issues.map((issue) => [...issue.path]);
  }
  return expect.fail('expected PLUGIN_INVALID');
}

describe('definePlugin', () => {
  it('returns a frozen copy of a well-formed definition', () => {
    const plugin = definePlugin({
      name: 'call-scripts',
      version: '1.0.0',
      dependsOn: ['dispositions'],
      config: z.object({ scripts: z.array(z.string()) }),
      permissions: ['contact:read', 'state:read', 'notes:write'],
      setupTimeoutMs: 100,
      setup: () => undefined,
    });
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(plugin.dependsOn).toEqual(['dispositions']);
  });

  it.each([
    ['a dotted name', { name: 'a.b' }, [['name']]],
    ['a reserved name', { name: 'contact' }, [['name']]],
    ['an empty version', { version: '' }, [['version']]],
    ['an empty dependency name', { dependsOn: [''] }, [['dependsOn', 0]]],
    ['a config without safeParse', { config: { parse: () => 1 } }, [['config']]],
    ['a malformed permission', { permissions: ['contacts'] }, [['permissions', 0]]],
    ['a non-positive timeout', { setupTimeoutMs: 0 }, [['setupTimeoutMs']]],
    ['a missing setup', { setup: 'no' }, [['setup']]],
  ])('rejects %s with PLUGIN_INVALID and an issue at its path', (_label, patch, paths) => {
    const definition = { name: 'ok', version: '1', setup: () => undefined, ...patch };
    expect(issuePaths(() => definePlugin(definition as never))).toEqual(paths);
  });
});
