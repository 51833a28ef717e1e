// Bundled by indexedDbStorage.test.ts into a page in headless Chromium: runs the shared contract
// on the IndexedDB adapter, and stores/reads a ticket book around a real page reload.
import { openTicketBook } from '@switchboard/core/history';
import { createIndexedDbStorage } from '../src/indexedDbStorage';
import { isStorageError } from '../src/storageError';
import { storageContract } from './storageContract';

let databases = 0;

async function runContract(): Promise<{ name: string; error: string | null }[]> {
  const results: { name: string; error: string | null }[] = [];
  for (const [name, run] of Object.entries(storageContract)) {
    const database = `contract-${++databases}`;
    const opened: { close(): void }[] = [];
    try {
      await run({
        open: async () => {
          const storage = await createIndexedDbStorage({ name: database });
          opened.push(storage);
          return storage;
        },
      });
      results.push({ name, error: null });
    } catch (error) {
      results.push({ name, error: String(error) });
    } finally {
      for (const storage of opened) storage.close();
    }
  }
  return results;
}

const ada = { id: 'ada', roles: ['agent' as const] };

/** Before the reload: a ticket and a note in a book on IndexedDB. */
async function seed(): Promise<string> {
  const persistent = await openTicketBook({
    storage: await createIndexedDbStorage({ name: 'reload' }),
  });
  const ticket = persistent.book.createTicket({ subject: 'Survives a reload' }, ada);
  const fields = { customer: 'Grace', reasonForContact: 'Reload', stepsTaken: 'Pressed F5' };
  persistent.book.addNote({ target: { kind: 'ticket', id: ticket.id }, fields }, ada);
  await persistent.close();
  return ticket.id;
}

/** After the reload: what the restored book holds. */
async function restore(ticketId: string): Promise<{ subject?: string; notes: number }> {
  const { book } = await openTicketBook({
    storage: await createIndexedDbStorage({ name: 'reload' }),
  });
  return {
    subject: book.getSnapshot().tickets.get(ticketId)?.subject,
    notes: book.notesOf({ kind: 'ticket', id: ticketId }).length,
  };
}

/** What a value that is not JSON gets. */
async function refuseNonJson(): Promise<boolean> {
  const storage = await createIndexedDbStorage({ name: 'refuse' });
  const error = await storage.set('k', () => 1).catch((caught: unknown) => caught);
  storage.close();
  return isStorageError(error, 'STORAGE_INVALID');
}

Object.assign(globalThis, { runContract, seed, restore, refuseNonJson });
