// A recording HTTP proxy of our own, put in front of a Prism mock in the fault tests. It injects
// faults (429 with Retry-After, 503, time-outs, answers lost after the vendor committed), models
// the vendor's idempotency (a repeated Idempotency-Key gets the first answer back, as Zendesk
// does) and counts what the vendor committed per key, so a test can prove 0 lost, 0 duplicated.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@switchboard/core';

export type Fault = 'rateLimited' | 'unavailable' | 'timeout' | 'lostAfterCommit';
const faults: readonly Fault[] = ['rateLimited', 'unavailable', 'timeout', 'lostAfterCommit'];

interface Stored {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface FaultProxyOptions {
  /** Prism's URL. */
  readonly target: string;
  /** The time source the client under test uses, to check Retry-After. */
  readonly clock: Clock;
  /** Share of requests that draw a fault. */
  readonly faultRate: number;
  /** Seeded uniform draws in [0, 1). */
  readonly random: () => number;
}

export interface FaultProxy {
  readonly url: string;
  /** Requests received. */
  requests: number;
  /** Faults injected, by kind. */
  readonly injected: Record<Fault, number>;
  /** Records the vendor committed, by idempotency key. */
  readonly commits: Map<string, number>;
  /** Repeats answered from the idempotency store. */
  replays: number;
  /** Keys retried before the Retry-After they were given had passed, by the client given it. */
  readonly earlyRetries: string[];
  /**
   * Keys sent again before a Retry-After had passed by another client (another Authorization)
   * than the one it was given to, e.g. an outbox restarted after the first died with its answer.
   */
  readonly retriesByAnotherClient: string[];
  /** sl-violations headers Prism sent. */
  readonly violations: string[];
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      resolve(body);
    });
    request.on('error', reject);
  });
}

/** A seeded generator (mulberry32): the same seed gives the same faults. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { clock, random } = options;
  const stored = new Map<string, Stored>();
  const inProgress = new Map<string, Promise<void>>();
  const notBefore = new Map<string, number>();
  /** Who (Authorization header) each key's last 429 went to. */
  const limitedClient = new Map<string, string | undefined>();

  async function forward(request: IncomingMessage, body: string): Promise<Stored> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    }
    const response = await fetch(options.target + (request.url ?? '/'), {
      method: request.method ?? 'GET',
      headers,
      ...(body === '' ? {} : { body }),
    });
    const violations = response.headers.get('sl-violations');
    if (violations) proxy.violations.push(violations);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name === 'content-type' || name === 'sl-violations') out[name] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  }

  function send(response: ServerResponse, answer: Stored, extra: Record<string, string> = {}) {
    response.writeHead(answer.status, { ...answer.headers, ...extra });
    response.end(answer.body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    proxy.requests += 1;
    const body = await readBody(request);
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? header : undefined;
    if (key !== undefined) {
      const waitUntil = notBefore.get(key);
      if (waitUntil !== undefined && clock.now() < waitUntil) {
        const sameClient = limitedClient.get(key) === request.headers.authorization;
        (sameClient ? proxy.earlyRetries : proxy.retriesByAnotherClient).push(key);
      }
      await inProgress.get(key);
      const previous = stored.get(key);
      if (previous) {
        proxy.replays += 1;
        send(response, previous, { 'x-idempotency-lookup': 'hit' });
        return;
      }
    }
    const fault =
      random() < options.faultRate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (fault) proxy.injected[fault] += 1;
    if (fault === 'rateLimited') {
      const seconds = 1 + Math.floor(random() * 2);
      if (key !== undefined) {
        notBefore.set(key, clock.now() + seconds * 1000);
        limitedClient.set(key, request.headers.authorization);
      }
      send(response, {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(seconds) },
        body: '{"error":"TooManyRequests"}',
      });
      return;
    }
    if (fault === 'unavailable') {
      send(response, {
        status: 503,
        headers: { 'content-type': 'application/json' },
        body: '{"error":"Unavailable"}',
      });
      return;
    }
    if (fault === 'timeout') return; // never answers; the client gives up and closes the socket
    let release: () => void = () => undefined;
    if (key !== undefined) inProgress.set(key, new Promise((resolve) => (release = resolve)));
    try {
      const answer = await forward(request, body);
      if (key !== undefined && answer.status >= 200 && answer.status < 300) {
        stored.set(key, answer);
        proxy.commits.set(key, (proxy.commits.get(key) ?? 0) + 1);
      }
      if (fault === 'lostAfterCommit') response.destroy();
      else send(response, answer);
    } finally {
      if (key !== undefined) inProgress.delete(key);
      release();
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${String(port)}`,
    requests: 0,
    injected: { rateLimited: 0, unavailable: 0, timeout: 0, lostAfterCommit: 0 },
    commits: new Map(),
    replays: 0,
    earlyRetries: [],
    retriesByAnotherClient: [],
    violations: [],
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
  return proxy;
}
