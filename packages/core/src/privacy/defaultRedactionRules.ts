import { cardNumberRule } from './cardNumberRule';
import { emailRule } from './emailRule';
import { nationalIdRules } from './nationalIdRules';
import { phoneRule } from './phoneRule';
import type { RedactionRule } from './redactionTypes';

/**
 * The rules a redactor applies unless told otherwise: card numbers, emails, phone numbers and
 * the national identity numbers, in that order (the order names overlapping findings).
 */
export const defaultRedactionRules: readonly RedactionRule[] = Object.freeze([
  cardNumberRule,
  emailRule,
  phoneRule,
  ...nationalIdRules,
]);
