import {
  createRedactor,
  defineRedactionRule,
  emailRule,
  nationalIdRules,
  phoneRule,
  type RedactionRule,
  type Redactor,
} from '@switchboard/core/privacy';
import { pciCardRule } from './cardRule';
import { cvvRule } from './cvvRule';
import { ibanRule } from './ibanRule';
import type { RedactionConfig } from './redactionConfig';

/**
 * The core {@link Redactor} a configuration describes: the enabled built-in rules (cards first,
 * then CVV, IBAN, email, phone, national ids) followed by the host's own patterns.
 */
export function buildRedactor(
  config: Pick<RedactionConfig, 'rules' | 'patterns' | 'replacement'>,
): Redactor {
  const { rules } = config;
  const chosen: RedactionRule[] = [
    ...(rules.cardNumber ? [pciCardRule] : []),
    ...(rules.cvv ? [cvvRule] : []),
    ...(rules.iban ? [ibanRule] : []),
    ...(rules.email ? [emailRule] : []),
    ...(rules.phone ? [phoneRule] : []),
    ...(rules.nationalIds ? nationalIdRules : []),
    ...config.patterns.map(({ name, pattern, flags }) =>
      defineRedactionRule({
        name,
        pattern: typeof pattern === 'string' ? new RegExp(pattern, flags) : pattern,
      }),
    ),
  ];
  return createRedactor({ rules: chosen, replacement: config.replacement });
}
