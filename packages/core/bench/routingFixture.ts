// Data for the routing benchmark: agents with 3-8 of 50 skills, contacts needing 1-3 of them.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { AgentState } from '../src/agent/agentState';
import { agentSchema } from '../src/model/agent';
import type { Contact } from '../src/model/contact';
import type { AgentId } from '../src/model/ids';
import type { Queue } from '../src/model/queue';
import { queueSchema } from '../src/model/queue';
import { queuedVoiceContact, voiceAgent } from '../test/routerStates';
import * as z from 'zod/mini';

export const skillCount = 50;
export const start = Date.UTC(2026, 10, 26, 9);

/** A seeded uniform source. */
export function randomSource(seed: number) {
  const generator = xoroshiro128plus(seed);
  const next = () => uniformFloat64(generator);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const distinct = (count: number, below: number) => {
    const picked = new Set<number>();
    while (picked.size < count) picked.add(int(0, below - 1));
    return [...picked];
  };
  return { next, int, distinct };
}
export type RandomSource = ReturnType<typeof randomSource>;

export const queue: Queue = z.parse(queueSchema, { id: 'main', name: 'Main' });

/** An agent on voice only, with 3-8 skills; busy agents hold one call. */
export function makeAgent(random: RandomSource, index: number, busy: boolean): AgentState {
  const profile = z.parse(agentSchema, {
    id: `agent-${index}`,
    name: `Agent ${index}`,
    skills: random.distinct(random.int(3, 8), skillCount).map((skill) => ({
      skill: `s${skill}`,
      proficiency: random.int(1, 10),
    })),
    capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
  });
  return voiceAgent(profile, start, start + index, busy);
}

/** A queued voice contact needing 1-3 skills at proficiency 1-5, priority 0-9. */
export function makeContact(
  random: RandomSource,
  id: string,
  at: number,
  extraSkill?: string,
): Contact {
  const requiredSkills = random
    .distinct(random.int(1, 3), skillCount)
    .map((skill) => ({ skill: `s${skill}`, minProficiency: random.int(1, 5) }));
  if (extraSkill) requiredSkills.push({ skill: extraSkill, minProficiency: 1 });
  return queuedVoiceContact(id, queue.id, at, random.int(0, 9), requiredSkills);
}

/** The agent after taking `contact`. */
export function takes(agent: AgentState, contact: Contact): AgentState {
  return {
    ...agent,
    contactIds: [contact.id],
    load: { ...agent.load, voice: 1 },
  };
}

/** The agent free again at `at`. */
export function freed(agent: AgentState, at: number): AgentState {
  return { ...agent, contactIds: [], load: { ...agent.load, voice: 0 }, idleSince: at };
}

/** The contact once offered to `agentId`. */
export function offered(contact: Contact, agentId: AgentId, at: number): Contact {
  return { ...contact, status: 'offered', agentId, expiresAt: at + 15_000, since: at };
}
