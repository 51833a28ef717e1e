import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { ChatMessage } from '../protocol/message';
import { emptyThread, enqueue, lastSeq, receive, unreadCount } from './thread';

const message = (seq: number, from: ChatMessage['from'], clientId?: string): ChatMessage => ({
  seq,
  from,
  text: `m${seq}`,
  attachments: [],
  at: seq,
  ...(clientId ? { clientId } : {}),
});

describe('thread', () => {
  test.prop([fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 200 })])(
    'holds each seq once, in order, whatever replays arrive',
    (arrivals) => {
      // Deliveries as a resume makes them: the next seq, or a replay of one already held.
      let thread = emptyThread;
      for (const seq of arrivals) {
        thread = receive(thread, message(Math.min(seq, lastSeq(thread) + 1), 'customer'), 'agent');
      }
      const seqs = thread.messages.map((held) => held.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    },
  );

  test('clears a pending message when its echo arrives, and counts unread from the other side', () => {
    let thread = enqueue(emptyThread, { clientId: 'a', text: 'hi', attachments: [] });
    thread = receive(thread, message(1, 'customer'), 'agent');
    thread = receive(thread, message(2, 'agent', 'a'), 'agent');
    thread = receive(thread, message(3, 'customer'), 'agent');
    expect(thread.pending).toEqual([]);
    expect(unreadCount(thread, 0, 'agent')).toBe(2);
    expect(unreadCount(thread, 2, 'agent')).toBe(1);
  });
});
