import { CrmError, type CrmErrorCode } from '../errors';
import type { HttpResponse, VendorDialect } from './httpTypes';
import { parseRetryAfter } from './retryAfter';

/** Status codes that mean the vendor rejected the input. */
const invalid = new Set([400, 409, 412, 422]);

function codeOf(status: number): CrmErrorCode {
  if (status === 401 || status === 403) return 'AUTH_FAILED';
  if (status === 404 || status === 410) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (invalid.has(status)) return 'VALIDATION_FAILED';
  if (status >= 500) return 'UNAVAILABLE';
  return 'BAD_RESPONSE';
}

/** A short description of a vendor's error body, bounded so logs stay small. */
function messageOf(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Maps a vendor's non-2xx answer onto a {@link CrmError}: status to code, vendor rate-limit
 * signals to `RATE_LIMITED` with `retryAfterMs`, validation details to `issues`.
 */
export function responseError(
  vendor: string,
  request: { readonly method: string; readonly path: string },
  response: HttpResponse,
  dialect: VendorDialect,
  now: number,
): CrmError {
  const signal = dialect.rateLimit?.(response, now);
  const code = signal?.limited ? 'RATE_LIMITED' : codeOf(response.status);
  const retryAfterMs =
    parseRetryAfter(response.headers.get('retry-after'), now) ?? signal?.waitMs ?? undefined;
  const issues =
    code === 'VALIDATION_FAILED'
      ? (dialect.issues?.(response.body) ?? [{ path: [], message: messageOf(response.body) }])
      : [];
  return new CrmError(
    code,
    `${vendor} answered ${String(response.status)} to ${request.method} ${request.path}.`,
    {
      details: { vendor, status: response.status, method: request.method, path: request.path },
      issues,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
  );
}
