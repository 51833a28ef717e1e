import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs the `ts` blocks of the guides of the plugins built together with this one
// (docs/plugins/NAME.md), each plugin resolved to its sources; a failing `console.assert` fails.
const plugins = ['redaction', 'csat', 'auto-answer', 'supervisor'];
const scratch = fileURLToPath(new URL('../.snippets/', import.meta.url));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function blocksOf(name: string): (readonly [number, string])[] {
  const guide = readFileSync(
    new URL(`../../../../docs/plugins/${name}.md`, import.meta.url),
    'utf8',
  );
  return Array.from(guide.matchAll(/^```ts\n([\s\S]*?)^```/gm), (match, index) => [
    index + 1,
    match[1] ?? '',
  ]);
}

function resolvable(block: string): string {
  return plugins.reduce((text, name) => {
    const entry = fileURLToPath(new URL(`../../${name}/src/index.ts`, import.meta.url));
    return text.replaceAll(`'@switchboard/plugin-${name}'`, `'${entry}'`);
  }, block);
}

describe.each(plugins)('docs/plugins/%s.md', (name) => {
  it.each(blocksOf(name))(
    'block %i runs',
    async (index, block) => {
      mkdirSync(scratch, { recursive: true });
      const path = `${scratch}${name}-${index}.ts`;
      writeFileSync(path, `${resolvable(block)}\nexport {};\n`);
      const failed: unknown[] = [];
      let asserts = 0;
      const assert = vi.spyOn(console, 'assert').mockImplementation((condition, ...data) => {
        asserts += 1;
        if (!condition) failed.push(data);
      });
      try {
        await import(/* @vite-ignore */ path);
      } finally {
        assert.mockRestore();
      }
      expect(asserts).toBeGreaterThan(0);
      expect(failed).toEqual([]);
    },
    60_000,
  );
});
