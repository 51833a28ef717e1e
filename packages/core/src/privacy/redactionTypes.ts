/** A half-open range `[start, end)` of UTF-16 code unit offsets into a text. */
export interface RedactionRange {
  /** Offset of the first character in the range. */
  readonly start: number;
  /** Offset just past the last character in the range. */
  readonly end: number;
}

/**
 * A redaction rule: finds the ranges of a text that hold one kind of personal data. Create one
 * with {@link defineRedactionRule}.
 */
export interface RedactionRule {
  /** The rule's name, reported in each {@link RedactionFinding}, e.g. `email`. */
  readonly name: string;
  /** Every range of `text` this rule redacts; ranges may overlap and come in any order. */
  find(text: string): readonly RedactionRange[];
  /**
   * How a match is masked (e.g. a card number keeps its last 4 digits); the redactor's
   * `replacement` when absent. The mask must not itself match any rule.
   */
  readonly mask?: (match: string) => string;
}

/** One redacted range of the input text, after overlapping findings were merged. */
export interface RedactionFinding {
  /** The name of the rule that found it (the earliest-starting one when several overlap). */
  readonly rule: string;
  /** Offset of the first redacted character in the input text. */
  readonly start: number;
  /** Offset just past the last redacted character in the input text. */
  readonly end: number;
}

/** What {@link Redactor.redact} returns. */
export interface RedactionResult {
  /** The text with every finding masked. */
  readonly text: string;
  /** The redacted ranges of the input, sorted and disjoint. */
  readonly findings: readonly RedactionFinding[];
}

/** Options of {@link createRedactor}. */
export interface RedactorOptions {
  /** The rules to apply; {@link defaultRedactionRules} when omitted. */
  readonly rules?: readonly RedactionRule[];
  /** What replaces a finding whose rule has no `mask`; `[redacted]` by default. */
  readonly replacement?: string;
}

/** Redacts texts and data with a fixed list of rules. Create one with {@link createRedactor}. */
export interface Redactor {
  /** The rules this redactor applies, in order. */
  readonly rules: readonly RedactionRule[];
  /** Masks every finding of every rule in `text`; redacting the result again changes nothing. */
  redact(text: string): RedactionResult;
  /**
   * A deep copy of `value` with strings redacted: every string when `paths` is omitted, else
   * only the strings at those dot paths (`notes.text`; arrays on the way apply to each item).
   * Only plain objects and arrays are walked; other values are kept as they are.
   */
  redactFields<T>(value: T, paths?: readonly string[]): T;
  /** A new redactor with `rule` added after this one's rules. */
  withRule(rule: RedactionRule): Redactor;
}
