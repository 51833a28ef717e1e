import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const starter = fileURLToPath(new URL('..', import.meta.url));
const root = join(starter, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'switchboard-starter-'));
// A child vitest must not think it is one of this run's workers.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS',
  ),
);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function create(...args: string[]) {
  return spawnSync(process.execPath, [join(starter, 'create.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** Every file under `dir`, as paths relative to it. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules'
      ? []
      : entry.isDirectory()
        ? filesOf(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
  );
}

describe('create.mjs', () => {
  it(
    'copies the starter into a renamed plugin that type-checks and passes its tests',
    { timeout: 300_000 },
    () => {
      // The same layout as the repository (packages/plugins/NAME), in a temporary folder.
      const parent = join(scratch, 'packages', 'plugins');
      const made = create(
        'my-channel',
        '--dir',
        parent,
        '--changesets',
        join(scratch, '.changeset'),
      );
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      const target = join(parent, 'my-channel');

      expect(filesOf(target).sort()).toEqual([
        'LICENSE',
        'README.md',
        'package.json',
        'src/index.ts',
        'src/loft.ts',
        'src/myChannel.test.ts',
        'src/myChannel.ts',
        'src/pigeonPost.ts',
        'tsconfig.build.json',
        'tsconfig.json',
        'tsup.config.ts',
        'typedoc.json',
      ]);
      const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest).toMatchObject({ name: '@switchboard/plugin-my-channel' });
      expect(manifest).not.toHaveProperty('private');
      const plugin = readFileSync(join(target, 'src/myChannel.ts'), 'utf8');
      expect(plugin).toContain("export const myChannel = definePlugin({\n  name: 'my-channel',");
      expect(plugin).toContain('export interface MyChannelApi');
      for (const file of filesOf(target)) {
        expect(readFileSync(join(target, file), 'utf8')).not.toMatch(
          /carrier-pigeon|carrierPigeon|CarrierPigeon/,
        );
      }
      expect(readFileSync(join(scratch, '.changeset', 'plugin-my-channel.md'), 'utf8')).toContain(
        "'@switchboard/plugin-my-channel': minor",
      );
      // The plugin's own README, from template/README.md: nothing about the starter or its script.
      const readme = readFileSync(join(target, 'README.md'), 'utf8');
      expect(readme).toMatch(/^# @switchboard\/plugin-my-channel\n/);
      expect(readme).toContain("from '@switchboard/plugin-my-channel'");
      expect(readme).toContain(`(${relative(target, root)}/docs/plugins/channels.md)`);
      expect(readme).not.toMatch(/starter|create\.mjs|changeset\.md|create\.test|\{\{/i);
      // Its type-check config names only what the copy has.
      expect(JSON.parse(readFileSync(join(target, 'tsconfig.json'), 'utf8'))).toMatchObject({
        include: ['src', '*.config.ts'],
      });
      expect(manifest).not.toHaveProperty('scripts.create');
      expect(manifest).not.toHaveProperty('devDependencies.prettier');
      expect(manifest).not.toHaveProperty('description', expect.stringMatching(/pigeon/i));

      // Formatted as the workspace's `prettier --check .` expects, tables and all.
      const prettier = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
          '--config',
          join(root, '.prettierrc.json'),
          '--check',
          target,
          join(scratch, '.changeset'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(prettier.stderr).toBe('');
      expect(prettier.status).toBe(0);

      // Link its dependencies as `pnpm install` would, then type-check it and run its tests.
      const modules = join(target, 'node_modules');
      mkdirSync(join(modules, '@switchboard'), { recursive: true });
      mkdirSync(join(modules, '@types'), { recursive: true });
      symlinkSync(join(root, 'packages', 'core'), join(modules, '@switchboard', 'core'));
      symlinkSync(realpathSync(join(starter, 'node_modules', 'zod')), join(modules, 'zod'));
      symlinkSync(realpathSync(join(root, 'node_modules', 'vitest')), join(modules, 'vitest'));
      symlinkSync(
        realpathSync(join(root, 'node_modules', '@types', 'node')),
        join(modules, '@types', 'node'),
      );
      const tsc = spawnSync(
        process.execPath,
        // Outside the repository, tsup.config.ts's inferred type would name a path into this
        // checkout (TS2742): declarations are not what this checks.
        [
          join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-p',
          join(target, 'tsconfig.json'),
          '--declaration',
          'false',
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(tsc.stdout).toBe('');
      expect(tsc.status).toBe(0);
      const tests = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'vitest', 'vitest.mjs'),
          'run',
          '--config',
          join(root, 'vitest.config.ts'),
          '--project',
          'packages/plugins/my-channel',
        ],
        { cwd: scratch, encoding: 'utf8', timeout: 180_000, env },
      );
      expect(tests.stdout).toContain('3 passed');
      expect(tests.status).toBe(0);
    },
  );

  it('refuses a malformed or reserved name and an existing folder, writing nothing', () => {
    const parent = join(scratch, 'refusals');
    for (const name of ['MyChannel', 'contact', '']) {
      const made = create(name, '--dir', parent, '--changesets', parent);
      expect(made.status).toBe(1);
    }
    expect(existsSync(parent)).toBe(false);
    mkdirSync(join(parent, 'taken'), { recursive: true });
    expect(create('taken', '--dir', parent, '--changesets', parent).stderr).toContain(
      'already exists',
    );
    expect(readdirSync(parent)).toEqual(['taken']);
  });
});
