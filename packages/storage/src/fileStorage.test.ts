import { spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTicketBook } from '@switchboard/core/history';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStorage } from './fileStorage';
import { isStorageError } from './storageError';

const folder = mkdtempSync(join(tmpdir(), 'switchboard-file-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});
let files = 0;
const newPath = () => join(folder, `store-${++files}.jsonl`);

describe('createFileStorage', () => {
  it('appends one JSON line per write', async () => {
    const path = newPath();
    const storage = await createFileStorage({ path });
    await storage.set('a', { n: 1 });
    await storage.delete('a');
    await storage.close();
    expect(readFileSync(path, 'utf8')).toBe('{"k":"a","v":{"n":1}}\n{"k":"a","d":1}\n');
  });

  it('ignores a torn last line, cuts it off and appends after the last whole line', async () => {
    const path = newPath();
    writeFileSync(path, '{"k":"a","v":1}\n{"k":"b","v":2}\n{"k":"c","v":{"tor');
    const storage = await createFileStorage({ path });
    expect(await storage.keys()).toEqual(['a', 'b']);
    await storage.set('d', 4);
    await storage.close();
    expect(readFileSync(path, 'utf8')).toBe('{"k":"a","v":1}\n{"k":"b","v":2}\n{"k":"d","v":4}\n');
    // A whole-looking last line without its newline is torn too.
    appendFileSync(path, '{"k":"e","v":5}');
    const again = await createFileStorage({ path });
    expect(await again.keys()).toEqual(['a', 'b', 'd']);
    await again.close();
  });

  it('refuses a damaged line before the last with STORAGE_CORRUPT', async () => {
    for (const damaged of ['{"k":"a","v":1}\nnot json\n{"k":"b","v":2}\n', '{"v":1}\n']) {
      const path = newPath();
      writeFileSync(path, damaged);
      const error = await createFileStorage({ path }).catch((caught: unknown) => caught);
      expect(isStorageError(error, 'STORAGE_CORRUPT')).toBe(true);
    }
  });

  it('refuses values that are not JSON and bad options, storing nothing', async () => {
    const storage = await createFileStorage({ path: newPath() });
    for (const value of [undefined, () => 1, 1n]) {
      const error = await storage.set('k', value).catch((caught: unknown) => caught);
      expect(isStorageError(error, 'STORAGE_INVALID')).toBe(true);
    }
    expect(await storage.keys()).toEqual([]);
    await storage.close();
    await expect(storage.set('k', 1)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    await expect(createFileStorage({ path: '' })).rejects.toMatchObject({
      code: 'STORAGE_INVALID',
    });
    await expect(createFileStorage({ path: folder })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
  });

  it('compacts: only live entries stay in the file, in their order', async () => {
    const path = newPath();
    const storage = await createFileStorage({ path });
    await storage.set('a', 'old secret');
    await storage.set('b', 2);
    await storage.set('a', 'new');
    await storage.set('c', 3);
    await storage.delete('c');
    await storage.compact();
    await storage.set('d', 4);
    await storage.close();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe('{"k":"a","v":"new"}\n{"k":"b","v":2}\n{"k":"d","v":4}\n');
  });

  it('compacts by itself once dead lines outnumber live ones', async () => {
    const path = newPath();
    const storage = await createFileStorage({ path, compactAfterLines: 20 });
    for (let round = 0; round < 30; round += 1) await storage.set('same', round);
    await storage.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(lines.at(-1)).toBe('{"k":"same","v":29}');
  });

  it('reopens whole after the writing process is killed mid-write', async () => {
    const path = newPath();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('../test/fileWriter.child.ts', import.meta.url)),
        path,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let reported = -1;
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        reject(new Error('the child wrote nothing in 20 s'));
      }, 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        const last = chunk.toString().trim().split('\n').at(-1);
        reported = Number(last);
        if (reported >= 40) {
          clearTimeout(timeout);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const size = statSync(path).size;
    const storage = await createFileStorage({ path });
    const keys = await storage.keys();
    expect(keys.length).toBeGreaterThan(reported);
    expect(keys).toEqual(keys.map((_, index) => `k/${index}`));
    const last = (await storage.get(keys.at(-1)!)) as { index: number; filler: string };
    expect(last.filler).toHaveLength(256 * 1024);
    await storage.set('after', true);
    await storage.close();
    expect(statSync(path).size).toBeLessThanOrEqual(size + 100);
    const reopened = await createFileStorage({ path });
    expect(await reopened.get('after')).toBe(true);
    await reopened.close();
  });

  it('erasure leaves the canary nowhere in the raw file', async () => {
    const path = newPath();
    const canary = 'CANARY-0b9c';
    const storage = await createFileStorage({ path });
    const persistent = await openTicketBook({ storage, snapshotEvery: 2 });
    const ada = { id: 'ada', roles: ['agent' as const] };
    const ticket = persistent.book.createTicket(
      { subject: canary, customer: { id: 'cus-1', email: 'canary@example.com' } },
      ada,
    );
    persistent.book.update(ticket.id, { tags: [canary] }, ada);
    await persistent.flush();
    expect(readFileSync(path, 'utf8')).toContain(canary);
    await persistent.eraseCustomer({ customerId: 'cus-1' }, { id: 'sam', roles: ['supervisor'] });
    await persistent.close();
    const raw = readFileSync(path, 'utf8');
    expect(raw).not.toContain(canary);
    expect(raw).not.toContain('canary@example.com');
    expect(raw).toContain('[erased]');
    await storage.close();
  });
});
