import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The guides' type-check itself (tooling/checkDocSamples.ts), run as CI runs it on a folder of
// markdown written here: a wrong block fails it with the guide's file and line.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const checker = join(root, 'tooling/checkDocSamples.ts');
const scratch = mkdtempSync(join(tmpdir(), 'doc-samples-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function check(files: Record<string, string>) {
  const docs = mkdtempSync(join(scratch, 'docs-'));
  for (const [name, markdown] of Object.entries(files)) {
    mkdirSync(join(docs, name, '..'), { recursive: true });
    writeFileSync(join(docs, name), markdown);
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', checker, docs], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ...run, guide: (name: string) => relative(root, join(docs, name)) };
}

const fence = '```';

describe('tooling/checkDocSamples.ts', () => {
  it(
    'fails on a wrong block with its file:line and the compiler message, resolving @switchboard/* as a user would',
    { timeout: 240_000 },
    () => {
      const run = check({
        'plugins/wrong.md': [
          '# A guide',
          '',
          `${fence}ts`,
          "import { createContactCenter } from '@switchboard/core';",
          '',
          "const center = createContactCenter({ queues: [{ id: 'support', name: 'Support' }] });",
          'const count: number = center.getSnapshot().contacts.size;',
          fence,
          '',
          `${fence}ts`,
          "import { createContactCenter } from '@switchboard/core';",
          '',
          "createContactCenter({ queues: 'support' });",
          fence,
          '',
          `${fence}ts no-check: shows a signature, not code`,
          'createDesk({ agent, plugins: [...] })',
          fence,
          '',
          `${fence}ts no-run: needs a server`,
          'const port: string = 8080;',
          fence,
        ].join('\n'),
      });
      const where = run.guide('plugins/wrong.md');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^${where}:13:\\d+ TS2322 `, 'm'));
      expect(run.stderr).toMatch(new RegExp(`^${where}:21:7 TS2322 `, 'm'));
      expect(run.stderr.trim().split('\n')).toHaveLength(2);
      expect(run.stdout).toContain(
        '3 ts blocks type-checked in 1 guides, 1 skipped (no-check), 2 errors',
      );
    },
  );

  it(
    'passes on right blocks, refuses a fence it does not know, and finds no block in an empty folder',
    { timeout: 240_000 },
    () => {
      const right = check({
        'a.md': `${fence}ts\nconst answer: number = 42;\nconsole.assert(answer > 0);\n${fence}\n`,
      });
      expect(right.stderr).toBe('');
      expect(right.status).toBe(0);

      const unknown = check({
        'b.md': `text\n\n${fence}ts twoslash\nconst n = 1;\n${fence}\n\n${fence}ts no-check\nn;\n${fence}\n`,
      });
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain(`${unknown.guide('b.md')}:7: a \`\`\`ts fence`);
      expect(unknown.stderr).toContain(
        `${unknown.guide('b.md')}:3: a \`\`\`ts fence takes nothing after it but "no-run: <reason>" or "no-check: <reason>"`,
      );

      const empty = check({ 'c.md': '# No code here\n' });
      expect(empty.status).toBe(1);
      expect(empty.stderr).toContain('No ts block found');
    },
  );
});
