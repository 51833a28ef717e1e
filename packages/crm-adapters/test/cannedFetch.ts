// A fetch that answers from a table of canned vendor bodies, in process: for the adapter
// overhead benchmark, which measures what an adapter adds (validation, mapping, the HTTP
// client's policy, JSON) without a network or a mock server. Hand-rolled on purpose: the
// contract tests use Prism; this only removes the socket from a timing.
export type Canned = Record<string, { readonly status: number; readonly body: unknown }>;

/** Answers `METHOD /path` (query ignored) from `table`; anything else is a 404. */
export function cannedFetch(table: Canned) {
  return (url: string, init: RequestInit): Promise<Response> => {
    const answer = table[`${init.method ?? 'GET'} ${new URL(url).pathname}`];
    return Promise.resolve(
      new Response(answer ? JSON.stringify(answer.body) : '{}', {
        status: answer?.status ?? 404,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
}
