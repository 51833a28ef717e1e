// The public API of @switchboard/plugin-redaction: named exports only.
export { redaction } from './redactionPlugin';
export type { RedactionApi, TranscriptMessage, TranscriptRedactor } from './redactionPlugin';
export { redactionConfigSchema, patternRuleSchema } from './redactionConfig';
export type {
  RecorderPort,
  Recording,
  RedactionConfig,
  RedactionConfigInput,
} from './redactionConfig';
export { buildRedactor } from './buildRedactor';
export { pciCardRule, maskCardDigits } from './cardRule';
export { cvvRule } from './cvvRule';
export { ibanRule, isIbanValid } from './ibanRule';
export type {
  Observable,
  PciPause,
  PciPauseReason,
  PciPaused,
  PciResumeReason,
  PciResumed,
  RecordingState,
  RedactionSnapshot,
} from './pciState';
