import { describe, expect, it } from 'vitest';
import { createContactCenter } from '../center/contactCenter';
import { createVirtualClock } from '../testing/virtualClock';
import { createContactThreads, type ContactThread } from './contactThreads';

// The thread store the email and SMS/social inboxes share, on a real embedded centre.
type Thread = ContactThread<string> & { readonly from: string };

function setUp() {
  const center = createContactCenter({
    clock: createVirtualClock(),
    queues: [{ id: 'q', name: 'Q' }],
  });
  const threads = createContactThreads<Thread, string>({ center });
  let changes = 0;
  threads.subscribe(() => (changes += 1));
  const receive = (from: string, key: string, text: string) =>
    threads.receive({
      messageKey: key,
      threadId: `t-${from}`,
      message: text,
      open: (followUpOf) =>
        center.openContact({ channel: 'sms', queueId: 'q', attributes: { followUpOf } }).id,
      start: (contactId) => ({
        id: `t-${from}`,
        from,
        contactId,
        contactIds: [contactId],
        messages: [text],
      }),
    });
  return { center, threads, receive, changes: () => changes };
}

describe('createContactThreads', () => {
  it('opens, joins while the contact is open, reopens once it finished, and spots duplicates', () => {
    const { center, threads, receive, changes } = setUp();
    const first = receive('kim', 'm1', 'hello');
    expect(first.outcome).toBe('opened');
    const snapshot = threads.threads();
    expect(receive('kim', 'm2', 'still there?').outcome).toBe('joined');
    expect(threads.threads()).not.toBe(snapshot);
    expect(threads.threads()).toBe(threads.threads());
    const duplicate = receive('kim', 'm2', 'still there?');
    expect(duplicate).toMatchObject({
      outcome: 'duplicate',
      thread: { messages: ['hello', 'still there?'] },
    });

    center.contactCommand(first.thread.contactId, { type: 'abandon' });
    const reopened = receive('kim', 'm3', 'anyone?');
    expect(reopened.outcome).toBe('reopened');
    expect(reopened.thread.contactIds).toEqual([first.thread.contactId, reopened.thread.contactId]);
    expect(center.getSnapshot().contacts.get(reopened.thread.contactId)?.attributes).toEqual({
      followUpOf: first.thread.contactId,
    });
    expect(threads.threadOf(first.thread.contactId)?.id).toBe('t-kim');
    expect(threads.threadOfMessage('m1')?.messages).toHaveLength(3);
    expect(threads.recordSent(reopened.thread.contactId, 'on it', 's1')).toBe(true);
    expect(threads.recordSent('nobody', 'lost', 's2')).toBe(false);
    expect(threads.threadOf(reopened.thread.contactId)?.messages.at(-1)).toBe('on it');
    expect(changes()).toBe(4);
  });
});
