import { systemClock, type Clock } from '@switchboard/core';
import * as z from 'zod/mini';
import { CrmError, isCrmError } from '../errors';
import { parseOrThrow } from '../validate';
import { fullJitter, retryPolicySchema, type RetryPolicy } from './backoff';
import type { HttpRequest, HttpResponse, TokenProvider, VendorDialect } from './httpTypes';
import type { RateLimiter } from './rateLimiter';
import { responseError } from './responseError';
import { aborted, sleep } from './sleep';

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** The vendor's name, for errors and logs, e.g. `hubspot`. */
  readonly vendor: string;
  /** The API's base URL, e.g. `https://api.hubapi.com`. */
  readonly baseUrl: string;
  /** Supplies access tokens; requests go without `Authorization` when absent. */
  readonly token?: TokenProvider;
  /** Turns a token into the `Authorization` header value; `Bearer <token>` by default. */
  readonly authorization?: (token: string) => string;
  /** How long one attempt may take, in ms, answer body included; 15 s by default. */
  readonly timeoutMs?: number;
  /** How failures are retried. */
  readonly retry?: RetryPolicy;
  /** Paces requests; share one per vendor account. None by default. */
  readonly limiter?: RateLimiter;
  /** The vendor's rate-limit signals and error details. */
  readonly dialect?: VendorDialect;
  /** Time source for time-outs, back-off and `Retry-After`. */
  readonly clock?: Clock;
  /** Uniform draws in [0, 1) for the back-off jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** The `fetch` to use; the global one by default. */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** Sends JSON requests to one vendor API with time-outs, retries, rate limits and auth. */
export interface HttpClient {
  /** Sends `request`; resolves with a 2xx answer or rejects with a {@link CrmError}. */
  request(request: HttpRequest): Promise<HttpResponse>;
}

const optionsSchema = z.object({
  baseUrl: z.url(),
  timeoutMs: z._default(z.number().check(z.positive()), 15_000),
  retry: z._default(retryPolicySchema, {
    attempts: 4,
    baseMs: 250,
    maxMs: 20_000,
    maxRetryAfterMs: 60_000,
  }),
});

const safeMethods = new Set(['GET', 'PUT', 'DELETE']);

function urlOf(baseUrl: string, request: HttpRequest): string {
  const url = new URL(baseUrl.replace(/\/$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Creates an {@link HttpClient} on `fetch`:
 * - every attempt has a time-out (an `AbortSignal` armed on the injected clock);
 * - a 429 (or a vendor's own limit signal) is retried after `Retry-After`, or after exponential
 *   back-off with full jitter when the vendor gives no delay, and pauses the shared limiter;
 * - time-outs, network failures and 5xx are retried the same way only when the request is
 *   idempotent, so a lost answer never makes a second record;
 * - a 401 asks the token provider for a fresh token once and retries;
 * - every failure is a {@link CrmError} (`AUTH_FAILED`, `RATE_LIMITED`, `NOT_FOUND`,
 *   `VALIDATION_FAILED` with the vendor's details, `UNAVAILABLE`, `BAD_RESPONSE`).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { vendor, token, limiter, dialect = {} } = options;
  const { baseUrl, timeoutMs, retry } = parseOrThrow(
    optionsSchema,
    options,
    `${vendor} HTTP client options`,
    'CONFIG_INVALID',
  );
  const policy = retry;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const authorization = options.authorization ?? ((value: string) => `Bearer ${value}`);
  const doFetch = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));

  async function tokenFor(refresh: boolean): Promise<string> {
    try {
      return await (token as TokenProvider)({ refresh });
    } catch (error) {
      throw new CrmError('AUTH_FAILED', `The ${vendor} token provider failed.`, {
        details: { vendor, refresh },
        cause: error,
      });
    }
  }

  async function attempt(request: HttpRequest, refresh: boolean): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = authorization(await tokenFor(refresh));
    const controller = new AbortController();
    const onAbort = () => {
      controller.abort(request.signal?.reason);
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = clock.setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    try {
      const response = await doFetch(urlOf(baseUrl, request), {
        method: request.method,
        headers,
        signal: controller.signal,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const body = parseBody(await response.text());
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (request.signal?.aborted) throw aborted(request.signal);
      const timedOut = controller.signal.aborted;
      const reason = timedOut ? 'did not answer in time' : 'could not be reached';
      throw new CrmError(
        'UNAVAILABLE',
        `${vendor} ${reason} (${request.method} ${request.path}).`,
        {
          details: { vendor, method: request.method, path: request.path, timeout: timedOut },
          cause: error,
        },
      );
    } finally {
      clock.clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  function mayRetry(error: CrmError, idempotent: boolean): boolean {
    if (error.details.aborted === true) return false;
    if (error.code === 'RATE_LIMITED') return (error.retryAfterMs ?? 0) <= policy.maxRetryAfterMs;
    return error.code === 'UNAVAILABLE' && idempotent;
  }

  return {
    async request(request) {
      const idempotent =
        request.idempotent ??
        (safeMethods.has(request.method) ||
          Object.keys(request.headers ?? {}).some(
            (name) => name.toLowerCase() === 'idempotency-key',
          ));
      let refreshed = false;
      let refresh = false;
      for (let tries = 1, retries = 0; ;) {
        try {
          await limiter?.acquire(request.signal);
          const response = await attempt(request, refresh);
          refresh = false;
          if (response.status === 401 && token && !refreshed) {
            refreshed = true;
            refresh = true;
            continue;
          }
          if (response.status >= 200 && response.status < 300) return response;
          throw responseError(vendor, request, response, dialect, clock.now());
        } catch (thrown) {
          const error = isCrmError(thrown)
            ? thrown
            : new CrmError('UNAVAILABLE', undefined, { cause: thrown });
          if (tries >= policy.attempts || !mayRetry(error, idempotent)) throw error;
          const wait = error.retryAfterMs ?? fullJitter(retries, policy, random);
          if (error.code === 'RATE_LIMITED') limiter?.pauseUntil(clock.now() + wait);
          tries += 1;
          retries += 1;
          await sleep(clock, wait, request.signal);
        }
      }
    },
  };
}
