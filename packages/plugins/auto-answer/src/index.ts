// The public API of @switchboard/plugin-auto-answer: named exports only.
export { autoAnswer } from './autoAnswerPlugin';
export type { AutoAnswerApi } from './autoAnswerPlugin';
export { autoAnswerConfigSchema } from './autoAnswerConfig';
export type {
  AutoAnswerConfig,
  AutoAnswerConfigInput,
  CallbackCall,
  CallbackCenter,
  CallbackQuestion,
  CallbackReply,
} from './autoAnswerConfig';
export type {
  AutoAccepted,
  AutoAnswerSnapshot,
  CallbackChanged,
  CallbackEntry,
  CallbackStatus,
  PendingAnswer,
  WhisperTone,
} from './autoAnswerState';
