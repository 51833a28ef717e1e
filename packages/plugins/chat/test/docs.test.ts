import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chatErrorCodes } from '../src/index';

// Keeps docs/plugins/chat.md true: its error table matches the code, and its `ts` blocks run
// (`console.assert` in a block fails the test).
const guide = readFileSync(new URL('../../../../docs/plugins/chat.md', import.meta.url), 'utf8');
const source = fileURLToPath(new URL('../src/', import.meta.url));
const scratch = fileURLToPath(new URL('../.snippets/', import.meta.url));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('docs/plugins/chat.md', () => {
  it('lists exactly the error codes', () => {
    const section = guide.slice(guide.indexOf('## Errors'));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
    expect(documented).toEqual(Object.keys(chatErrorCodes));
  });

  const snippets = [...guide.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
  it.each(snippets.map((snippet, index) => [index + 1, snippet] as const))(
    'snippet %i runs',
    { timeout: 30_000 },
    async (index, snippet) => {
      mkdirSync(scratch, { recursive: true });
      const path = `${scratch}chat-${index}.ts`;
      const resolvable = snippet
        .replaceAll("'@switchboard/plugin-chat/client'", `'${source}client.ts'`)
        .replaceAll("'@switchboard/plugin-chat/node'", `'${source}node.ts'`)
        .replaceAll("'@switchboard/plugin-chat'", `'${source}index.ts'`);
      writeFileSync(path, `${resolvable}\nexport {};\n`);
      const assert = vi.spyOn(console, 'assert').mockImplementation((condition, ...data) => {
        if (!condition)
          throw new Error(`console.assert failed in snippet ${index} ${data.join(' ')}`);
      });
      try {
        await import(/* @vite-ignore */ path);
        expect(assert.mock.calls.length).toBeGreaterThan(0);
      } finally {
        assert.mockRestore();
      }
    },
  );
});
