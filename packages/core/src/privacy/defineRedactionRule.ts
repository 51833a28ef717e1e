import * as z from 'zod/mini';
import { functionSchema } from '../portSchemas';
import { parseInput } from '../validation';
import type { RedactionRange, RedactionRule } from './redactionTypes';

/** What {@link defineRedactionRule} takes: a name and either a `pattern` or a `find`. */
export interface RedactionRuleDefinition {
  /** The rule's name, reported in findings; non-empty. */
  readonly name: string;
  /** Every match is a candidate (the `g` flag is added; the regex itself is never mutated). */
  readonly pattern?: RegExp;
  /** Returns the candidate ranges of `text`; used when there is no `pattern`. */
  readonly find?: (text: string) => readonly RedactionRange[];
  /** Keeps only the candidates whose matched text passes (e.g. a checksum). */
  readonly validate?: (match: string) => boolean;
  /** How a match is masked; the redactor's `replacement` when absent. */
  readonly mask?: (match: string) => string;
}

const fn = functionSchema();

const definitionSchema = z
  .object({
    name: z.string().check(z.minLength(1)),
    pattern: z.optional(z.instanceof(RegExp)),
    find: z.optional(fn),
    validate: z.optional(fn),
    mask: z.optional(fn),
  })
  .check(
    z.refine((rule) => (rule.pattern === undefined) !== (rule.find === undefined), {
      message: 'Expected exactly one of pattern or find.',
    }),
  );

/** Every match of `pattern` in `text`, as ranges; empty matches are skipped. */
function matchRanges(pattern: RegExp, text: string): RedactionRange[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const regex = new RegExp(pattern.source, flags);
  return Array.from(text.matchAll(regex), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
  })).filter((range) => range.end > range.start);
}

/**
 * Declares a {@link RedactionRule} from a regular expression or a `find` function, with an
 * optional `validate` that filters candidates and an optional `mask`.
 *
 * @example
 * ```ts
 * const orderRef = defineRedactionRule({ name: 'orderRef', pattern: /\bORD-\d{8}\b/ });
 * const redactor = createRedactor().withRule(orderRef);
 * ```
 * @throws `SwitchboardError` `VALIDATION_FAILED` when the definition is malformed.
 */
export function defineRedactionRule(definition: RedactionRuleDefinition): RedactionRule {
  parseInput(definitionSchema, definition, 'redaction rule');
  const { name, pattern, find, validate, mask } = definition;
  const candidates = (text: string): readonly RedactionRange[] =>
    pattern === undefined ? (find?.(text) ?? []) : matchRanges(pattern, text);
  const rule: RedactionRule = {
    name,
    find: (text) =>
      validate === undefined
        ? candidates(text)
        : candidates(text).filter((range) => validate(text.slice(range.start, range.end))),
    ...(mask === undefined ? {} : { mask }),
  };
  return Object.freeze(rule);
}
