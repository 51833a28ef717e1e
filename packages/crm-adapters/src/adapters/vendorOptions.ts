import { systemClock, type Clock } from '@switchboard/core';
import type { RetryPolicy } from '../http/backoff';
import { createHttpClient, type HttpClient } from '../http/httpClient';
import type { TokenProvider, VendorDialect } from '../http/httpTypes';
import {
  createRateLimiter,
  rateLimitSchema,
  type RateLimit,
  type RateLimiter,
} from '../http/rateLimiter';
import type { DefaultCountry } from '../phone';
import { parseOrThrow } from '../validate';

/** Options every vendor adapter takes. */
export interface VendorOptions {
  /** The API's base URL (your instance's, e.g. `https://acme.zendesk.com`). */
  readonly baseUrl: string;
  /** Supplies access tokens; the SDK never stores them. */
  readonly token: TokenProvider;
  /** The country of phone numbers written without `+`. */
  readonly defaultCountry?: DefaultCountry;
  /** The client-side request budget; the vendor's documented default when absent, none when `false`. */
  readonly rateLimit?: RateLimit | false;
  /** A limiter shared with other adapters of the same account (overrides `rateLimit`). */
  readonly limiter?: RateLimiter;
  /** How long one attempt may take, in ms. */
  readonly timeoutMs?: number;
  /** How failures are retried within one call. */
  readonly retry?: RetryPolicy;
  /** Time source. */
  readonly clock?: Clock;
  /** Uniform draws in [0, 1) for the back-off jitter. */
  readonly random?: () => number;
  /** The `fetch` to use. */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** Builds a vendor's HTTP client from its adapter options and its defaults. */
export function vendorClient(
  vendor: string,
  options: VendorOptions,
  defaults: {
    readonly rateLimit: RateLimit;
    readonly dialect?: VendorDialect;
    readonly authorization?: (token: string) => string;
  },
): HttpClient {
  const clock = options.clock ?? systemClock;
  const limit =
    options.rateLimit === false
      ? undefined
      : parseOrThrow(
          rateLimitSchema,
          options.rateLimit ?? defaults.rateLimit,
          `${vendor} rate limit`,
          'CONFIG_INVALID',
        );
  const limiter = options.limiter ?? (limit ? createRateLimiter(limit, clock) : undefined);
  return createHttpClient({
    vendor,
    baseUrl: options.baseUrl,
    token: options.token,
    clock,
    ...(defaults.authorization ? { authorization: defaults.authorization } : {}),
    ...(defaults.dialect ? { dialect: defaults.dialect } : {}),
    ...(limiter ? { limiter } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
