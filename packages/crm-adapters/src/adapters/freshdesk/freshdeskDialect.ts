import type { VendorDialect } from '../../http/httpTypes';

interface FreshdeskError {
  readonly field?: string;
  readonly message?: string;
  readonly code?: string;
}

/**
 * Freshdesk answers validation errors as `{ description, errors: [{ field, message, code }] }`.
 * Its per-minute limit answers 429 with `Retry-After`, which the HTTP client honours as is.
 */
export const freshdeskDialect: VendorDialect = {
  issues: (body) => {
    const errors = (body as { errors?: FreshdeskError[] } | null)?.errors ?? [];
    const description = (body as { description?: string } | null)?.description;
    return errors.length > 0
      ? errors.map((e) => ({
          path: e.field ? [e.field] : [],
          message: `${e.code ?? 'invalid'}: ${e.message ?? 'rejected by Freshdesk'}`,
        }))
      : [{ path: [], message: description ?? 'rejected by Freshdesk' }];
  },
};
