import { SwitchboardError, type Validator } from '@switchboard/core';

/**
 * Parses `input` with `schema`, or throws `VALIDATION_FAILED` with the issues.
 *
 * @internal
 */
export function parse<T>(schema: Validator<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [...issue.path],
    message: issue.message,
  }));
  const [first] = issues;
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  throw new SwitchboardError(
    'VALIDATION_FAILED',
    `Invalid ${what}${where}: ${first?.message ?? 'rejected'}.`,
    {
      issues,
    },
  );
}
