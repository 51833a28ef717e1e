import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every `ts` block of the core's guides, so that the documentation stays true.
// `console.assert` in a snippet fails the test instead of printing.
const guides = [
  'getting-started.md',
  'recipes.md',
  'core.md',
  'plugins.md',
  'routing.md',
  'supervisor.md',
  'admin.md',
  'protocol.md',
  'kpis.md',
  'tickets.md',
  'privacy.md',
  'history.md',
];
const source = fileURLToPath(new URL('.', import.meta.url));
const scratch = fileURLToPath(new URL('../.snippets/', import.meta.url));

function snippetsOf(file: string): string[] {
  const markdown = readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8');
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
}

function resolvable(snippet: string): string {
  return snippet
    .replaceAll("'@switchboard/core/testing'", `'${source}testing/index.ts'`)
    .replaceAll("'@switchboard/core/metrics'", `'${source}metrics/index.ts'`)
    .replaceAll("'@switchboard/core/tickets'", `'${source}tickets/index.ts'`)
    .replaceAll("'@switchboard/core/privacy'", `'${source}privacy/index.ts'`)
    .replaceAll("'@switchboard/core/history'", `'${source}history/index.ts'`)
    .replaceAll("'@switchboard/core/client'", `'${source}client/index.ts'`)
    .replaceAll("'@switchboard/core'", `'${source}index.ts'`);
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(guides)('docs/%s', (file) => {
  it.each(snippetsOf(file).map((snippet, index) => [index + 1, snippet] as const))(
    'snippet %i runs',
    async (index, snippet) => {
      mkdirSync(scratch, { recursive: true });
      const path = `${scratch}${file}-${index}.ts`;
      writeFileSync(path, `${resolvable(snippet)}\nexport {};\n`);
      const assert = vi.spyOn(console, 'assert').mockImplementation((condition, ...data) => {
        if (!condition)
          throw new Error(
            `console.assert failed in docs/${file} snippet ${index} ${data.join(' ')}`,
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
