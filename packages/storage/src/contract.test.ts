import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage } from '@switchboard/core';
import { afterAll, afterEach, describe, it } from 'vitest';
import { storageContract, type ContractTarget } from '../test/storageContract';
import { createFileStorage } from './fileStorage';

// The shared contract on the core's memory storage and on the file adapter. The IndexedDB
// adapter runs the same checks in headless Chromium (indexedDbStorage.test.ts).
const folder = mkdtempSync(join(tmpdir(), 'switchboard-contract-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

let files = 0;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()));
});

const targets: Record<string, () => ContractTarget> = {
  memory: () => {
    const storage = createMemoryStorage();
    return { open: () => Promise.resolve(storage) };
  },
  file: () => {
    const path = join(folder, `store-${++files}.jsonl`);
    return {
      open: async () => {
        const storage = await createFileStorage({ path });
        opened.push(storage);
        return storage;
      },
    };
  },
};

describe.each(Object.keys(targets))('%s storage meets the contract', (adapter) => {
  it.each(Object.keys(storageContract))('%s', async (name) => {
    await storageContract[name]!(targets[adapter]!());
  });
});
