import { CrmError, type CrmErrorCode } from './errors';

/** Anything with a zod-style `safeParse` (zod/mini schemas are). */
interface Schema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/**
 * Parses `data`, or throws a {@link CrmError} (`VALIDATION_FAILED` by default) naming `what` and
 * the first field at fault, with every issue attached.
 *
 * @internal
 */
export function parseOrThrow<T>(
  schema: Schema<T>,
  data: unknown,
  what: string,
  code: CrmErrorCode = 'VALIDATION_FAILED',
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [...issue.path],
    message: issue.message,
  }));
  const [first] = issues;
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  throw new CrmError(code, `Invalid ${what}${where}: ${first?.message ?? 'rejected'}.`, {
    issues,
    details: { input: what },
  });
}
