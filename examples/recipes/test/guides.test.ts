import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Keeps every code sample of the guides checked: a `ts` block runs in a docs test, and a sample
// in another language (React, Vue) is a real, type-checked file shown with VitePress's
// `<<< @/path` import. This fails on a fenced tsx/jsx/vue/js block, and on an import whose file
// or `#region` is missing (VitePress would print "File not found" into the page, not fail).

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const guides = (dir: string): string[] =>
  readdirSync(join(docs, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['api', 'public', '.vitepress'].includes(entry.name) ? [] : guides(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });

describe.each(guides(''))('docs/%s', (guide) => {
  const markdown = readFileSync(join(docs, guide), 'utf8');

  it('fences no sample that nothing type-checks', () => {
    const unchecked = [...markdown.matchAll(/^```(tsx|jsx|vue|typescript|javascript|js)\b/gm)];
    expect(unchecked.map((match) => match[0])).toEqual([]);
  });

  it('imports files and regions that exist', () => {
    for (const [, path = '', region] of markdown.matchAll(
      /^<<< @\/(\S+?)(?:#(\w+))?(?:\{.*\})?$/gm,
    )) {
      const file = join(docs, path);
      expect(existsSync(file), `${guide}: ${path}`).toBe(true);
      if (region)
        expect(readFileSync(file, 'utf8'), `${guide}: ${path}#${region}`).toMatch(
          new RegExp(`#region ${region}\\b[\\s\\S]*#endregion ${region}\\b`),
        );
    }
  });
});
