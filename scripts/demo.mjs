// The README's first command: installs the workspace when needed and runs the simulator on the
// embedded defaults. The install is skipped when node_modules already matches pnpm-lock.yaml
// (pnpm keeps a copy of the lockfile it installed in node_modules/.pnpm/lock.yaml): starting
// pnpm through npx costs seconds, more than the simulated day itself.
import { readFileSync } from 'node:fs';
import { pnpm } from './pnpm.mjs';

/** @param {string} url @returns {string | null} the file's text, or null when it is missing */
const read = (url) => {
  try {
    return readFileSync(new URL(url, import.meta.url), 'utf8');
  } catch {
    return null;
  }
};
const lockfile = read('../pnpm-lock.yaml');
if (lockfile === null || read('../node_modules/.pnpm/lock.yaml') !== lockfile) {
  const install = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
  if (install !== 0) process.exit(install);
}
// The simulator's start script, in this process: the arguments after `npm run demo --` reach it.
await import('../examples/simulator/scripts/start.mjs');
