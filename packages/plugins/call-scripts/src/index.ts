// The public API of @switchboard/plugin-call-scripts. Named exports only.
export { callScripts, callScriptsConfigSchema } from './callScripts';
export type { CallScriptsConfig } from './callScripts';
export type {
  CallScriptsApi,
  CallScriptsSnapshot,
  ScriptStarted,
  ScriptStepAnswered,
  ScriptWentBack,
} from './callScriptsTypes';
export { defineScript } from './defineScript';
export {
  branchSchema,
  completionPolicySchema,
  conditionSchema,
  endOfScript,
  scriptSchema,
  scriptStepSchema,
  stepInputSchema,
} from './scriptSchema';
export type {
  Branch,
  CompletionPolicy,
  Condition,
  Script,
  ScriptInput,
  ScriptStep,
  StepInput,
} from './scriptSchema';
export { checkAnswer } from './answers';
export type { Answer } from './answers';
export { factsOf } from './facts';
export type { ScriptFacts } from './facts';
export {
  answerRun,
  answersOf,
  backRun,
  canGoBack,
  completionBlocker,
  outstandingSteps,
  startRun,
} from './scriptRun';
export type { AnsweredStep, ScriptRun } from './scriptRun';
export { createScriptRunner, viewRun } from './scriptRunner';
export type { RunPathEntry, ScriptRunner, ScriptRunView } from './scriptRunner';
export { assignScript, scriptAssignmentSchema } from './assignment';
export type { ScriptAssignment } from './assignment';
export {
  callScriptNoteTemplate,
  noteFieldsOf,
  notesPortSchema,
  scriptNoteFieldsSchema,
} from './scriptNote';
export type { NotesPort, ScriptNoteFields } from './scriptNote';
export {
  accountActivation,
  orderInquiry,
  passwordReset,
  standardScripts,
  technicalSupport,
} from './scripts';
