import type * as z from 'zod/mini';
import { MessagingError, type MessagingErrorCode } from './messagingError';

/**
 * Parses `input` with `schema`, or throws `code` (default `MESSAGING_INVALID`) with zod's issues.
 *
 * @internal
 */
export function parseMessagingInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what: string,
  code: MessagingErrorCode = 'MESSAGING_INVALID',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new MessagingError(code, `Invalid ${what}.`, {
    issues: result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    details: { what },
  });
}
