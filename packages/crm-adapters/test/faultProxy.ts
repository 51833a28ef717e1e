// A recording HTTP proxy of our own, put in front of Prism in the fault tests. It injects faults
// (429 with Retry-After, 503, time-outs, answers lost after the vendor committed) and records
// Prism's spec violations. What the vendor committed is counted behind Prism, by the record
// store (test/recordStore.ts); whether clients waited out Retry-After is checked where the
// client received it (test/retryAfterWatch.ts): a 429 that a client gave up on before it arrived
// was never given to it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'rateLimited' | 'unavailable' | 'timeout' | 'lostAfterCommit';
const faults: readonly Fault[] = ['rateLimited', 'unavailable', 'timeout', 'lostAfterCommit'];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface FaultProxyOptions {
  /** Prism's URL. */
  readonly target: string;
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
  const { random } = options;

  async function forward(request: IncomingMessage, body: string): Promise<Answer> {
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
    if (violations)
      proxy.violations.push(`${request.method ?? ''} ${request.url ?? ''}: ${violations}`);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (['content-type', 'sl-violations', 'x-idempotency-lookup'].includes(name))
        out[name] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  }

  function send(response: ServerResponse, answer: Answer) {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    proxy.requests += 1;
    const body = await readBody(request);
    const fault =
      random() < options.faultRate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (fault) proxy.injected[fault] += 1;
    if (fault === 'rateLimited') {
      const seconds = 1 + Math.floor(random() * 2);
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
    const answer = await forward(request, body);
    if (fault === 'lostAfterCommit') response.destroy();
    else send(response, answer);
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
