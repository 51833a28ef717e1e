import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookHandler } from '../createWebhookHandler';
import { messagingErrorCodes } from '../messagingError';

/** Options of {@link createWebhookListener}. */
export interface WebhookListenerOptions {
  /** The largest body accepted, in bytes; larger ones get 413. Default 64 KiB. */
  readonly maxBodyBytes?: number;
}

const answer = (response: ServerResponse, status: number, code: string, message: string) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: { code, message } }));
};

/**
 * Adapts a {@link WebhookHandler} to Node's `http` (or `https`, or Express's `(req, res)`): reads
 * the raw body up to a limit, hands it over unparsed (the signature covers its bytes) and writes
 * the handler's answer. Anything but `POST` gets 405.
 *
 * @example
 * ```ts
 * http.createServer(createWebhookListener(createWebhookHandler({ secrets, inbox }))).listen(8080, '127.0.0.1');
 * ```
 */
export function createWebhookListener(
  handler: WebhookHandler,
  options: WebhookListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  return (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      answer(response, 405, 'METHOD_NOT_ALLOWED', 'Only POST is accepted.');
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !refused) {
        refused = true;
        response.setHeader('connection', 'close');
        answer(response, 413, 'WEBHOOK_TOO_LARGE', messagingErrorCodes.WEBHOOK_TOO_LARGE);
      }
      if (!refused) chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      void handler({ headers: request.headers, body: Buffer.concat(chunks) }).then((result) => {
        response.writeHead(result.status, result.headers);
        response.end(result.body);
      });
    });
    request.on('error', () => {
      response.destroy();
    });
  };
}
