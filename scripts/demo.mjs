// The README's first command: installs the workspace and runs the simulator on the embedded defaults.
import { pnpm } from './pnpm.mjs';

const install = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
if (install !== 0) process.exit(install);
process.exit(
  pnpm(['--filter', '@switchboard/example-simulator', 'start', ...process.argv.slice(2)]),
);
