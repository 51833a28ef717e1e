/** The result of {@link fillTemplate}. */
export interface FilledTemplate {
  /** The text with every known variable filled; unknown ones are left as written. */
  readonly text: string;
  /** The variables that had no value (and no fallback), in order of first use. */
  readonly missing: readonly string[];
}

/** `{{ path }}` or `{{ path | "fallback" }}`; a path is dot-separated names. */
const placeholder =
  /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*(?:\|\s*"([^"{}]*)"\s*)?\}\}/g;

/** Reads a dotted path (its names) through own properties only: no prototype, no getters run twice. */
function lookup(variables: unknown, keys: readonly string[]): string | undefined {
  let value = variables;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One placeholder of a template: its path, split, its fallback and the text as written. */
interface Slot {
  readonly path: string;
  readonly keys: readonly string[];
  readonly fallback: string | undefined;
  readonly whole: string;
}

/** A template split at its placeholders: `texts` has one more entry than `slots`. */
interface Compiled {
  readonly texts: readonly string[];
  readonly slots: readonly Slot[];
}

/** Templates already split: automated replies fill the same few texts again and again. */
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  const known = compiled.get(template);
  if (known) return known;
  const texts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const path = match[1] ?? '';
    texts.push(template.slice(last, match.index));
    slots.push({ path, keys: path.split('.'), fallback: match[2], whole: match[0] });
    last = match.index + match[0].length;
  }
  texts.push(template.slice(last));
  // Bounded: agents' free texts could otherwise grow it without end.
  if (compiled.size >= 256) compiled.clear();
  const result = { texts, slots };
  compiled.set(template, result);
  return result;
}

/**
 * Fills `{{ customer.name }}`-style variables from `variables`: plain lookups of strings,
 * numbers and booleans, nothing evaluated. A variable with no value takes its fallback
 * (`{{ customer.name | "there" }}`); without one it stays in the text as written and is listed
 * in `missing`, so nothing goes out silently blank.
 *
 * @example
 * ```ts
 * fillTemplate('Hi {{customer.name}}, this is {{agent.name}}.', { customer: {}, agent: { name: 'Ada' } });
 * // { text: 'Hi {{customer.name}}, this is Ada.', missing: ['customer.name'] }
 * ```
 */
export function fillTemplate(template: string, variables: unknown): FilledTemplate {
  const missing: string[] = [];
  const { texts, slots } = compile(template);
  let text = texts[0] ?? '';
  slots.forEach(({ path, keys, fallback, whole }, index) => {
    const value = lookup(variables, keys) ?? fallback;
    if (value === undefined && !missing.includes(path)) missing.push(path);
    text += (value ?? whole) + (texts[index + 1] ?? '');
  });
  return { text, missing };
}

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((match) => match[1] ?? ''))];
}

/**
 * The top-level names `template` uses (`customer` for `{{customer.firstName}}`), e.g. to build
 * only those variables with `replyVariables`.
 */
export function templateRoots(template: string): ReadonlySet<string> {
  return new Set(compile(template).slots.map((slot) => slot.keys[0] ?? ''));
}
