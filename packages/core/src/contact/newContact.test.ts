import { describe, expect, it } from 'vitest';
import type { ContactId, QueueId } from '../model/ids';
import { evolveContact } from './contactReducer';
import { newContact } from './newContact';

describe('newContact', () => {
  const at = Date.UTC(2026, 0, 5, 9);
  const created = newContact(
    {
      id: 'c1' as ContactId,
      channel: 'chat',
      direction: 'inbound',
      customer: { attributes: {} },
      queueId: 'support' as QueueId,
      priority: 2,
      attributes: { topic: 'billing' },
    },
    at,
  );

  it('opens a created contact held by nobody, every counter at zero', () => {
    expect(created).toEqual({
      id: 'c1',
      channel: 'chat',
      direction: 'inbound',
      customer: { attributes: {} },
      queueId: 'support',
      priority: 2,
      requiredSkills: [],
      attributes: { topic: 'billing' },
      agentId: null,
      lastAgentId: null,
      timestamps: { created: at },
      since: at,
      holdMs: 0,
      heldSince: null,
      offers: 0,
      transfers: 0,
      status: 'created',
    });
  });

  it('has its fields in the order of a contact that entered a later status (one shape for both)', () => {
    const queued = evolveContact(created, {
      type: 'contact.queued',
      at: at + 1,
      contactId: 'c1' as ContactId,
      queueId: 'support' as QueueId,
    });
    expect(Object.keys(created)).toEqual(Object.keys(queued));
  });
});
