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

/** Reads a dotted path through own properties only: no prototype, no getters run twice. */
function lookup(variables: unknown, path: string): string | undefined {
  let value = variables;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
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
  const text = template.replace(placeholder, (whole, path: string, fallback?: string) => {
    const value = lookup(variables, path) ?? fallback;
    if (value !== undefined) return value;
    if (!missing.includes(path)) missing.push(path);
    return whole;
  });
  return { text, missing };
}

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((match) => match[1] ?? ''))];
}
