/**
 * Properties of the script runner over random answer sequences (and going back), on the four
 * standard scripts and on random well-formed scripts: it never reaches a step that does not
 * exist, and a run whose required steps are all done can never meet an unanswered required step.
 */
import { isSwitchboardError } from '@switchboard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersOf,
  createScriptRunner,
  defineScript,
  endOfScript,
  standardScripts,
  type Script,
  type ScriptFacts,
  type ScriptInput,
} from '../src';

const facts = (tier: string): ScriptFacts => ({
  contact: {
    id: 'c',
    channel: 'chat',
    direction: 'inbound',
    queueId: 'q',
    priority: 0,
    attributes: {},
  },
  customer: { attributes: { tier } },
});

/** Answers that fit some step or other, and some that fit none. */
const pool: unknown[] = [true, false, 'ORD-12345', 'a@b.co', 'text', 7, -3, '', 'nope', undefined];

type Move = { kind: 'answer'; pick: number } | { kind: 'back' };
const moves = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.nat().map((pick): Move => ({ kind: 'answer', pick })) },
    { weight: 1, arbitrary: fc.constant<Move>({ kind: 'back' }) },
  ),
  // Up to 40 moves (fast-check's default size would stop at 10).
  { maxLength: 40, size: 'max' },
);

/** The value a move answers with: one of the step's options, or something from the pool. */
function valueFor(script: Script, stepId: string | null, pick: number): unknown {
  const step = script.steps.find((candidate) => candidate.id === stepId);
  const options =
    step?.input.kind === 'choice' ? step.input.options.map((option) => option.value) : [];
  const values = [...options, ...pool];
  return values[pick % values.length];
}

/** Plays the moves; checks the invariants after each one. */
function play(script: Script, tier: string, list: readonly Move[]): void {
  const ids = new Set(script.steps.map((step) => step.id));
  const runner = createScriptRunner(script, facts(tier));
  let gateOpenedWith: Set<string> | null = null;
  for (const move of list) {
    const before = runner.getSnapshot();
    try {
      if (move.kind === 'back') runner.back();
      else runner.answer(valueFor(script, before.step?.id ?? null, move.pick));
    } catch (error) {
      expect(isSwitchboardError(error)).toBe(true);
      expect(runner.getSnapshot()).toBe(before); // a refused move changes nothing
      continue;
    }
    const view = runner.getSnapshot();
    // Never an undefined step: either the end, or a step of the script.
    expect(view.step === null || ids.has(view.step.id)).toBe(true);
    expect(view.run.current === null || ids.has(view.run.current)).toBe(true);
    expect(view.finished).toBe(view.step === null);
    // Outstanding steps are required, unanswered ones.
    const answers = answersOf(view.run);
    for (const step of view.outstanding) {
      expect(step.required && !(step.id in answers)).toBe(true);
    }
    // Under the `required` policy, the gate is closed exactly while something is outstanding.
    expect(view.blocker === null).toBe(
      view.outstanding.length === 0 || script.completion === 'free',
    );
    if (move.kind === 'back') {
      gateOpenedWith = null; // going back may reopen required steps
      continue;
    }
    // Once the gate opened, moving forward never meets an unanswered required step.
    if (gateOpenedWith && view.path.length > 0) {
      const entered = view.path.at(-1)?.stepId ?? '';
      const step = script.steps.find((candidate) => candidate.id === entered);
      expect(step?.required && !gateOpenedWith.has(entered)).toBeFalsy();
    }
    if (view.outstanding.length === 0 && gateOpenedWith === null) {
      gateOpenedWith = new Set(view.path.map((entry) => entry.stepId));
    }
  }
}

describe('the script runner, over random answers', () => {
  it('keeps the standard scripts on defined steps and gates completion on required steps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...standardScripts),
        fc.constantFrom('gold', 'silver'),
        moves,
        (script, tier, list) => {
          play(script, tier, list);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('does the same on random well-formed scripts, loops included', () => {
    const randomScript = fc
      .integer({ min: 1, max: 8 })
      .chain((size) => {
        const ids = Array.from({ length: size }, (_, index) => `s${index}`);
        const target = fc.constantFrom(...ids, endOfScript);
        const step = (id: string) =>
          fc.record({
            id: fc.constant(id),
            title: fc.constant(id.toUpperCase()),
            prompt: fc.constant(`Step ${id}`),
            required: fc.boolean(),
            input: fc.constantFrom(
              { kind: 'info' as const },
              { kind: 'confirm' as const },
              {
                kind: 'choice' as const,
                options: [
                  { value: 'x', label: 'X' },
                  { value: 'y', label: 'Y' },
                ],
              },
            ),
            branches: fc.array(
              fc.record({
                when: fc.constantFrom(
                  { fact: 'answer', equals: true },
                  { fact: 'answer', equals: 'x' },
                  { fact: 'customer.attributes.tier', equals: 'gold' },
                ),
                goto: target,
              }),
              { maxLength: 2 },
            ),
            next: fc.option(target, { nil: undefined }),
          });
        return fc.tuple(...ids.map(step));
      })
      .map((steps) => defineScript({ id: 'random', name: 'Random', steps } as ScriptInput));
    fc.assert(
      fc.property(randomScript, fc.constantFrom('gold', 'silver'), moves, (script, tier, list) => {
        play(script, tier, list);
      }),
      { numRuns: 400 },
    );
  });
});
