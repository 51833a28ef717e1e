import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import { agentSchema } from '../model/agent';
import { voiceAgent } from '../../test/routerStates';
import { AgentIndex } from './agentIndex';
import { channelBit, SkillCodes, type CodedRequirement } from './routingClass';

const skillNames = ['a', 'b', 'c', 'd'];
/** One of a run's skill sets. */
const levelsArb = fc.uniqueArray(
  fc.record({
    skill: fc.constantFrom(...skillNames),
    proficiency: fc.integer({ min: 1, max: 10 }),
  }),
  { maxLength: 3, selector: (level) => level.skill },
);
/** An agent's state as filed: its skills, whether it is free, and since when it is idle. */
const filingArb = fc.record({
  agent: fc.nat({ max: 119 }),
  // One of the run's skill sets: the same choice files the same profile object again.
  skillSet: fc.nat({ max: 2 }),
  free: fc.boolean(),
  // Few distinct times, so that ties between idle times are common.
  idleSince: fc.integer({ min: 0, max: 5 }),
});
const requirementsArb = fc.uniqueArray(
  fc.record({ skill: fc.constantFrom(...skillNames), min: fc.integer({ min: 1, max: 10 }) }),
  { maxLength: 2, selector: (need) => need.skill },
);

describe('AgentIndex', () => {
  it('keeps every agent in its sets while slots and skill codes outgrow the rows', () => {
    const skills = new SkillCodes();
    const index = new AgentIndex(skills);
    const start = Date.UTC(2026, 10, 27, 9);
    // Agents arrive one by one; every seventh brings a skill nobody had, so the rows grow in both
    // directions (more slots, more codes) between filings.
    const levelOf = (agent: number, skill: number) => ((agent + skill) % 10) + 1;
    for (let agent = 0; agent < 150; agent += 1) {
      const newest = Math.floor(agent / 7);
      const profile = z.parse(agentSchema, {
        id: `agent${agent}`,
        name: `Agent ${agent}`,
        skills: [0, newest]
          .filter((skill, i, all) => all.indexOf(skill) === i)
          .map((skill) => ({ skill: `s${skill}`, proficiency: levelOf(agent, skill) })),
      });
      index.file(voiceAgent(profile, start, start, agent % 3 === 0));
    }
    const voice = channelBit('voice');
    for (const skill of [0, 5, 21]) {
      for (const min of [1, 4, 10]) {
        const expected: number[] = [];
        for (let agent = 0; agent < 150; agent += 1) {
          const has = skill === 0 || Math.floor(agent / 7) === skill;
          if (agent % 3 !== 0 && has && levelOf(agent, skill) >= min) expected.push(agent);
        }
        const count = index.qualified(voice, [{ code: skills.code(`s${skill}`), min }]);
        expect([...index.found.subarray(0, count)], `s${skill} >= ${min}`).toEqual(expected);
      }
    }
    expect(index.qualified(voice, [])).toBe(100);
  });

  it('finds the longest idle qualified agent, ties to the lower slot, through any filings', () => {
    fc.assert(
      fc.property(
        fc.array(levelsArb, { minLength: 3, maxLength: 3 }),
        fc.array(filingArb, { minLength: 1, maxLength: 400 }),
        fc.array(requirementsArb, { minLength: 1, maxLength: 8 }),
        (skillSets, filings, searches) => {
          const skills = new SkillCodes();
          const index = new AgentIndex(skills);
          const filed = new Map<number, AgentState>();
          const profiles = new Map<string, z.infer<typeof agentSchema>>();
          for (const { agent, skillSet, free, idleSince } of filings) {
            const key = `${agent}:${skillSet}`;
            const profile =
              profiles.get(key) ??
              z.parse(agentSchema, {
                id: `agent${agent}`,
                name: `Agent ${agent}`,
                skills: skillSets[skillSet],
              });
            profiles.set(key, profile);
            const state = voiceAgent(profile, 0, idleSince, !free);
            index.file(state);
            filed.set(agent, state);
          }
          for (const needs of searches) {
            const requirements: CodedRequirement[] = needs.map((need) => ({
              code: skills.code(need.skill),
              min: need.min,
            }));
            const qualified = [...filed.values()].filter(
              (state) =>
                state.contactIds.length === 0 &&
                needs.every(
                  (need) =>
                    (state.profile.skills.find((level) => level.skill === need.skill)
                      ?.proficiency ?? 0) >= need.min,
                ),
            );
            const slotOf = (state: AgentState) => index.agents.get(state.profile.id)?.slot ?? -1;
            const best = qualified.sort(
              (x, y) => x.idleSince - y.idleSince || slotOf(x) - slotOf(y),
            )[0];
            const count = index.longestIdle(channelBit('voice'), requirements);
            expect(count).toBe(qualified.length);
            if (best) expect(index.found[0]).toBe(slotOf(best));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
