import type { CrmIssue } from '../errors';

/**
 * Supplies the access token of a request. The host owns credentials: the SDK never stores
 * them. `refresh` is `true` once after a 401, asking for a fresh token.
 */
export type TokenProvider = (request: {
  /** Whether the last token was refused and a fresh one is wanted. */
  readonly refresh: boolean;
}) => string | Promise<string>;

/** One request to a vendor API. */
export interface HttpRequest {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below the client's base URL, e.g. `/crm/v3/objects/calls`. */
  readonly path: string;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** A JSON body. */
  readonly body?: unknown;
  /** Extra headers, e.g. `Idempotency-Key`. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Whether sending it twice is harmless, so that a time-out or a 5xx may be retried. By
   * default GET, PUT and DELETE are, and so is any request with an `Idempotency-Key` header.
   * A 429 is always retried: the vendor did not process the request.
   */
  readonly idempotent?: boolean;
  /** Aborts the request and its retries. */
  readonly signal?: AbortSignal;
}

/** A vendor's answer, body parsed as JSON (`null` when empty). */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The parsed body. */
  readonly body: unknown;
}

/** What a vendor's rate-limit signals say about one answer. */
export interface RateLimitSignal {
  /** The request was refused for exceeding a limit (even if the status is not 429). */
  readonly limited: boolean;
  /** How long the vendor asks every request to wait, in ms, if it says. */
  readonly waitMs?: number | undefined;
}

/** How a vendor signals limits and rejections beyond plain HTTP. */
export interface VendorDialect {
  /** Reads rate-limit headers or bodies (HubSpot `X-HubSpot-RateLimit-*`, Salesforce `REQUEST_LIMIT_EXCEEDED`). */
  readonly rateLimit?: (response: HttpResponse, now: number) => RateLimitSignal | undefined;
  /** The vendor's validation details from an error body. */
  readonly issues?: (body: unknown) => CrmIssue[];
}
