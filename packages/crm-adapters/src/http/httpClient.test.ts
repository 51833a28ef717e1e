import { createVirtualClock } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { rejection, settle } from '../../test/settle';
import { CrmError, isCrmError } from '../errors';
import { createHttpClient, type HttpClientOptions } from './httpClient';
import { createRateLimiter } from './rateLimiter';
import { parseRetryAfter } from './retryAfter';

// The vendor here is a scripted fetch: these tests pin the client's own policy (timing on a
// virtual clock). The same client meets real HTTP servers in the outbox fault test and the
// Prism contract tests.
type Answer = Response | 'hang';

function scripted(clock: ReturnType<typeof createVirtualClock>, answers: Answer[]) {
  const calls: { at: number; init: RequestInit; url: string }[] = [];
  const fetch = (input: string | URL, init: RequestInit = {}) => {
    calls.push({ at: clock.now(), init, url: input.toString() });
    const answer = answers.shift() ?? new Response('{}', { status: 200 });
    if (answer !== 'hang') return Promise.resolve(answer);
    return new Promise<Response>((_, reject) => {
      init.signal?.addEventListener('abort', () => {
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return { calls, fetch };
}

const json = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

function clientWith(answers: Answer[], options: Partial<HttpClientOptions> = {}) {
  const clock = createVirtualClock();
  const { calls, fetch } = scripted(clock, answers);
  const client = createHttpClient({
    vendor: 'acme',
    baseUrl: 'https://crm.invalid/api',
    clock,
    fetch,
    random: () => 0.5,
    ...options,
  });
  const start = clock.now();
  const times = () => calls.map((call) => call.at - start);
  return { clock, calls, client, times };
}

describe('createHttpClient', () => {
  it('waits out Retry-After on a 429, never retrying before it', async () => {
    const { client, clock, times } = clientWith([json(429, {}, { 'retry-after': '2' }), json(201)]);
    const response = await settle(
      client.request({ method: 'POST', path: '/tickets', body: {} }),
      clock,
    );
    expect(response.status).toBe(201);
    expect(times()).toEqual([0, 2_000]);
  });

  it('backs off exponentially with full jitter when the vendor gives no delay', async () => {
    const { client, clock, times } = clientWith([json(503), json(503), json(503), json(200)]);
    await settle(client.request({ method: 'GET', path: '/x' }), clock);
    // random() = 0.5 of ceilings 250, 500, 1000 ms
    expect(times()).toEqual([0, 125, 375, 875]);
  });

  it('retries a 5xx or time-out only when the request is idempotent', async () => {
    const post = clientWith([json(503), json(201)]);
    const error = await settle(
      rejection(post.client.request({ method: 'POST', path: '/x' })),
      post.clock,
    );
    expect(isCrmError(error, 'UNAVAILABLE')).toBe(true);
    expect(post.calls).toHaveLength(1);

    const keyed = clientWith([json(503), json(201)]);
    const request = { method: 'POST', path: '/x', headers: { 'Idempotency-Key': 'k' } } as const;
    expect((await settle(keyed.client.request(request), keyed.clock)).status).toBe(201);
  });

  it('aborts an attempt after timeoutMs on the clock and reports UNAVAILABLE with timeout', async () => {
    const { client, clock, times } = clientWith(['hang', 'hang'], {
      timeoutMs: 1_000,
      retry: { attempts: 2 },
    });
    const error = await settle(rejection(client.request({ method: 'GET', path: '/slow' })), clock);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).details.timeout).toBe(true);
    expect(times()).toEqual([0, 1_125]);
  });

  it('refreshes the token once on a 401 and fails AUTH_FAILED on a second one', async () => {
    const asked: boolean[] = [];
    const token = ({ refresh }: { refresh: boolean }) => {
      asked.push(refresh);
      return refresh ? 'fresh' : 'stale';
    };
    const ok = clientWith([json(401), json(200)], { token });
    await settle(ok.client.request({ method: 'GET', path: '/me' }), ok.clock);
    expect(asked).toEqual([false, true]);
    expect(new Headers(ok.calls[1]?.init.headers).get('authorization')).toBe('Bearer fresh');

    const refused = clientWith([json(401), json(401), json(200)], { token: () => 'bad' });
    const error = await settle(
      rejection(refused.client.request({ method: 'GET', path: '/me' })),
      refused.clock,
    );
    expect(isCrmError(error, 'AUTH_FAILED')).toBe(true);
    expect(refused.calls).toHaveLength(2);
  });

  it('maps statuses to codes, with the vendor validation details as issues', async () => {
    const { client, clock } = clientWith([json(404), json(422, { errors: [{ field: 'email' }] })], {
      dialect: {
        issues: (body) =>
          (body as { errors: { field: string }[] }).errors.map((e) => ({
            path: [e.field],
            message: 'bad',
          })),
      },
    });
    const missing = await settle(rejection(client.request({ method: 'GET', path: '/a' })), clock);
    expect(isCrmError(missing, 'NOT_FOUND')).toBe(true);
    const invalid = await settle(
      rejection(client.request({ method: 'POST', path: '/a', body: {} })),
      clock,
    );
    expect(isCrmError(invalid, 'VALIDATION_FAILED')).toBe(true);
    expect((invalid as CrmError).issues).toEqual([{ path: ['email'], message: 'bad' }]);
  });

  it('reads a vendor limit signal that is not a 429 as RATE_LIMITED and retries after it', async () => {
    const limited = json(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    const { client, clock, times } = clientWith([limited, json(200)], {
      dialect: {
        rateLimit: ({ body }) =>
          JSON.stringify(body).includes('REQUEST_LIMIT_EXCEEDED')
            ? { limited: true, waitMs: 5_000 }
            : undefined,
      },
    });
    await settle(client.request({ method: 'GET', path: '/q' }), clock);
    expect(times()).toEqual([0, 5_000]);
  });

  it('gives up at once with RATE_LIMITED when Retry-After exceeds maxRetryAfterMs', async () => {
    const { client, clock, calls } = clientWith([json(429, {}, { 'retry-after': '3600' })]);
    const error = await settle(rejection(client.request({ method: 'GET', path: '/q' })), clock);
    expect(isCrmError(error, 'RATE_LIMITED')).toBe(true);
    expect((error as CrmError).retryAfterMs).toBe(3_600_000);
    expect(calls).toHaveLength(1);
  });

  it('stops without retrying when the caller aborts', async () => {
    const { client, clock, calls } = clientWith(['hang', 'hang']);
    const controller = new AbortController();
    const pending = rejection(
      client.request({ method: 'GET', path: '/q', signal: controller.signal }),
    );
    clock.advance(10);
    controller.abort();
    const error = await settle(pending, clock);
    expect(isCrmError(error, 'UNAVAILABLE') && error.details.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('rejects an invalid base URL with CONFIG_INVALID', () => {
    expect(() => createHttpClient({ vendor: 'acme', baseUrl: 'not a url' })).toThrow(CrmError);
  });
});

describe('createRateLimiter', () => {
  it('lets a burst through, then paces requests at perSecond', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ perSecond: 2, burst: 2 }, clock);
    const start = clock.now();
    const times: number[] = [];
    const all = Promise.all(
      [1, 2, 3, 4, 5].map(() => limiter.acquire().then(() => times.push(clock.now() - start))),
    );
    await settle(all, clock);
    expect(times).toEqual([0, 0, 500, 1_000, 1_500]);
  });

  it('holds every request while the vendor asked to pause', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ perSecond: 100 }, clock);
    limiter.pauseUntil(clock.now() + 3_000);
    const start = clock.now();
    await settle(limiter.acquire(), clock);
    expect(clock.now() - start).toBe(3_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
