// Copies this starter to packages/plugins/NAME as @switchboard/plugin-NAME, renaming the
// plugin's identifiers (carrier-pigeon, carrierPigeon, CarrierPigeon), writes the plugin's README
// from template/README.md and its changeset from changeset.md, and formats them with prettier.
//
//   node examples/plugin-starter/create.mjs my-channel
//   node examples/plugin-starter/create.mjs my-channel --dir /elsewhere --changesets /elsewhere
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
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
  'changeset.md',
  'README.md',
  'template',
  'test',
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
    .replaceAll("'../../tooling/tsup'", `'${up}/tooling/tsup'`)
    .replaceAll('{{root}}', up);
}

/**
 * What the plugin keeps of a starter file: the manifest without the starter's `create` script,
 * its prettier (which only the script uses) and the pigeon description, the type-check config
 * without the starter's script and tests folder.
 *
 * @param {string} file @param {string} text
 */
function adapt(file, text) {
  if (file === 'package.json') {
    const manifest = JSON.parse(text);
    delete manifest.scripts.create;
    delete manifest.devDependencies.prettier;
    manifest.description = `A Switchboard channel plugin (${name}): say what it carries here.`;
    return JSON.stringify(manifest, null, 2);
  }
  if (file === 'tsconfig.json') {
    const config = JSON.parse(text);
    delete config.compilerOptions.allowJs;
    delete config.compilerOptions.checkJs;
    config.include = ['src', '*.config.ts'];
    return JSON.stringify(config, null, 2);
  }
  return text;
}

/** @param {string} from @param {string} to */
function copy(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const source = join(from, entry.name);
    const destination = join(to, rename(entry.name));
    if (entry.isDirectory()) copy(source, destination);
    else writeFileSync(destination, rename(adapt(entry.name, readFileSync(source, 'utf8'))));
  }
}

/**
 * Formats `files` with the workspace's prettier settings: renaming changes the widths of tables
 * and lines.
 *
 * @param {string[]} files
 */
async function format(files) {
  const options = (await prettier.resolveConfig(join(root, 'package.json'))) ?? {};
  for (const file of files) {
    if ((await prettier.getFileInfo(file)).inferredParser === null) continue; // LICENSE
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
  }
}

/** @param {string} dir @returns {string[]} */
const filesOf = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );

copy(starter, target);
writeFileSync(
  join(target, 'README.md'),
  rename(readFileSync(join(starter, 'template', 'README.md'), 'utf8')),
);
mkdirSync(changesets, { recursive: true });
const changeset = join(changesets, `plugin-${name}.md`);
writeFileSync(changeset, rename(readFileSync(join(starter, 'changeset.md'), 'utf8')));
await format([...filesOf(target), changeset]);
console.log(`Created @switchboard/plugin-${name} in ${relative(process.cwd(), target) || '.'}`);
console.log(`and its changeset ${relative(process.cwd(), changeset)}. Next:`);
console.log('  npx -y pnpm@10 install');
console.log(`  npx vitest run --project ${relative(root, target).split('\\').join('/')}`);
console.log('then replace the pigeon parts with your channel: see docs/plugins/channels.md.');
