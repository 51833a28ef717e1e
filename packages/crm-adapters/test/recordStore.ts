// The fault proxy's state: a small HTTP server of our own that stands for the vendor behind
// Prism (Prism runs in proxy mode in front of it, so every request and every answer is still
// validated against the vendor's OpenAPI document and a violation shows in `sl-violations`).
// Prism's mock is stateless: a look-before-create (search by key or marker) would always see its
// canned example. The store keeps the records writes created, so each vendor's lookup sees what
// was committed, and it counts commits per idempotency key: 0 lost, 0 duplicated are counted
// here. This is a HAND-ROLLED fake, acceptable only because no real vendor is reachable from the
// tests; it models only the requests the fault test sends (see test/vendorModels.ts).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a vendor model sees it. */
export interface FakeRequest {
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The JSON body, or `null`. */
  readonly body: unknown;
}

/** What a vendor model answers. */
export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** One committed record, newest last in {@link Records.all}. */
export interface StoredRecord {
  readonly key: string;
  readonly record: Record<string, unknown>;
}

/** The records a vendor model reads and writes. */
export interface Records {
  /** Commits a record made by the write `key`; counted in {@link RecordStore.commits}. */
  create(key: string, record: Record<string, unknown>): void;
  /** The first record committed under `key`. */
  find(key: string): Record<string, unknown> | undefined;
  /** Every record, oldest first. */
  all(): readonly StoredRecord[];
  /** A new serial number (1, 2, ...) for ids. */
  serial(): number;
  /** Notes an idempotent replay (a repeated `Idempotency-Key` answered from the first answer). */
  replayed(): void;
}

/** A vendor's behaviour for the requests the fault test sends; `undefined` for any other. */
export type VendorModel = (request: FakeRequest, records: Records) => FakeAnswer | undefined;

/** A running {@link startRecordStore}. */
export interface RecordStore {
  readonly url: string;
  /** Records committed, by idempotency key: 1 each means none lost or doubled. */
  readonly commits: Map<string, number>;
  /** Repeats answered from the vendor's idempotency store (Zendesk). */
  readonly replays: () => number;
  /** Requests the model does not know (answered 500): any is a test failure. */
  readonly unexpected: string[];
  stop(): Promise<void>;
}

/** Starts the store on 127.0.0.1 and a free port, answering with `model`. */
export async function startRecordStore(model: VendorModel): Promise<RecordStore> {
  const stored: StoredRecord[] = [];
  const commits = new Map<string, number>();
  const unexpected: string[] = [];
  let serial = 0;
  let replays = 0;
  const records: Records = {
    create(key, record) {
      stored.push({ key, record });
      commits.set(key, (commits.get(key) ?? 0) + 1);
    },
    find: (key) => stored.find((entry) => entry.key === key)?.record,
    all: () => stored,
    serial: () => (serial += 1),
    replayed: () => (replays += 1),
  };
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://store');
      let answer: FakeAnswer | undefined;
      try {
        answer = model(
          {
            method: request.method ?? 'GET',
            path: url.pathname,
            query: url.searchParams,
            headers: request.headers,
            body: text === '' ? null : (JSON.parse(text) as unknown),
          },
          records,
        );
      } catch (error) {
        unexpected.push(`${request.method ?? ''} ${request.url ?? ''}: ${String(error)}`);
      }
      if (!answer) {
        unexpected.push(`${request.method ?? ''} ${request.url ?? ''}`);
        answer = { status: 500, body: { error: 'not modelled' } };
      }
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    commits,
    replays: () => replays,
    unexpected,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
