// The public API of `@switchboard/core/privacy`: redaction of personal data and customer
// verification. A separate entry point, so the main entry's bundle does not grow. Named exports only.
export { createRedactor } from './createRedactor';
export { defineRedactionRule } from './defineRedactionRule';
export type { RedactionRuleDefinition } from './defineRedactionRule';
export type {
  RedactionFinding,
  RedactionRange,
  RedactionResult,
  RedactionRule,
  Redactor,
  RedactorOptions,
} from './redactionTypes';
export { cardNumberRule } from './cardNumberRule';
export { isLuhnValid } from './numberRun';
export { emailRule } from './emailRule';
export { phoneRule } from './phoneRule';
export { frNirRule, nationalIdRules, ukNinoRule, usSsnRule } from './nationalIdRules';
export { defaultRedactionRules } from './defaultRedactionRules';
export { createVerificationRegistry } from './verificationRegistry';
export type {
  VerificationRegistry,
  VerificationRegistryOptions,
  VerificationStatus,
  Verified,
  VerifyInput,
} from './verificationRegistry';
export { defineVerificationPlugin, requireVerification } from './verificationGuard';
export type {
  RequireVerificationOptions,
  VerificationGuardOptions,
  VerificationPluginOptions,
} from './verificationGuard';
export { callTargetSchema, callingPolicyOptionsSchema, createCallingPolicy } from './callingPolicy';
export type {
  CallDecision,
  CallTarget,
  CallingPolicy,
  CallingPolicyOptions,
} from './callingPolicy';
