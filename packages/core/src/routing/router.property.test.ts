/**
 * Properties of the router driven directly, with agents and contacts filed in any interleaving
 * before decisions are asked for (the centre asks after every command, so its properties never
 * leave new contacts unfiled while an agent frees). Checked by brute force over a model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import { agentSchema } from '../model/agent';
import type { Contact } from '../model/contact';
import type { ContactId } from '../model/ids';
import { queueSchema, type SkillRequirement } from '../model/queue';
import { queuedVoiceContact, voiceAgent } from '../../test/routerStates';
import { createRouter } from './router';

const skills = ['a', 'b', 'c'];
const start = Date.UTC(2026, 10, 27, 9);
const never = () => false;
// No ageing: a contact's score is its priority, so the model needs no floating point.
const queue = z.parse(queueSchema, { id: 'q', name: 'Q', agingPerMinute: 0 });

const levelsArb = fc.uniqueArray(
  fc.record({ skill: fc.constantFrom(...skills), proficiency: fc.integer({ min: 1, max: 10 }) }),
  { maxLength: 3, selector: (level) => level.skill },
);
const needsArb = fc.uniqueArray(
  fc.record({ skill: fc.constantFrom(...skills), minProficiency: fc.integer({ min: 1, max: 10 }) }),
  { maxLength: 3, selector: (need) => need.skill },
);

type Step =
  | { kind: 'free'; agent: number }
  | { kind: 'busy'; agent: number }
  | { kind: 'arrive'; priority: number; needs: SkillRequirement[] }
  | { kind: 'decide' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('free' as const), agent: fc.nat(4) }),
  fc.record({ kind: fc.constant('busy' as const), agent: fc.nat(4) }),
  fc.record({
    kind: fc.constant('arrive' as const),
    priority: fc.integer({ min: 0, max: 3 }),
    needs: needsArb,
  }),
  fc.record({ kind: fc.constant('decide' as const) }),
);

const qualifies = (agent: AgentState, contact: Contact) =>
  contact.requiredSkills.every(
    (need) =>
      (agent.profile.skills.find((level) => level.skill === need.skill)?.proficiency ?? 0) >=
      need.minProficiency,
  );

describe('router, filings in any order', () => {
  it('offers only qualified pairs, in the right order, and leaves no match unmade', () => {
    fc.assert(
      fc.property(
        fc.tuple(levelsArb, levelsArb, levelsArb, levelsArb, levelsArb),
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        (profiles, steps) => {
          const router = createRouter({ queues: new Map([[queue.id, queue]]) });
          const agents = profiles.map((levels, index) => {
            const profile = z.parse(agentSchema, {
              id: `agent${index}`,
              name: `Agent ${index}`,
              skills: levels,
            });
            return voiceAgent(profile, start, start, true);
          });
          agents.forEach((agent) => {
            router.fileAgent(agent);
          });
          const waiting: Contact[] = []; // in arrival order
          let now = start;
          let arrivals = 0;

          const decide = () => {
            for (
              let decision = router.next(now, never);
              decision;
              decision = router.next(now, never)
            ) {
              if (decision.kind !== 'offer') throw new Error(`unexpected ${decision.kind}`);
              const slot = agents.findIndex((agent) => agent.profile.id === decision.agentId);
              const agent = agents[slot] as AgentState;
              const contact = waiting.find((candidate) => candidate.id === decision.contactId);
              expect(contact, 'the contact waits').toBeDefined();
              expect(agent.contactIds, 'the agent is free').toEqual([]);
              expect(qualifies(agent, contact as Contact), 'the agent qualifies').toBe(true);
              router.fileContact(
                {
                  ...(contact as Contact),
                  status: 'offered',
                  agentId: agent.profile.id,
                  expiresAt: now + 15_000,
                },
                now,
              );
              const { trigger } = router.explain(decision.contactId, now) as { trigger?: string };
              const free = agents.filter((other) => other.contactIds.length === 0);
              if (trigger === 'contactArrived') {
                // The longest idle qualified free agent, ties to the first registered.
                const best = free
                  .filter((other) => qualifies(other, contact as Contact))
                  .sort((x, y) => x.idleSince - y.idleSince)[0];
                expect(agent.profile.id).toBe(best?.profile.id);
              } else {
                // The best contact the agent qualifies for: priority, then arrival.
                const best = waiting
                  .filter((other) => qualifies(agent, other))
                  .sort((x, y) => y.priority - x.priority)[0];
                expect(contact?.id).toBe(best?.id);
              }
              waiting.splice(waiting.indexOf(contact as Contact), 1);
              agents[slot] = {
                ...agent,
                contactIds: [contact?.id as ContactId],
                load: { ...agent.load, voice: 1 },
              };
              router.fileAgent(agents[slot]);
            }
            // Nothing left undone: no waiting contact has a qualified free agent.
            for (const contact of waiting)
              for (const agent of agents)
                if (agent.contactIds.length === 0)
                  expect(qualifies(agent, contact), `${agent.profile.id} left idle`).toBe(false);
          };

          for (const step of steps) {
            now += 1;
            if (step.kind === 'decide') decide();
            else if (step.kind === 'arrive') {
              const contact = queuedVoiceContact(
                `c${arrivals++}`,
                queue.id,
                now,
                step.priority,
                step.needs,
              );
              waiting.push(contact);
              router.fileContact(contact, now);
            } else {
              const agent = agents[step.agent] as AgentState;
              const free = step.kind === 'free';
              if ((agent.contactIds.length === 0) === free) continue;
              agents[step.agent] = voiceAgent(
                agent.profile,
                start,
                free ? now : agent.idleSince,
                !free,
              );
              router.fileAgent(agents[step.agent] as AgentState);
            }
          }
          decide();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
