import { runCli } from './cli';

// `pnpm --filter … start` runs this in examples/simulator; paths on the command line (--scenario,
// --out) mean the directory the command was typed in, which npm and pnpm pass as INIT_CWD.
const invokedFrom = process.env['INIT_CWD'];
if (invokedFrom) process.chdir(invokedFrom);

process.exitCode = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
