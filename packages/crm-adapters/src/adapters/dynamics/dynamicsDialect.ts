import type { VendorDialect } from '../../http/httpTypes';

/**
 * Dataverse answers errors as `{ error: { code, message } }`. Its service protection limits
 * answer 429 with `Retry-After`, which the HTTP client honours without help.
 */
export const dynamicsDialect: VendorDialect = {
  issues: (body) => {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    return [
      {
        path: [],
        message: `${error?.code ?? 'ERROR'}: ${error?.message ?? 'rejected by Dynamics 365'}`,
      },
    ];
  },
};
