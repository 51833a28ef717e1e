import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { agentSchema } from '../model/agent';
import { voiceAgent } from '../../test/routerStates';
import { AgentIndex } from './agentIndex';
import { channelBit, SkillCodes } from './routingClass';

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
});
