import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import type { Storage } from '@switchboard/core';
import * as z from 'zod/mini';
import { deleteLine, readLines, setLine } from './jsonLines';
import { StorageError, toJson } from './storageError';

/** Validates {@link FileStorageOptions}. */
export const fileStorageOptionsSchema = z.object({
  /** The file; created when missing. */
  path: z.string().check(z.minLength(1)),
  /** Call `fsync` after every write (survives power loss, costs a disk flush); false by default. */
  fsync: z._default(z.boolean(), false),
  /** Compact by itself once the file has this many lines and more dead than live; 10,000 by default. */
  compactAfterLines: z._default(z.int().check(z.minimum(1)), 10_000),
});
/** Options of {@link createFileStorage}. */
export type FileStorageOptions = z.input<typeof fileStorageOptionsSchema>;

/** A {@link Storage} in a JSON-lines file, with `compact` and `close`. */
export interface FileStorage extends Storage {
  /** The file. */
  readonly path: string;
  /** Rewrites the file with only the live entries (atomically: a new file renamed over it). */
  compact(): Promise<void>;
  /** Writes what is queued and closes the file; later writes are refused. */
  close(): Promise<void>;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return '';
    throw new StorageError('STORAGE_UNAVAILABLE', `Cannot read ${path}.`, {
      details: { file: path },
      cause: error,
    });
  }
}

/**
 * Opens a {@link Storage} kept in a JSON-lines file (Node): every `set` and `delete` appends one
 * line, reads come from memory. A crash mid-write leaves at most a torn last line, which the next
 * open ignores and cuts off; `compact()` (also run by itself, and by erasure) rewrites the file
 * with only the live entries, so overwritten and deleted values are physically gone. One process
 * at a time may open a file.
 *
 * @example
 * ```ts
 * const storage = await createFileStorage({ path: 'data/switchboard.jsonl' });
 * const { book } = await openTicketBook({ storage });
 * ```
 * @throws `StorageError` `STORAGE_INVALID` (options), `STORAGE_CORRUPT` (a damaged line before
 * the last), `STORAGE_UNAVAILABLE` (the file cannot be read or opened).
 */
export async function createFileStorage(options: FileStorageOptions): Promise<FileStorage> {
  const parsed = fileStorageOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new StorageError('STORAGE_INVALID', 'Invalid file storage options.', {
      details: { issues: parsed.error.issues.map((issue) => issue.message) },
    });
  }
  const { path, fsync, compactAfterLines } = parsed.data;
  const text = await readText(path);
  const { entries, lines: linesRead, validBytes } = readLines(text, path);
  let lines = linesRead;

  const openForAppend = async () => {
    try {
      return await open(path, 'a');
    } catch (error) {
      throw new StorageError('STORAGE_UNAVAILABLE', `Cannot open ${path}.`, {
        details: { file: path },
        cause: error,
      });
    }
  };
  let handle: FileHandle | null = await openForAppend();
  if (validBytes < Buffer.byteLength(text)) await handle.truncate(validBytes);

  let queue: Promise<void> = Promise.resolve();
  const closed = () =>
    new StorageError('STORAGE_UNAVAILABLE', `${path} is closed.`, { details: { file: path } });
  // Writes run one at a time, in call order, on the file handle current when they run.
  const enqueue = (task: (file: FileHandle) => Promise<void>) => {
    const next = queue.then(() => {
      if (handle === null) throw closed();
      return task(handle);
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const append = (line: string) => {
    lines += 1;
    const written = enqueue(async (file) => {
      await file.appendFile(line, 'utf8');
      if (fsync) await file.sync();
    });
    if (lines >= compactAfterLines && lines > 2 * entries.size)
      void compact().catch(() => undefined);
    return written;
  };

  function compact(): Promise<void> {
    const snapshot = [...entries].map(([key, value]) => setLine(key, value)).join('');
    lines = entries.size;
    return enqueue(async (file) => {
      const temporary = `${path}.compact`;
      const next = await open(temporary, 'w');
      try {
        await next.writeFile(snapshot, 'utf8');
        await next.sync();
      } finally {
        await next.close();
      }
      await rename(temporary, path);
      await file.close();
      handle = await openForAppend();
    });
  }

  return {
    path,
    get: (key) => {
      const value = entries.get(key);
      return Promise.resolve(value === undefined ? undefined : (JSON.parse(value) as unknown));
    },
    async set(key, value) {
      if (handle === null) throw closed();
      const json = toJson(key, value);
      entries.set(key, json);
      await append(setLine(key, json));
    },
    async delete(key) {
      if (handle === null) throw closed();
      if (entries.delete(key)) await append(deleteLine(key));
    },
    keys: (prefix = '') =>
      Promise.resolve([...entries.keys()].filter((key) => key.startsWith(prefix))),
    compact,
    async close() {
      await queue;
      const file = handle;
      handle = null;
      await file?.close();
    },
  };
}
