import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { queueSchema } from '../model/queue';
import { queuedVoiceContact } from '../../test/routerStates';
import { requirementsOf, SkillCodes } from './routingClass';

const queue = z.parse(queueSchema, {
  id: 'q',
  name: 'Q',
  requiredSkills: [
    { skill: 'billing', minProficiency: 3 },
    { skill: 'french', minProficiency: 2 },
  ],
});
const contact = (id: string) =>
  queuedVoiceContact(id, queue.id, 0, 0, [{ skill: 'billing', minProficiency: 5 }]);

describe('requirementsOf', () => {
  it('merges the queue and the contact by skill code, the higher minimum winning', () => {
    const skills = new SkillCodes();
    const merged = requirementsOf(contact('c1'), queue, undefined, skills);
    expect(merged).toEqual([
      { code: skills.code('billing'), min: 5 },
      { code: skills.code('french'), min: 2 },
    ]);
    expect(requirementsOf(contact('c2'), queue, 1, skills)).toEqual([
      { code: 0, min: 1 },
      { code: 1, min: 1 },
    ]);
  });

  it('gives contacts with the same needs the same requirement objects', () => {
    const skills = new SkillCodes();
    const first = requirementsOf(contact('c1'), queue, undefined, skills);
    const second = requirementsOf(contact('c2'), queue, undefined, skills);
    expect(second).not.toBe(first);
    for (const [i, requirement] of second.entries()) expect(requirement).toBe(first[i]);
    expect(skills.requirement(0, 4)).not.toBe(skills.requirement(0, 5));
    expect(skills.requirement(1, 4)).toEqual({ code: 1, min: 4 });
    // A level outside 1 to 10 (no schema allows it) still comes back as asked.
    expect(skills.requirement(0, 2.5)).toEqual({ code: 0, min: 2.5 });
  });
});
