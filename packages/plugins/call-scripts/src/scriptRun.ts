import { SwitchboardError } from '@switchboard/core';
import { checkAnswer, type Answer } from './answers';
import { holds, type ScriptFacts } from './facts';
import { endOfScript, stepTargets, type Script, type ScriptStep } from './scriptSchema';

/** One answered step of a run. */
export interface AnsweredStep {
  /** The step. */
  readonly stepId: string;
  /** What was recorded. */
  readonly answer: Answer;
}

/** Where a contact is in a script: plain, JSON-serialisable data (it is what gets stored). */
export interface ScriptRun {
  /** The script's id. */
  readonly scriptId: string;
  /** The steps answered, in order; going back removes the last one. */
  readonly path: readonly AnsweredStep[];
  /** The step to answer now; `null` once the script reached its end. */
  readonly current: string | null;
}

/** A new run at the script's first step. */
export function startRun(script: Script): ScriptRun {
  return { scriptId: script.id, path: [], current: script.steps[0]?.id ?? null };
}

/** The latest answer of each step on the run's path. */
export function answersOf(run: ScriptRun): Readonly<Record<string, Answer>> {
  const answers: Record<string, Answer> = {};
  for (const { stepId, answer } of run.path) answers[stepId] = answer;
  return answers;
}

/** The step `id` of `script`. */
export function stepOf(script: Script, id: string): ScriptStep | undefined {
  return script.steps.find((step) => step.id === id);
}

/**
 * Records `value` as the answer to the run's current step and moves to the step its branches
 * choose. Pure: returns a new run.
 *
 * @throws `SwitchboardError` `INVALID_TRANSITION` once the script ended;
 * `VALIDATION_FAILED` when the value does not fit the step.
 */
export function answerRun(
  script: Script,
  run: ScriptRun,
  facts: ScriptFacts,
  value: unknown,
): ScriptRun {
  const index = script.steps.findIndex((step) => step.id === run.current);
  const step = script.steps[index];
  if (!step) {
    throw new SwitchboardError('INVALID_TRANSITION', `Script "${script.id}" has ended.`, {
      details: { scriptId: script.id },
    });
  }
  const answer = checkAnswer(step, value);
  const answers = { ...answersOf(run), [step.id]: answer };
  const branch = step.branches.find(({ when }) =>
    (Array.isArray(when) ? when : [when]).every((condition) =>
      holds(condition, facts, answers, answer),
    ),
  );
  const target = branch?.goto ?? step.next ?? script.steps[index + 1]?.id ?? endOfScript;
  return {
    scriptId: run.scriptId,
    path: [...run.path, { stepId: step.id, answer }],
    current: target === endOfScript ? null : target,
  };
}

/** Whether the agent can go back a step. */
export function canGoBack(run: ScriptRun): boolean {
  return run.path.length > 0;
}

/**
 * Goes back to the previous step; its answer is dropped, to be given again. Pure.
 *
 * @throws `SwitchboardError` `INVALID_TRANSITION` at the first step.
 */
export function backRun(run: ScriptRun): ScriptRun {
  const last = run.path.at(-1);
  if (!last) {
    throw new SwitchboardError('INVALID_TRANSITION', 'Already at the first step.', {
      details: { scriptId: run.scriptId },
    });
  }
  return { scriptId: run.scriptId, path: run.path.slice(0, -1), current: last.stepId };
}

/**
 * The required steps still open: not answered on the run's path and reachable from its current
 * step (the current one included), whatever the answers to come. Empty once the script ended.
 */
export function outstandingSteps(script: Script, run: ScriptRun): ScriptStep[] {
  if (run.current === null) return [];
  const answered = new Set(run.path.map((entry) => entry.stepId));
  const seen = new Set<string>([run.current]);
  const queue = [run.current];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const index = script.steps.findIndex((step) => step.id === id);
    for (const target of stepTargets(script, index)) {
      if (target !== endOfScript && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return script.steps.filter(
    (step) => step.required && seen.has(step.id) && !answered.has(step.id),
  );
}

/** Why the contact may not be completed yet under the script's policy, or `null` when it may. */
export function completionBlocker(script: Script, run: ScriptRun): string | null {
  if (script.completion === 'free') return null;
  if (script.completion === 'finished') {
    return run.current === null ? null : `Script "${script.name}" is not finished.`;
  }
  const open = outstandingSteps(script, run);
  return open.length === 0
    ? null
    : `Script "${script.name}" has required steps open: ${open.map((step) => step.title).join(', ')}.`;
}
