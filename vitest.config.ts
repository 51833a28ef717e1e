import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources in tests and benchmarks. */
const source = '@switchboard/source';

/** Every workspace folder with a package.json is a test project named after its path. */
const projects = ['packages', 'packages/plugins', 'examples'].flatMap((parent) =>
  existsSync(parent)
    ? readdirSync(parent, { withFileTypes: true })
        .filter(
          (entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')),
        )
        .map((entry) => join(parent, entry.name))
    : [],
);

export default defineConfig({
  resolve: { conditions: [source, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [source, 'module', 'node', 'development|production'] } },
  test: {
    projects: projects.map((root) => ({
      extends: true,
      test: { name: root, root },
    })),
    coverage: {
      provider: 'v8',
      include: ['packages/**/src/**/*.ts', 'examples/**/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.bench.ts', '**/*.test-d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.reports/coverage',
      thresholds: {
        'packages/core/src/**': { lines: 90, statements: 90, functions: 85, branches: 80 },
      },
    },
    typecheck: { enabled: true, include: ['**/*.test-d.ts'] },
    benchmark: { include: ['**/*.bench.ts'] },
  },
});
