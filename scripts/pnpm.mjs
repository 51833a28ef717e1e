// Runs pnpm 10 without a global install: through npx, which only needs Node 20 and npm.
import { spawnSync } from 'node:child_process';

/**
 * Runs `pnpm ...args` and returns its exit status.
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['-y', 'pnpm@10', ...args], { stdio: 'inherit', ...options });
  return result.status ?? 1;
}
