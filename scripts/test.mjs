// The README's second command: installs what the suites need, then runs every test with coverage.
// Suites that need real parts (Kamailio, Chromium, Prism) declare their Debian packages in
// scripts/system-packages.txt; they are installed with apt-get when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pnpm } from './pnpm.mjs';

const listFile = new URL('./system-packages.txt', import.meta.url);
const wanted = existsSync(listFile)
  ? readFileSync(listFile, 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean)
  : [];
const missing = wanted.filter(
  (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0,
);
if (missing.length > 0) {
  console.log(`Installing Debian packages the suites need: ${missing.join(', ')}`);
  const noPrompts = { DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string[]} args */
  const asRoot = (args) =>
    process.getuid?.() === 0
      ? spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, ...noPrompts } })
      : spawnSync('sudo', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], {
          stdio: 'inherit',
        });
  if (asRoot(['update']).status !== 0 || asRoot(['install', '-y', ...missing]).status !== 0) {
    console.error(`Could not install ${missing.join(', ')}: the suites that need them cannot run.`);
    process.exit(1);
  }
}

const install = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
if (install !== 0) process.exit(install);
process.exit(pnpm(['run', 'test:unit', ...process.argv.slice(2)]));
