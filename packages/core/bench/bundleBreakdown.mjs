// What an import of @switchboard/core costs, min+gzip, and where it goes: `pnpm run size:why`.
// Bundles the sources (the `@switchboard/source` condition, so no build is needed) with the
// esbuild settings size-limit uses, then reports, per import:
// - the whole size (a little above size-limit's figure for dist/, which tsup has already minified);
// - each dependency's marginal cost: the size minus the size with that dependency stubbed out;
// - Switchboard's own code per source folder, as minified bytes and their share of the gzip.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}package.json`);
const dependencies = ['zod/mini', 'immer'];
const imports = [
  ['createDesk + definePlugin', './src/index.ts', '{ createDesk, definePlugin }'],
  ['createContactCenter', './src/index.ts', '{ createContactCenter }'],
  ['every export', './src/index.ts', '*'],
  [
    'client: connectDesk + fromWebSocket',
    './src/client/index.ts',
    '{ connectDesk, fromWebSocket }',
  ],
];

/** An ES module with the same export names as `specifier`, each a no-op. */
async function stubOf(specifier) {
  const names = Object.keys(await import(require.resolve(specifier))).filter(
    (n) => n !== 'default',
  );
  const lines = names.map((name, i) => `const s${i} = () => {}; export { s${i} as "${name}" };`);
  return `${lines.join('\n')}\nexport default function Stub() {}`;
}

async function bundle(file, names, stubbed = []) {
  const stubs = Object.fromEntries(
    await Promise.all(stubbed.map(async (s) => [s, await stubOf(s)])),
  );
  const contents = names === '*' ? `export * from '${file}';` : `export ${names} from '${file}';`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    minify: true,
    treeShaking: true,
    conditions: ['@switchboard/source'],
    logLevel: 'error',
    outfile: 'out.js',
    plugins: [
      {
        name: 'stub',
        setup(on) {
          on.onResolve({ filter: /^(zod\/mini|immer)$/ }, ({ path }) =>
            path in stubs ? { path, namespace: 'stub' } : undefined,
          );
          on.onLoad({ filter: /.*/, namespace: 'stub' }, ({ path }) => ({ contents: stubs[path] }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].contents;
  return { gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
for (const [label, file, names] of imports) {
  const { gzip } = await bundle(file, names);
  console.log(`\n${label}: ${kb(gzip)} min+gzip`);
  for (const dependency of dependencies) {
    const without = await bundle(file, names, [dependency]);
    console.log(`  ${dependency.padEnd(24)} ${kb(gzip - without.gzip).padStart(9)} (marginal)`);
  }
  const own = await bundle(file, names, dependencies);
  console.log(
    `  ${'Switchboard code'.padEnd(24)} ${kb(own.gzip).padStart(9)} (dependencies stubbed)`,
  );
  const folders = new Map();
  for (const [path, input] of Object.entries(Object.values(own.metafile.outputs)[0].inputs)) {
    const folder = /src\/(?:([^/]+)\/)?/.exec(path)?.[1] ?? (path.startsWith('src/') ? '.' : null);
    if (folder !== null) folders.set(folder, (folders.get(folder) ?? 0) + input.bytesInOutput);
  }
  const total = [...folders.values()].reduce((sum, bytes) => sum + bytes, 0);
  for (const [folder, bytes] of [...folders].sort((a, b) => b[1] - a[1])) {
    if (bytes === 0) continue;
    const share = kb((bytes / total) * own.gzip);
    console.log(`    src/${folder.padEnd(18)} ${String(bytes).padStart(6)} B min  ~${share} gzip`);
  }
}
