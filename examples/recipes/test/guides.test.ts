import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guidesIn, samplesOf, skipReason } from '../../../tooling/docSamples';

// Keeps every code sample of the guides checked: every `ts` block is type-checked by the root
// `typecheck` script (tooling/checkDocSamples.ts; a block of a package's guide also runs in that
// package's docs test), and a sample in another language (React, Vue) is a real, type-checked file
// shown with VitePress's `<<< @/path` import. This fails on a fenced tsx/jsx/vue/js block, on a
// `ts` block the type-check would not see, on a module (a block with imports) fenced as text, and
// on an import whose file or `#region` is missing (VitePress would print "File not found" into
// the page, not fail).

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const guides = (dir: string): string[] =>
  readdirSync(join(docs, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['api', 'public', '.vitepress'].includes(entry.name) ? [] : guides(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

it("CI's typecheck gate type-checks the guides' ts blocks", () => {
  expect(packageJson.scripts.typecheck).toContain('pnpm run typecheck:docs');
  expect(packageJson.scripts['typecheck:docs']).toBe('tsx tooling/checkDocSamples.ts');
});

describe.each(guides(''))('docs/%s', (guide) => {
  const markdown = readFileSync(join(docs, guide), 'utf8');

  it('has every ts block type-checked (or skipped with a reason)', () => {
    expect(guidesIn(docs)).toContain(join(docs, guide));
    const fences = [...markdown.matchAll(/^[ \t]*```\s*ts\b.*$/gm)].map((match) => match[0]);
    const samples = samplesOf(guide, markdown);
    expect(samples.map((sample) => `\`\`\`ts${sample.meta ? ` ${sample.meta}` : ''}`)).toEqual(
      fences,
    );
    const refused = samples
      .filter((sample) => skipReason(sample) === undefined)
      .map((sample) => `docs/${guide}:${String(sample.line - 1)} \`\`\`ts ${sample.meta}`);
    expect(
      refused,
      'a ts fence takes only "no-run: <reason>" or "no-check: <reason>" after it',
    ).toEqual([]);
  });

  it('fences no sample that nothing type-checks', () => {
    const unchecked = [...markdown.matchAll(/^```(tsx|jsx|vue|typescript|javascript|js)\b/gm)];
    expect(unchecked.map((match) => match[0])).toEqual([]);
  });

  it('shows no module as text (a sample with imports is a ts block, no-run if it needs servers)', () => {
    const modules = [...markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```/gm)]
      .filter(([, lang, body = '']) => lang !== 'ts' && /^import\s[^\n]*\sfrom\s'/m.test(body))
      .map(([fence, , body = '']) => `${fence.split('\n')[0] ?? ''} ${body.split('\n')[0] ?? ''}`);
    expect(modules).toEqual([]);
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
