import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import { agentSchema } from '../model/agent';
import type { AgentId, ContactId } from '../model/ids';
import { queueSchema } from '../model/queue';
import { queuedVoiceContact, voiceAgent } from '../../test/routerStates';
import { createRouter } from './router';

const at = Date.UTC(2026, 10, 27, 9);
const never = () => false;
const queue = z.parse(queueSchema, { id: 'support', name: 'Support' });

const agent = (id: string, free: boolean, proficiency = 5): AgentState =>
  voiceAgent(
    z.parse(agentSchema, { id, name: id, skills: [{ skill: 'a', proficiency }] }),
    at,
    at,
    !free,
  );

const waiting = (id: string, priority: number, minProficiency = 1) =>
  queuedVoiceContact(id, queue.id, at, priority, [{ skill: 'a', minProficiency }]);

describe('contacts routed before they are filed', () => {
  it('an agent freed together with new arrivals gets the best of them, not the first', () => {
    const router = createRouter({ queues: new Map([[queue.id, queue]]) });
    router.fileAgent(agent('ada', false));
    router.fileContact(waiting('low', 1), at);
    router.fileContact(waiting('high', 7), at);
    router.fileAgent(agent('ada', true));
    expect(router.next(at, never)).toEqual({ kind: 'offer', contactId: 'high', agentId: 'ada' });
  });

  it('a new contact no free agent qualifies for waits, and the next agent to free finds it', () => {
    const router = createRouter({ queues: new Map([[queue.id, queue]]) });
    router.fileAgent(agent('ada', true));
    router.fileContact(waiting('hard', 3, 9), at);
    expect(router.next(at, never)).toBeNull();
    expect(router.explain('hard' as ContactId, at)).toMatchObject({
      status: 'waiting',
      reason: 'noQualifiedAgentFree',
      ahead: 0,
    });
    router.fileContact(waiting('easy', 1), at);
    router.fileAgent(agent('bob', true, 9));
    expect(router.next(at, never)).toEqual({ kind: 'offer', contactId: 'hard', agentId: 'bob' });
    router.fileContact(
      {
        ...waiting('hard', 3, 9),
        status: 'offered',
        agentId: 'bob' as AgentId,
        expiresAt: at + 15_000,
      },
      at,
    );
    router.fileAgent(agent('bob', false, 9));
    expect(router.next(at, never)).toEqual({ kind: 'offer', contactId: 'easy', agentId: 'ada' });
  });
});

describe('classes with more skills than the trie keys', () => {
  const skilled = (id: string, free: boolean, skills: string[]) =>
    voiceAgent(
      z.parse(agentSchema, {
        id,
        name: id,
        skills: skills.map((skill) => ({ skill, proficiency: 5 })),
      }),
      at,
      at,
      !free,
    );
  const needs = (skills: string[]) =>
    queuedVoiceContact(
      'wide',
      queue.id,
      at,
      1,
      skills.map((skill) => ({ skill, minProficiency: 1 })),
    );

  it('a freed agent lacking a skill past the first three is not offered the contact', () => {
    const router = createRouter({ queues: new Map([[queue.id, queue]]) });
    router.fileAgent(skilled('ada', false, ['a', 'b', 'c']));
    router.fileContact(needs(['a', 'b', 'c', 'd']), at);
    expect(router.next(at, never)).toBeNull();
    router.fileAgent(skilled('ada', true, ['a', 'b', 'c']));
    expect(router.next(at, never)).toBeNull();
    router.fileAgent(skilled('bob', true, ['a', 'b', 'c', 'd']));
    expect(router.next(at, never)).toEqual({ kind: 'offer', contactId: 'wide', agentId: 'bob' });
  });
});
