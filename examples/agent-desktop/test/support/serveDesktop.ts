// Builds the desktop in test mode (a virtual clock the test moves, customers who arrive when asked)
// and serves it with Vite's preview server on 127.0.0.1; shared by the browser suites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

/** The desktop served for one suite. */
export interface ServedDesktop {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** Stops the server and removes the build. */
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Builds and serves the desktop. `env` sets `VITE_*` variables for this build (Vite reads them
 * from the process environment), e.g. the SIP registrar.
 */
export async function serveDesktop(env: Record<string, string> = {}): Promise<ServedDesktop> {
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-desktop-'));
  const configFile = join(root, 'vite.config.ts');
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    // Under vitest NODE_ENV is `test`, so the bundle has React's development build (bigger, and
    // its warnings reach the console, where the tests fail on them).
    await build({
      root,
      configFile,
      mode: 'test',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  }
  const server = await preview({
    root,
    configFile,
    mode: 'test',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  return {
    url: server.resolvedUrls?.local[0] ?? '',
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
