import { StorageError } from './storageError';

/** What a JSON-lines file holds once read: the live entries and how many lines it had. */
export interface ReadLines {
  /** Each key's value as JSON text, in insertion order. */
  readonly entries: Map<string, string>;
  /** How many whole lines the file had (live, overwritten and deleted). */
  readonly lines: number;
  /** The byte length of the whole lines: a torn last line starts here. */
  readonly validBytes: number;
}

/** The line that sets `key` to the JSON text `value`. @internal */
export const setLine = (key: string, value: string) =>
  `{"k":${JSON.stringify(key)},"v":${value}}\n`;
/** The line that deletes `key`. @internal */
export const deleteLine = (key: string) => `{"k":${JSON.stringify(key)},"d":1}\n`;

/**
 * Reads the lines of a storage file. Only newline-terminated lines count: a torn last line (a
 * write cut short by a crash) is left out. A damaged whole line is `STORAGE_CORRUPT`.
 *
 * @internal
 */
export function readLines(text: string, file: string): ReadLines {
  const entries = new Map<string, string>();
  const end = text.lastIndexOf('\n') + 1;
  let lines = 0;
  let start = 0;
  while (start < end) {
    const stop = text.indexOf('\n', start);
    const line = text.slice(start, stop);
    lines += 1;
    let record: { k?: unknown; v?: unknown; d?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch (cause) {
      throw new StorageError('STORAGE_CORRUPT', `Line ${lines} of ${file} is damaged.`, {
        details: { file, line: lines },
        cause,
      });
    }
    if (typeof record.k !== 'string' || (!('v' in record) && record.d !== 1)) {
      throw new StorageError('STORAGE_CORRUPT', `Line ${lines} of ${file} is not an entry.`, {
        details: { file, line: lines },
      });
    }
    if (record.d === 1) entries.delete(record.k);
    // Keep the value's JSON text as written (`{"k":KEY,"v":VALUE}`); a key set again keeps its
    // place, as in a Map.
    else entries.set(record.k, line.slice(JSON.stringify(record.k).length + 10, -1));
    start = stop + 1;
  }
  return { entries, lines, validBytes: Buffer.byteLength(text.slice(0, end)) };
}
