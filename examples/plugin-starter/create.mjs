// Copies this starter to packages/plugins/NAME as @switchboard/plugin-NAME, renaming the
// plugin's identifiers (carrier-pigeon, carrierPigeon, CarrierPigeon), and writes its changeset.
//
//   node examples/plugin-starter/create.mjs my-channel
//   node examples/plugin-starter/create.mjs my-channel --dir /elsewhere --changesets /elsewhere
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const starter = dirname(fileURLToPath(import.meta.url));
const root = join(starter, '..', '..');
/** Files that belong to the starter, not to a plugin made from it. */
const skipped = new Set([
  'node_modules',
  'dist',
  '.snippets',
  'create.mjs',
  'create.test.ts',
  'changeset.md',
]);
/** Names the core reserves (its own event and action domains), read from the core's own list. */
const reserved = JSON.parse(
  readFileSync(
    join(root, 'packages', 'core', 'src', 'plugins', 'reservedPluginNames.json'),
    'utf8',
  ),
);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(message);
  process.exit(1);
}

const [name = '', ...flags] = process.argv.slice(2);
/** @param {string} flag */
const option = (flag) => {
  const index = flags.indexOf(flag);
  return index === -1 ? undefined : flags[index + 1];
};
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  fail(
    'Usage: node examples/plugin-starter/create.mjs <name in kebab-case, e.g. my-channel> [--dir <parent>] [--changesets <dir>]',
  );
}
if (reserved.includes(name)) fail(`"${name}" is reserved by the core; pick another name.`);

const camel = name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
const target = join(option('--dir') ?? join(root, 'packages', 'plugins'), name);
const changesets = option('--changesets') ?? join(root, '.changeset');
if (existsSync(target)) fail(`${target} already exists.`);
const up = relative(target, root).split('\\').join('/');

/** @param {string} text */
function rename(text) {
  return text
    .replaceAll('carrier-pigeon', name)
    .replaceAll('carrierPigeon', camel)
    .replaceAll('CarrierPigeon', pascal)
    .replace(/^ {2}"private": true,\n/m, '')
    .replaceAll('"../../tsconfig.base.json"', `"${up}/tsconfig.base.json"`)
    .replaceAll("'../../tooling/tsup'", `'${up}/tooling/tsup'`);
}

/** @param {string} from @param {string} to */
function copy(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const source = join(from, entry.name);
    const destination = join(to, rename(entry.name));
    if (entry.isDirectory()) copy(source, destination);
    else writeFileSync(destination, rename(readFileSync(source, 'utf8')));
  }
}

copy(starter, target);
mkdirSync(changesets, { recursive: true });
const changeset = join(changesets, `plugin-${name}.md`);
writeFileSync(changeset, rename(readFileSync(join(starter, 'changeset.md'), 'utf8')));
console.log(`Created @switchboard/plugin-${name} in ${relative(process.cwd(), target) || '.'}`);
console.log(`and its changeset ${relative(process.cwd(), changeset)}. Next:`);
console.log('  npx -y pnpm@10 install');
console.log(`  npx vitest run --project ${relative(root, target).split('\\').join('/')}`);
console.log('then replace the pigeon parts with your channel: see docs/plugins/channels.md.');
