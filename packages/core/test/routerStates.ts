// States as the centre files them with the router, for router tests and the routing benchmark.
import type { AgentState } from '../src/agent/agentState';
import { newContact } from '../src/contact/newContact';
import type { Agent } from '../src/model/agent';
import type { Contact } from '../src/model/contact';
import type { ContactId, QueueId } from '../src/model/ids';
import type { SkillRequirement } from '../src/model/queue';

/** A voice contact waiting in `queueId` since `at`. */
export function queuedVoiceContact(
  id: string,
  queueId: QueueId,
  at: number,
  priority: number,
  requiredSkills: SkillRequirement[],
): Contact {
  const contact = newContact(
    {
      id: id as ContactId,
      channel: 'voice',
      direction: 'inbound',
      customer: { attributes: {} },
      queueId,
      priority,
      requiredSkills,
      attributes: {},
    },
    at,
  );
  return { ...contact, status: 'queued', timestamps: { ...contact.timestamps, queued: at } };
}

/** An available agent on voice, idle since `idleSince`; a busy one holds one call. */
export function voiceAgent(
  profile: Agent,
  since: number,
  idleSince: number,
  busy: boolean,
): AgentState {
  return {
    profile,
    presence: { status: 'available' },
    since,
    missedOffers: 0,
    idleSince,
    contactIds: busy ? [`busy-${profile.id}` as ContactId] : [],
    load: { voice: busy ? 1 : 0, chat: 0, email: 0, sms: 0, social: 0 },
  };
}
