import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { scenarioSchema } from './scenario';

// docs/simulator.md documents every flag of the CLI and every field of the scenario schema:
// this keeps the page and the code in step.
const page = readFileSync(new URL('../../../docs/simulator.md', import.meta.url), 'utf8');

interface Def {
  readonly type: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly valueType?: unknown;
  readonly in?: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** The paths of a zod schema's fields, e.g. `queues[].serviceLevel.percent`; durations are leaves. */
function fieldsOf(schema: unknown, path = ''): string[] {
  const def = defOf(schema);
  if (['optional', 'default', 'nullable'].includes(def.type)) return fieldsOf(def.innerType, path);
  if (def.type === 'pipe') return fieldsOf(def.in, path);
  if (def.type === 'record') return fieldsOf(def.valueType, `${path}.<channel>`);
  if (def.type === 'array' && defOf(def.element).type === 'object') {
    return fieldsOf(def.element, `${path}[]`);
  }
  const keys = Object.keys(def.shape ?? {});
  if (def.type !== 'object' || (keys.includes('meanSec') && keys.includes('cv'))) return [path];
  return keys.flatMap((key) => fieldsOf(def.shape?.[key], path ? `${path}.${key}` : key));
}

describe('docs/simulator.md', () => {
  it('has a row for every field of the scenario schema and of a duration', () => {
    const fields = fieldsOf(scenarioSchema);
    expect(fields).toContain('queues[].serviceLevel.percent');
    expect(fields).toContain('channels.<channel>.handleTime');
    expect(fields.length).toBeGreaterThan(40);
    for (const field of [...fields, 'meanSec', 'cv', 'distribution']) {
      expect(page, field).toContain(`| \`${field}\``);
    }
  });

  it('documents every flag the CLI knows', () => {
    let help = '';
    expect(
      runCli(['--help'], {
        stdout: { write: (text: string) => (help += text) },
        stderr: { write: () => true },
      }),
    ).toBe(0);
    const flags = new Set(help.slice(help.indexOf('Options:')).match(/--[a-z][a-z-]+/g));
    expect(flags.size).toBeGreaterThanOrEqual(8);
    for (const flag of flags) expect(page, flag).toContain(`\`${flag}`);
  });
});
