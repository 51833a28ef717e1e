import type { Unsubscribe } from '@switchboard/core';
import type { Answer } from './answers';
import type { ScriptRun } from './scriptRun';
import type { ScriptRunView } from './scriptRunner';
import type { Script } from './scriptSchema';

/** The plugin's state: the run of each contact in the agent's hands. Frozen. */
export interface CallScriptsSnapshot {
  /** Runs by contact id. */
  readonly runs: ReadonlyMap<string, ScriptRunView>;
}

/** What the plugin offers the host and other plugins: `desk.plugin('callScripts')`. */
export interface CallScriptsApi {
  /** The scripts loaded. */
  scripts(): readonly Script[];
  /** The runs now. */
  getSnapshot(): CallScriptsSnapshot;
  /** Calls `listener` after every change. */
  subscribe(listener: () => void): Unsubscribe;
  /** The run of a contact, if it has one. */
  run(contactId: string): ScriptRunView | undefined;
  /** Starts (or restarts) `scriptId` for a contact the agent holds. */
  start(contactId: string, scriptId: string): ScriptRunView;
  /** Records the answer to the current step and moves on (`VALIDATION_FAILED` if it does not fit). */
  answer(contactId: string, value?: unknown): ScriptRunView;
  /** Goes back a step (`INVALID_TRANSITION` at the first one). */
  back(contactId: string): ScriptRunView;
  /** The run stored for a contact (kept after completion), from the plugin's storage. */
  stored(contactId: string): Promise<ScriptRun | undefined>;
}

/** Payload of `callScripts.started`. */
export interface ScriptStarted {
  /** The contact. */
  readonly contactId: string;
  /** The script. */
  readonly scriptId: string;
  /** When (ms since epoch). */
  readonly at: number;
}

/** Payload of `callScripts.stepAnswered`. */
export interface ScriptStepAnswered extends ScriptStarted {
  /** The step answered. */
  readonly stepId: string;
  /** The answer recorded. */
  readonly answer: Answer;
  /** The step now current; `null` when the script ended. */
  readonly nextStepId: string | null;
}

/** Payload of `callScripts.wentBack`. */
export interface ScriptWentBack extends ScriptStarted {
  /** The step current again. */
  readonly stepId: string;
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** `@switchboard/plugin-call-scripts`. */
    callScripts: CallScriptsApi;
  }
  interface SwitchboardEvents {
    /** A script started for a contact. */
    'callScripts.started': ScriptStarted;
    /** The agent answered a step. */
    'callScripts.stepAnswered': ScriptStepAnswered;
    /** The agent went back a step. */
    'callScripts.wentBack': ScriptWentBack;
    /** A script reached its end. */
    'callScripts.finished': ScriptStarted;
  }
}
