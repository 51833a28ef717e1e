import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every `ts` block of the guides of the plugins written together (call scripts,
// dispositions, canned responses), so that they stay true. The snippets import the packages by
// name: they are written inside this package, whose dev dependencies link the other two.
// `console.assert` in a snippet fails the test instead of printing.
const guides = ['call-scripts.md', 'dispositions.md', 'canned-responses.md'].filter((file) =>
  existsSync(new URL(`../../../../docs/plugins/${file}`, import.meta.url)),
);
const scratch = fileURLToPath(new URL('../.snippets/', import.meta.url));

function snippetsOf(file: string): string[] {
  const markdown = readFileSync(
    new URL(`../../../../docs/plugins/${file}`, import.meta.url),
    'utf8',
  );
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(guides)('docs/plugins/%s', (file) => {
  it.each(snippetsOf(file).map((snippet, index) => [index + 1, snippet] as const))(
    'snippet %i runs',
    async (index, snippet) => {
      mkdirSync(scratch, { recursive: true });
      const path = `${scratch}${file}-${String(index)}.ts`;
      writeFileSync(path, `${snippet}\nexport {};\n`);
      const assert = vi.spyOn(console, 'assert').mockImplementation((condition, ...data) => {
        if (!condition) {
          throw new RangeError(
            `console.assert failed in docs/plugins/${file} snippet ${String(index)} ${data.join(' ')}`,
          );
        }
      });
      try {
        await import(/* @vite-ignore */ path);
        expect(assert.mock.calls.every(([condition]) => Boolean(condition))).toBe(true);
      } finally {
        assert.mockRestore();
      }
    },
  );
});
