import type { VendorDialect } from '../../http/httpTypes';

interface SalesforceError {
  readonly errorCode?: string;
  readonly message?: string;
  readonly fields?: readonly string[];
}

const errorsOf = (body: unknown): readonly SalesforceError[] =>
  Array.isArray(body) ? (body as SalesforceError[]) : [];

/**
 * Salesforce's limit signal is a 403 with `REQUEST_LIMIT_EXCEEDED` (the org's rolling 24-hour API
 * allowance, also reported in `Sforce-Limit-Info`): retry in an hour, through the outbox. Errors
 * come as `[{ errorCode, message, fields }]`.
 */
export const salesforceDialect: VendorDialect = {
  rateLimit: ({ status, body }) =>
    status === 403 && errorsOf(body).some((e) => e.errorCode === 'REQUEST_LIMIT_EXCEEDED')
      ? { limited: true, waitMs: 3_600_000 }
      : undefined,
  issues: (body) =>
    errorsOf(body).map((e) => ({
      path: e.fields ? [...e.fields] : [],
      message: `${e.errorCode ?? 'ERROR'}: ${e.message ?? 'rejected by Salesforce'}`,
    })),
};
