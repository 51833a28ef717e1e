// @ts-check
// Builds the API reference of every public workspace package into docs/public/api, which the documentation site serves at /api/ (`pnpm run docs:api`).
// Each package has its own typedoc.json (entry points, tsconfig). Any warning fails the build:
// every export needs a doc comment, and so does every field of an exported type.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders under packages/ and packages/plugins/ with a package.json that is not private. */
const entryPoints = ['packages', 'packages/plugins']
  .filter((parent) => existsSync(parent))
  .flatMap((parent) => readdirSync(parent).map((name) => join(parent, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Switchboard API reference',
  entryPointStrategy: 'packages',
  entryPoints,
  out: 'docs/public/api',
  readme: 'none', // the root README links to folders, which typedoc would report as broken
  treatWarningsAsErrors: true,
  packageOptions: {
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    validation: { notExported: true, invalidLink: true, notDocumented: true },
  },
};
