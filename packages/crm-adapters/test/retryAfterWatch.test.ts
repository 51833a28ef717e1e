// The fault test's Retry-After check on its own, against a Node HTTP server of our own on
// 127.0.0.1 and the Zendesk adapter: a 429 that reached the client binds its next request for
// that write; a 429 the client never saw (its time-out fired first, as on a busy machine) does
// not, though a proxy that only sees the wire would have charged the retry as early.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createZendeskCrm } from '../src/adapters/zendesk/zendesk';
import { isCrmError } from '../src/errors';
import { createRetryAfterWatch } from './retryAfterWatch';
import { createScaledClock } from './scaledClock';

const created = JSON.stringify({ ticket: { id: 1, status: 'new', subject: 'Refund' } });
let server: Server | undefined;

/** Serves `answers` in turn, each `delayMs` (wall time) after its request came; records when. */
async function serve(answers: { status: number; delayMs: number; retryAfter?: string }[]) {
  const arrivals: number[] = [];
  const limitedAt: number[] = [];
  server = createServer((request, response) => {
    arrivals.push(performance.now());
    const answer = answers.shift() ?? { status: 201, delayMs: 0 };
    request.resume();
    setTimeout(() => {
      if (answer.status === 429) limitedAt.push(performance.now());
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}),
      });
      response.end(answer.status === 429 ? '{"error":"TooManyRequests"}' : created);
    }, answer.delayMs);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}`, arrivals, limitedAt };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('the Retry-After watch', () => {
  it('flags a client that sends the write again before the Retry-After it received', async () => {
    const { url } = await serve([{ status: 429, delayMs: 0, retryAfter: '2' }]);
    const clock = createScaledClock(10);
    const watch = createRetryAfterWatch(clock);
    const crm = watch.traced(
      createZendeskCrm({
        baseUrl: url,
        token: () => 't',
        rateLimit: false,
        clock,
        fetch: watch.fetchFor('careless'),
        // Gives up on any Retry-After at once, so the caller below can ignore it.
        retry: { attempts: 1, baseMs: 1, maxMs: 1, maxRetryAfterMs: 0 },
      }),
    );
    const first = await crm
      .createTicket({ subject: 'Refund' }, { idempotencyKey: 'k' })
      .catch((error: unknown) => error);
    expect(isCrmError(first, 'RATE_LIMITED')).toBe(true);
    await crm.createTicket({ subject: 'Refund' }, { idempotencyKey: 'k' }); // at once: too soon
    expect(watch.limited()).toBe(1);
    expect(watch.early).toMatchObject([{ client: 'careless', key: 'k' }]);
    expect(watch.early[0]?.earlyByMs).toBeGreaterThan(1_000);
  });

  it('does not charge a client with a 429 that came after it had given up', async () => {
    // The 429 leaves the server 0.5 s (5 s on the clock) after the request came, after the
    // client's 3 s time-out; the client retries (Idempotency-Key) after a back-off of about 5 s.
    const { url, arrivals, limitedAt } = await serve([
      { status: 429, delayMs: 500, retryAfter: '10' },
    ]);
    const clock = createScaledClock(10);
    const watch = createRetryAfterWatch(clock);
    const crm = watch.traced(
      createZendeskCrm({
        baseUrl: url,
        token: () => 't',
        rateLimit: false,
        clock,
        fetch: watch.fetchFor('patient'),
        timeoutMs: 3_000,
        retry: { attempts: 3, baseMs: 5_000, maxMs: 5_000 },
        random: () => 0.99,
      }),
    );
    expect((await crm.createTicket({ subject: 'Refund' }, { idempotencyKey: 'k' })).id).toBe('1');
    // On the wire the retry came within the 10 s the 429 named, counted from when it left:
    // a check at the proxy would have called it early.
    const after429 = ((arrivals[1] ?? 0) - (limitedAt[0] ?? 0)) * 10;
    expect(after429).toBeGreaterThan(0);
    expect(after429).toBeLessThan(10_000);
    expect(watch.limited()).toBe(0);
    expect(watch.early).toEqual([]);
  });
});
