import * as z from 'zod/mini';
import { functionSchema } from '../portSchemas';
import { parseInput } from '../validation';
import { defaultRedactionRules } from './defaultRedactionRules';
import { redactFields } from './redactFields';
import { redactText } from './redactText';
import type { RedactionRule, Redactor, RedactorOptions } from './redactionTypes';

const ruleSchema = z.object({
  name: z.string().check(z.minLength(1)),
  find: functionSchema<RedactionRule['find']>('a find function'),
});

const optionsSchema = z.object({
  rules: z.optional(z.array(ruleSchema)),
  replacement: z.optional(z.string()),
});

/**
 * Creates a {@link Redactor}: the pipeline that masks personal data in notes and transcripts
 * before they are stored or sent. Overlapping findings are merged, and redaction is idempotent
 * for rules that never match their own masks (the built-in ones do not).
 *
 * @example
 * ```ts
 * const redactor = createRedactor();
 * redactor.redact('Card 4242 4242 4242 4242, mail ada@example.com').text;
 * // 'Card **** **** **** 4242, mail [redacted]'
 * ```
 * @throws `SwitchboardError` `VALIDATION_FAILED` when the options are malformed.
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  parseInput(optionsSchema, options, 'redactor options');
  const rules = Object.freeze([...(options.rules ?? defaultRedactionRules)]);
  const replacement = options.replacement ?? '[redacted]';
  const redact = (text: string) => redactText(rules, replacement, text);
  return Object.freeze({
    rules,
    redact,
    redactFields: <T>(value: T, paths?: readonly string[]) =>
      redactFields(value, (text) => redact(text).text, paths),
    withRule: (rule: RedactionRule) => createRedactor({ rules: [...rules, rule], replacement }),
  });
}
