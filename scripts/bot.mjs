// `npm run bot`: installs the workspace and runs the node-bot example on the embedded defaults.
import { pnpm } from './pnpm.mjs';

const install = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
if (install !== 0) process.exit(install);
process.exit(
  pnpm(['--filter', '@switchboard/example-node-bot', 'start', ...process.argv.slice(2)]),
);
