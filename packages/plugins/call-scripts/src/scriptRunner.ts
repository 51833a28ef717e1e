import type { Unsubscribe } from '@switchboard/core';
import type { Answer } from './answers';
import type { ScriptFacts } from './facts';
import {
  answerRun,
  answersOf,
  backRun,
  canGoBack,
  completionBlocker,
  outstandingSteps,
  startRun,
  stepOf,
  type ScriptRun,
} from './scriptRun';
import type { Script, ScriptStep } from './scriptSchema';

/** A step on a run's path, with its title, for a progress list. */
export interface RunPathEntry {
  /** The step's id. */
  readonly stepId: string;
  /** Its title. */
  readonly title: string;
  /** The answer recorded. */
  readonly answer: Answer;
}

/** What a UI shows of a run. Frozen; a new object after every change. */
export interface ScriptRunView {
  /** The script's id. */
  readonly scriptId: string;
  /** The script's name. */
  readonly scriptName: string;
  /** The step to answer now; `null` once the script reached its end. */
  readonly step: ScriptStep | null;
  /** The steps answered, in order. */
  readonly path: readonly RunPathEntry[];
  /** The latest answer of each answered step. */
  readonly answers: Readonly<Record<string, Answer>>;
  /** Whether the script reached its end. */
  readonly finished: boolean;
  /** Whether the agent can go back a step. */
  readonly canGoBack: boolean;
  /** Required steps still open (unanswered and still reachable). */
  readonly outstanding: readonly ScriptStep[];
  /** Why completing the contact is refused now, or `null` when it is allowed. */
  readonly blocker: string | null;
  /** The run's raw state, for storage. */
  readonly run: ScriptRun;
}

/** Runs one script for one contact: answer, go back, read where it stands. */
export interface ScriptRunner {
  /** The script it runs. */
  readonly script: Script;
  /** The current view. */
  getSnapshot(): ScriptRunView;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /** Records the answer to the current step and moves on. Throws `VALIDATION_FAILED` or `INVALID_TRANSITION`. */
  answer(value?: unknown): ScriptRunView;
  /** Goes back a step. Throws `INVALID_TRANSITION` at the first step. */
  back(): ScriptRunView;
}

/** The view of `run`. */
export function viewRun(script: Script, run: ScriptRun): ScriptRunView {
  const step = run.current === null ? null : (stepOf(script, run.current) ?? null);
  return Object.freeze({
    scriptId: script.id,
    scriptName: script.name,
    step,
    path: run.path.map(({ stepId, answer }) => ({
      stepId,
      title: stepOf(script, stepId)?.title ?? stepId,
      answer,
    })),
    answers: answersOf(run),
    finished: run.current === null,
    canGoBack: canGoBack(run),
    outstanding: outstandingSteps(script, run),
    blocker: completionBlocker(script, run),
    run,
  });
}

/**
 * Creates a {@link ScriptRunner} for one contact, at the first step or resuming `from`.
 *
 * @example
 * ```ts
 * const runner = createScriptRunner(passwordReset, factsOf(contact));
 * runner.answer(true); // identity verified
 * runner.getSnapshot().outstanding; // required steps still ahead
 * ```
 */
export function createScriptRunner(
  script: Script,
  facts: ScriptFacts,
  from?: ScriptRun,
): ScriptRunner {
  let view = viewRun(script, from ?? startRun(script));
  const listeners = new Set<() => void>();
  const move = (run: ScriptRun) => {
    view = viewRun(script, run);
    for (const listener of [...listeners]) listener();
    return view;
  };
  return {
    script,
    getSnapshot: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    answer: (value) => move(answerRun(script, view.run, facts, value)),
    back: () => move(backRun(view.run)),
  };
}
