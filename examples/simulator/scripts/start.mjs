// Starts the simulator CLI from plain JavaScript: esbuild bundles src/main.ts and the workspace
// sources it imports (the `@switchboard/source` condition) into dist/main.mjs, then this process
// runs it. Bundling takes a fraction of a second, a TypeScript loader would take more at start-up
// and slow every call of the run a little (its kept function names).
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, 'dist/main.mjs');

await build({
  entryPoints: [resolve(root, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@switchboard/source'],
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS dependencies (cli-progress) call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as __sbRequire } from 'node:module'; const require = __sbRequire(import.meta.url);",
  },
});
// main.ts reads the arguments from process.argv, as when it is run directly.
await import(pathToFileURL(outfile).href);
