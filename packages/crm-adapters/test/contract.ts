// Helpers of the contract tests: a fetch that records Prism's `sl-violations` headers.
export function recordingFetch() {
  const violations: string[] = [];
  const requests: string[] = [];
  const fetcher = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    requests.push(`${init.method ?? 'GET'} ${new URL(url).pathname} ${String(response.status)}`);
    const header = response.headers.get('sl-violations');
    if (header) violations.push(`${init.method ?? 'GET'} ${url}: ${header}`);
    return response;
  };
  return { fetch: fetcher, violations, requests };
}
