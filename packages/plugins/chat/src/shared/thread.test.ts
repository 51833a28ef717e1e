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
  // Back 0 (the next seq) 3 times in 5, else a replay 1 to 6 seqs back.
  const distance = fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) },
  );
  test.prop([fc.array(distance, { maxLength: 60, size: 'max' })])(
    'holds each seq once, in order, as first delivered, whatever replays arrive',
    (backs) => {
      // Deliveries as a resume makes them: the next seq (back 0), or a replay of one already held.
      let thread = emptyThread;
      const first = new Map<number, number>();
      backs.forEach((back, index) => {
        const seq = Math.max(1, lastSeq(thread) + 1 - back);
        if (!first.has(seq)) first.set(seq, index);
        thread = receive(thread, { ...message(seq, 'customer'), at: index }, 'agent');
      });
      expect(thread.messages.map((held) => [held.seq, held.at])).toEqual([...first]);
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
