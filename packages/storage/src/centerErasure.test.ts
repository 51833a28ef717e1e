import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContactCenter, createDesk } from '@switchboard/core';
import { openCenterHistory } from '@switchboard/core/history';
import { createVirtualClock } from '@switchboard/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStorage } from './fileStorage';

const folder = mkdtempSync(join(tmpdir(), 'switchboard-centre-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

// A live centre's history in the JSON-lines file: after erasing a customer, the canary is gone
// from the raw bytes of the file (events and snapshots), the centre and the agent's desk.
describe('erasing a live centre’s customer from a file', () => {
  it('leaves the canary nowhere in the raw file', async () => {
    const path = join(folder, 'centre.jsonl');
    const canary = 'CANARY-f11e';
    const clock = createVirtualClock();
    const storage = await createFileStorage({ path });
    const center = createContactCenter({ clock, queues: [{ id: 'support', name: 'Support' }] });
    const history = await openCenterHistory({ center, storage, snapshotEvery: 3 });
    const desk = createDesk({ center, clock, agent: { id: 'ada', name: 'Ada' } });
    center.agentCommand('ada', { type: 'login' });
    const chat = center.openContact({
      channel: 'chat',
      queueId: 'support',
      customer: { id: 'cus-1', name: canary, email: 'grace@example.com' },
      attributes: { reason: 'billing', topic: canary },
    });
    center.contactCommand(chat.id, { type: 'accept', agentId: 'ada' });
    center.contactCommand(chat.id, { type: 'annotate', attributes: { transcript: canary } });
    await history.snapshot();
    expect(readFileSync(path, 'utf8')).toContain(canary);

    await history.eraseCustomer({ customerId: 'cus-1' }, { id: 'root', roles: ['admin'] });
    await history.close();
    const raw = readFileSync(path, 'utf8');
    expect(raw).not.toContain(canary);
    expect(raw).not.toContain('grace@example.com');
    expect(raw).toContain('contact.erased');
    expect(JSON.stringify([center.getSnapshot(), desk.getSnapshot()])).not.toContain(canary);
    await storage.close();
    // Reopened, the stored history replays to the live, erased state.
    const reopened = await createFileStorage({ path });
    const again = await openCenterHistory({ center, storage: reopened, snapshotEvery: 0 });
    expect(await again.replay()).toEqual(center.getSnapshot());
    await again.close();
    await reopened.close();
    await desk.dispose();
    center.dispose();
  });
});
