/** Where Switchboard reports what it cannot throw: failing listeners, plugins and hooks. */
export interface Logger {
  /** Diagnostic detail. */
  debug(message: string, details?: Record<string, unknown>): void;
  /** Something worth knowing happened. */
  info(message: string, details?: Record<string, unknown>): void;
  /** Something went wrong and was contained. */
  warn(message: string, details?: Record<string, unknown>): void;
  /** Something failed. */
  error(message: string, details?: Record<string, unknown>): void;
}

const ignore = () => undefined;

/** The default logger: prints nothing (a library never writes to the console on its own). */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
