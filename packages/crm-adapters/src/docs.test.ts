import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every `ts` block of docs/crm.md, so that the guide stays true.
// `console.assert` in a snippet fails the test instead of printing.
const source = fileURLToPath(new URL('.', import.meta.url));
const scratch = fileURLToPath(new URL('../.snippets/', import.meta.url));

function snippets(): string[] {
  const markdown = readFileSync(new URL('../../../docs/crm.md', import.meta.url), 'utf8');
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
}

const resolvable = (snippet: string) =>
  snippet.replace(
    /'@switchboard\/crm-adapters(?:\/(\w+))?'/g,
    (_, entry: string | undefined) => `'${source}${entry ?? 'index'}.ts'`,
  );

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('docs/crm.md', () => {
  it.each(snippets().map((snippet, index) => [index + 1, snippet] as const))(
    'snippet %i runs',
    async (index, snippet) => {
      mkdirSync(scratch, { recursive: true });
      const path = `${scratch}crm-${String(index)}.ts`;
      writeFileSync(path, `${resolvable(snippet)}\nexport {};\n`);
      const assert = vi.spyOn(console, 'assert').mockImplementation((condition, ...data) => {
        if (!condition)
          throw new Error(
            `console.assert failed in docs/crm.md snippet ${String(index)} ${data.join(' ')}`,
          );
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
