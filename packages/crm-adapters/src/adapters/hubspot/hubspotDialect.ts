import type { VendorDialect } from '../../http/httpTypes';

/**
 * HubSpot's limit signals: a 429 carries `X-HubSpot-RateLimit-Interval-Milliseconds` (the window)
 * and `X-HubSpot-RateLimit-Remaining`; when no `Retry-After` comes, wait out the window.
 * Validation errors list `errors[].message` with `context`.
 */
export const hubspotDialect: VendorDialect = {
  rateLimit: ({ status, headers }) => {
    if (status !== 429) return undefined;
    const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
    return { limited: true, waitMs: Number.isFinite(interval) && interval > 0 ? interval : 10_000 };
  },
  issues: (body) => {
    const errors = (body as { errors?: { message?: string; in?: string }[] } | null)?.errors;
    const message = (body as { message?: string } | null)?.message ?? 'Rejected by HubSpot';
    return errors && errors.length > 0
      ? errors.map((error) => ({
          path: error.in ? [error.in] : [],
          message: error.message ?? message,
        }))
      : [{ path: [], message }];
  },
};
