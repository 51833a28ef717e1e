// `npm run desktop`: installs the workspace and serves the agent desktop on the embedded defaults.
import { pnpm } from './pnpm.mjs';

const install = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
if (install !== 0) process.exit(install);
process.exit(
  pnpm(['--filter', '@switchboard/example-agent-desktop', 'dev', ...process.argv.slice(2)]),
);
