import { defineConfig, type Options } from 'tsup';

/**
 * The one build configuration every Switchboard package uses: ESM + CJS + declarations,
 * tree-shakeable, targeting the ES2022 runtimes (Node 20, evergreen browsers).
 *
 * @param entry - entry points keyed by output name, e.g. `{ index: 'src/index.ts' }`.
 * @param overrides - package-specific options (externals, platform) merged on top.
 */
export function defineBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'es2022',
    splitting: true,
    ...overrides,
  });
}
