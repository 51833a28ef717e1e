import type * as z from 'zod/mini';
import { EmailError } from './emailError';

/**
 * Parses `input` with `schema`, or throws `EMAIL_INVALID` with zod's issues.
 *
 * @internal
 */
export function parseEmailInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new EmailError('EMAIL_INVALID', `Invalid ${what}.`, {
    issues: result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    details: { what },
  });
}
