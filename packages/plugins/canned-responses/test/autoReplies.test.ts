import { createContactCenter, type ContactCenter } from '@switchboard/core';
import { createKpiEngine } from '@switchboard/core/metrics';
import { createVirtualClock, type VirtualClock } from '@switchboard/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAutoReplies,
  handleTimeFromKpis,
  type AutoReplies,
  type AutoRepliesOptions,
  type OutboundReply,
} from '../src';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

/** A centre whose two agents are each busy with a chat (chat capacity 1). */
function busyCentre(): { clock: VirtualClock; center: ContactCenter } {
  const clock = createVirtualClock();
  const center = createContactCenter({ clock, queues: [{ id: 'support', name: 'Support' }] });
  disposers.push(() => {
    center.dispose();
  });
  for (const id of ['ada', 'bob']) {
    center.registerAgent({
      id,
      name: id,
      capacity: { voice: 1, chat: 1, email: 1, sms: 1, social: 1 },
    });
    center.agentCommand(id, { type: 'login' });
    const chat = center.openContact({ channel: 'chat', queueId: 'support' });
    center.contactCommand(chat.id, { type: 'accept', agentId: id });
  }
  return { clock, center };
}

/** Disposes `replies` after the test. */
function keep(replies: AutoReplies): AutoReplies {
  disposers.push(() => {
    replies.dispose();
  });
  return replies;
}

/**
 * Automated replies whose sender only records what it is given (the channels' side of the port
 * is written elsewhere), disposed after the test.
 */
function recorded(options: Omit<AutoRepliesOptions, 'sender'>) {
  const sent: OutboundReply[] = [];
  const replies = keep(
    createAutoReplies({ ...options, sender: { send: (reply) => void sent.push(reply) } }),
  );
  return { replies, sent };
}

/**
 * The busy centre with recorded automated replies that assume four minutes a chat; `options`
 * add to or override those.
 */
function busyReplies(options: Omit<AutoRepliesOptions, 'sender' | 'center' | 'clock'> = {}) {
  const { center, clock } = busyCentre();
  return { center, clock, ...recorded({ center, clock, handleTimeMs: () => 240_000, ...options }) };
}

/** Texts of only the wait, acknowledged at once and updated every minute. */
const waitOnly = {
  acknowledgement: '{{wait.text}}',
  update: '{{wait.text}}',
  updateEveryMs: 60_000,
};

const texts = (sent: readonly OutboundReply[]) =>
  sent.map((reply) => `${reply.kind}: ${reply.text}`);

