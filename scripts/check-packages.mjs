// Checks what each publishable workspace package would publish: packs it once with pnpm (as
// `pnpm publish` would), then lints the tarball with publint (strict) and are-the-types-wrong.
// Packages must be built first (`pnpm run build`). Folders without a package.json are skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pnpm } from './pnpm.mjs';

const packages = ['packages', 'packages/plugins']
  .filter((parent) => existsSync(parent))
  .flatMap((parent) =>
    readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name))
      .filter((dir) => existsSync(join(dir, 'package.json'))),
  );

/** @type {Array<[string, (tarball: string) => string[]]>} */
const checks = [
  ['publint', (tarball) => ['run', tarball, '--strict']],
  // node16 profile: the packages need Node 20+ or a bundler; TypeScript's legacy `node10`
  // resolution (which ignores the exports map) is not supported.
  ['attw', (tarball) => [tarball, '--profile', 'node16']],
];

let failures = 0;
for (const dir of packages) {
  /** @type {{ name: string, private?: boolean }} */
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  console.log(`\n${manifest.name}`);
  const out = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
  try {
    if (pnpm(['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' }) !== 0) {
      failures += 1;
      console.error(`pnpm pack failed for ${manifest.name}`);
      continue;
    }
    const tarball = resolve(out, readdirSync(out)[0] ?? '');
    for (const [tool, args] of checks) {
      if (spawnSync(tool, args(tarball), { stdio: 'inherit' }).status !== 0) {
        failures += 1;
        console.error(`${tool} failed for ${manifest.name}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
process.exit(failures === 0 ? 0 : 1);
