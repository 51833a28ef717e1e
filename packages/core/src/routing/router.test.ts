import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import { newContact } from '../contact/newContact';
import { agentSchema } from '../model/agent';
import type { Contact } from '../model/contact';
import type { AgentId, ContactId } from '../model/ids';
import { queueSchema } from '../model/queue';
import { createRouter } from './router';

const at = Date.UTC(2026, 10, 27, 9);
const never = () => false;
const queue = z.parse(queueSchema, { id: 'support', name: 'Support' });

function agent(id: string, free: boolean): AgentState {
  const profile = z.parse(agentSchema, { id, name: id, skills: [{ skill: 'a', proficiency: 5 }] });
  return {
    profile,
    presence: { status: 'available' },
    since: at,
    missedOffers: 0,
    idleSince: at,
    contactIds: free ? [] : ['busy' as ContactId],
    load: { voice: free ? 0 : 1, chat: 0, email: 0, sms: 0, social: 0 },
  };
}

function waiting(id: string, priority: number, minProficiency = 1): Contact {
  const contact = newContact(
    {
      id: id as ContactId,
      channel: 'voice',
      direction: 'inbound',
      customer: { attributes: {} },
      queueId: queue.id,
      priority,
      requiredSkills: [{ skill: 'a', minProficiency }],
      attributes: {},
    },
    at,
  );
  return { ...contact, status: 'queued', timestamps: { ...contact.timestamps, queued: at } };
}

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
    const expert = z.parse(agentSchema, {
      id: 'bob',
      name: 'bob',
      skills: [{ skill: 'a', proficiency: 9 }],
    });
    router.fileAgent({ ...agent('bob', true), profile: expert });
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
    router.fileAgent({ ...agent('bob', false), profile: expert });
    expect(router.next(at, never)).toEqual({ kind: 'offer', contactId: 'easy', agentId: 'ada' });
  });
});