describe('createAutoReplies', () => {
  it('acknowledges each new chat at once with its position and expected wait', () => {
    const { center, sent } = busyReplies();
    center.openContact({ channel: 'chat', queueId: 'support', customer: { name: 'Grace Hopper' } });
    center.openContact({ channel: 'chat', queueId: 'support', customer: { name: 'Alan' } });
    center.openContact({ channel: 'chat', queueId: 'support' });
    center.openContact({ channel: 'voice', queueId: 'support' }); // not a channel acknowledged
    // Two agents staffed, 4 minutes a chat: number n waits n × 2 minutes.
    expect(texts(sent)).toEqual([
      'acknowledgement: Hello Grace, thanks for getting in touch. You are number 1 in the queue; the expected wait is about 2 minutes.',
      'acknowledgement: Hello Alan, thanks for getting in touch. You are number 2 in the queue; the expected wait is about 4 minutes.',
      'acknowledgement: Hello there, thanks for getting in touch. You are number 3 in the queue; the expected wait is about 6 minutes.',
    ]);
    expect(sent.every((reply) => reply.channel === 'chat' && reply.subject === undefined)).toBe(
      true,
    );
  });

  it('updates waiting contacts on the clock, stops when one is served, within maxUpdates', () => {
    const { center, clock, replies, sent } = busyReplies({ updateEveryMs: 60_000, maxUpdates: 2 });
    const first = center.openContact({ channel: 'chat', queueId: 'support' });
    const second = center.openContact({ channel: 'chat', queueId: 'support' });
    sent.length = 0;

    clock.advance(60_000);
    expect(texts(sent)).toEqual([
      'waitUpdate: Thanks for waiting. You are now number 1 in the queue; the expected wait is about 2 minutes.',
      'waitUpdate: Thanks for waiting. You are now number 2 in the queue; the expected wait is about 4 minutes.',
    ]);

    // Ada finishes her chat: the first waiting one goes to her and gets no more updates.
    const adaChat = center.getSnapshot().agents.get('ada')?.contactIds[0] ?? '';
    center.contactCommand(adaChat, { type: 'end' });
    center.contactCommand(adaChat, { type: 'complete', disposition: null });
    expect(center.getSnapshot().contacts.get(first.id)?.status).toBe('offered');
    center.contactCommand(first.id, { type: 'accept', agentId: 'ada' });
    sent.length = 0;
    clock.advance(60_000);
    expect(sent.map((reply) => [reply.contactId, reply.text.match(/number (\d)/)?.[1]])).toEqual([
      [second.id, '1'],
    ]);
    clock.advance(10 * 60_000); // two updates were the maximum
    expect(sent).toHaveLength(1);
    expect(replies.getSnapshot().get(second.id)).toMatchObject({ sent: 3, failed: 0 });
  });

  it('counts staffed agents again when an agent logs in or a queue changes its skills', () => {
    const { center, clock, sent } = busyReplies(waitOnly);
    center.openContact({ channel: 'chat', queueId: 'support' });
    // Cy logs in with no chat capacity: staffed, so the estimate shrinks, yet offered nothing.
    center.registerAgent({
      id: 'cy',
      name: 'Cy',
      skills: [{ skill: 'french', proficiency: 5 }],
      capacity: { voice: 1, chat: 0, email: 1, sms: 1, social: 1 },
    });
    center.agentCommand('cy', { type: 'login' });
    clock.advance(60_000);
    // Only Cy speaks French: one staffed agent for the whole queue.
    center.upsertQueue({
      id: 'support',
      name: 'Support',
      requiredSkills: [{ skill: 'french', minProficiency: 1 }],
    });
    clock.advance(60_000);
    expect(texts(sent)).toEqual([
      'acknowledgement: about 2 minutes',
      'waitUpdate: about a minute',
      'waitUpdate: about 4 minutes',
    ]);
  });

  it('keeps an agent on a break staffed and counts again when they log out', () => {
    const { center, clock, sent } = busyReplies(waitOnly);
    // Cy has no chat capacity: staffed (three agents, 80 s), yet never offered the chat.
    center.registerAgent({
      id: 'cy',
      name: 'Cy',
      capacity: { voice: 1, chat: 0, email: 1, sms: 1, social: 1 },
    });
    center.agentCommand('cy', { type: 'login' });
    center.openContact({ channel: 'chat', queueId: 'support' });
    center.agentCommand('cy', { type: 'setNotReady', reason: 'break' });
    clock.advance(60_000);
    center.agentCommand('cy', { type: 'logout' });
    clock.advance(60_000);
    expect(texts(sent)).toEqual([
      'acknowledgement: about a minute',
      'waitUpdate: about a minute',
      'waitUpdate: about 2 minutes',
    ]);
  });

  it('sends email acknowledgements with a subject, using the KPI handle time or the default', () => {
    const clock = createVirtualClock();
    const center = createContactCenter({ clock, queues: [{ id: 'mail', name: 'Mail' }] });
    const kpis = createKpiEngine({ clock });
    const detach = kpis.attach(center);
    disposers.push(detach, () => {
      center.dispose();
    });
    const { sent } = recorded({
      center,
      clock,
      handleTimeMs: handleTimeFromKpis(kpis), // no data yet: the 5-minute default applies
      acknowledgement: 'Ticket received for {{queue.name}}: about {{wait.minutes}} min.',
      queueNames: { mail: 'Billing mail' },
    });
    center.openContact({ channel: 'email', queueId: 'mail', customer: { email: 'g@example.com' } });
    expect(sent).toEqual([
      expect.objectContaining({
        channel: 'email',
        kind: 'acknowledgement',
        subject: 'We have received your message',
        text: 'Ticket received for Billing mail: about 5 min.',
      }),
    ]);
  });

  it('counts sends that fail and texts with missing variables, and goes on', async () => {
    const { center, clock } = busyCentre();
    let calls = 0;
    const replies = createAutoReplies({
      center,
      clock,
      sender: {
        send: () => {
          calls += 1;
          return Promise.reject(new RangeError('channel down'));
        },
      },
      update: 'Still there, {{customer.name}}?',
      updateEveryMs: 60_000,
    });
    keep(replies);
    const chat = center.openContact({ channel: 'chat', queueId: 'support' });
    await Promise.resolve();
    clock.advance(60_000); // the update has no name to fill: not sent
    await Promise.resolve();
    expect(calls).toBe(1);
    expect(replies.getSnapshot().get(chat.id)).toMatchObject({ sent: 1, failed: 2 });
    replies.dispose();
    clock.advance(10 * 60_000);
    expect(calls).toBe(1);
  });
  it('counts a synchronous sender like an asynchronous one: a throw is a failure, a return is sent', async () => {
    const { center, clock } = busyCentre();
    const sent: string[] = [];
    const replies = createAutoReplies({
      center,
      clock,
      sender: {
        send: (reply) => {
          if (reply.kind === 'waitUpdate') throw new RangeError('channel down');
          sent.push(reply.contactId);
        },
      },
      updateEveryMs: 60_000,
    });
    keep(replies);
    const chat = center.openContact({ channel: 'chat', queueId: 'support' });
    clock.advance(60_000);
    await Promise.resolve();
    expect(sent).toEqual([chat.id]);
    // As with a rejected promise, a reply counts as sent when handed over, and as failed too
    // when the sender then throws.
    expect(replies.getSnapshot().get(chat.id)).toMatchObject({ sent: 2, failed: 1 });
    replies.dispose();
  });
});
