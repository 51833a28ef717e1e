import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { isSwitchboardError } from '../errors';
import { createVirtualClock } from '../testing/virtualClock';
import { createDesk } from './createDesk';

/** The error `run` throws, as `{ code, message, details }`. */
function failureOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!isSwitchboardError(error)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
  throw new Error('expected a SwitchboardError');
}

// A desk's embedded centre leaves the IVR menu schema and runner out of its bundle (see
// docs/core.md#bundle-size); it must answer IVR calls exactly as a full centre without menus does.
describe("a desk's embedded centre", () => {
  it('answers startIvr and answerIvr as createContactCenter without menus', () => {
    const clock = createVirtualClock();
    const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock });
    const full = createContactCenter({ clock, queues: [{ id: 'default', name: 'Default' }] });
    const contact = { id: 'c1', channel: 'voice' as const };
    desk.center.openContact(contact);
    full.openContact(contact);

    for (const center of [desk.center, full]) {
      expect(failureOf(() => center.startIvr('c1', 'main'))).toEqual({
        code: 'NOT_FOUND',
        message: 'No IVR menu "main".',
        details: { menuId: 'main' },
      });
      expect(failureOf(() => center.answerIvr('c1', '1'))).toEqual({
        code: 'INVALID_TRANSITION',
        message: 'Contact c1 is in no IVR menu.',
        details: { contactId: 'c1' },
      });
      expect(failureOf(() => center.startIvr('nobody', 'main')).code).toBe('NOT_FOUND');
      expect(center.getSnapshot().contacts.get('c1')?.status).toBe('created');
    }
  });

  it('routes, offers and times offers out as a full centre does', async () => {
    const run = async (full: boolean) => {
      const clock = createVirtualClock();
      const center = full
        ? createContactCenter({ clock, queues: [{ id: 'default', name: 'Default' }] })
        : undefined;
      const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, clock, center });
      const seen: string[] = [];
      desk.events.onAny((name) => seen.push(name));
      await desk.login();
      desk.center.openContact({ id: 'c1', channel: 'chat', queueId: 'default' });
      clock.advance(15_000);
      clock.advance(15_000);
      return { seen, snapshot: desk.getSnapshot() };
    };
    const embedded = await run(false);
    expect(embedded.seen).toContain('contact.missed');
    expect(embedded).toEqual(await run(true));
  });
});
