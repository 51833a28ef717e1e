import { silentLogger, systemClock, type Clock, type Logger } from '@switchboard/core';
import { isCrmError, toE164, type DefaultCountry } from '@switchboard/crm-adapters';
import * as z from 'zod/mini';
import type { ConversationInbox, ConversationReceipt } from './createConversationInbox';
import { inboundMessageSchema, type InboundMessage } from './message';
import { isMessagingError, MessagingError, webhookStatus } from './messagingError';
import { parseMessagingInput } from './parse';
import { bodyBytes, createKeyRing, hasValidSignature, webhookHeaders } from './signature';

/** A request as any HTTP framework can hand it over: headers and the raw body, unparsed. */
export interface WebhookRequest {
  /** The headers: a `Headers` object or a plain record (names in any case). */
  readonly headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body exactly as received: the signature covers these bytes. */
  readonly body: string | Uint8Array;
}

/** What to answer: a status, headers and a JSON body. */
export interface WebhookResponse {
  /** 200 when received (new or duplicate), 400/401 when refused, 500 when the centre failed. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body: the receipt, or `{ error: { code, message } }`. */
  readonly body: string;
}

/** A webhook handler: framework-neutral, async, never throws. */
export type WebhookHandler = (request: WebhookRequest) => Promise<WebhookResponse>;

/** Validates the options of {@link createWebhookHandler} that are data. */
const handlerOptionsSchema = z.object({
  secrets: z.array(z.string().check(z.minLength(16))).check(z.minLength(1)),
  toleranceSeconds: z._default(z.int().check(z.positive()), 300),
  defaultCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** Shared secrets (at least 16 characters); any one may sign, so secrets can rotate. */
  readonly secrets: readonly string[];
  /** Where accepted messages go. */
  readonly inbox: Pick<ConversationInbox, 'receive'>;
  /** How far a timestamp may be from now, and how long delivery ids are remembered. Default 300 s. */
  readonly toleranceSeconds?: number;
  /** The country of SMS numbers written without `+`, e.g. `FR`. */
  readonly defaultCountry?: DefaultCountry;
  /** The clock the window is measured on. */
  readonly clock?: Pick<Clock, 'now'>;
  /** Where refused deliveries and centre failures are reported. */
  readonly logger?: Logger;
}

const json = (status: number, body: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/** Header `name` of `headers`, first value, whatever the case of its name. */
function headerOf(headers: WebhookRequest['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * Creates the inbound webhook of the SMS and social channel. For each request it checks, in
 * order: the HMAC-SHA256 signature over timestamp, delivery id and raw body (401
 * `WEBHOOK_SIGNATURE_INVALID`), the timestamp's distance from now (401 `WEBHOOK_TIMESTAMP_STALE`),
 * that the delivery id is new (401 `WEBHOOK_REPLAYED`), then the JSON payload and, for SMS, that
 * the sender is a possible phone number, normalised to E.164 (400 `WEBHOOK_PAYLOAD_INVALID`).
 * Only then does the message reach the inbox; a refused request changes nothing.
 *
 * @example
 * ```ts
 * const handle = createWebhookHandler({ secrets: [process.env.WEBHOOK_SECRET], inbox, defaultCountry: 'FR' });
 * const response = await handle({ headers: request.headers, body: rawBody });
 * ```
 * @throws {@link MessagingError} `MESSAGING_INVALID` for bad options.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secrets, toleranceSeconds, defaultCountry } = parseMessagingInput(
    handlerOptionsSchema,
    { ...options, secrets: [...options.secrets] },
    'webhook options',
  );
  const { inbox } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const keyOf = createKeyRing();
  // Delivery ids accepted inside the window, with when they may be forgotten (insertion order).
  const deliveries = new Map<string, number>();

  function forgetExpired(nowSeconds: number) {
    for (const [id, expiresAt] of deliveries) {
      if (expiresAt > nowSeconds) break;
      deliveries.delete(id);
    }
  }

  async function verify(request: WebhookRequest, body: Uint8Array) {
    const signature = headerOf(request.headers, webhookHeaders.signature);
    const timestamp = headerOf(request.headers, webhookHeaders.timestamp);
    const deliveryId = headerOf(request.headers, webhookHeaders.delivery);
    const signed =
      signature !== undefined &&
      timestamp !== undefined &&
      /^\d{1,12}$/.test(timestamp) &&
      deliveryId !== undefined &&
      deliveryId.length > 0 &&
      deliveryId.length <= 200 &&
      (await hasValidSignature(keyOf, secrets, signature, timestamp, deliveryId, body));
    if (!signed) throw new MessagingError('WEBHOOK_SIGNATURE_INVALID');
    const nowSeconds = Math.floor(clock.now() / 1000);
    const sentAt = Number(timestamp);
    if (Math.abs(nowSeconds - sentAt) > toleranceSeconds) {
      throw new MessagingError('WEBHOOK_TIMESTAMP_STALE', undefined, {
        details: { timestamp: sentAt, now: nowSeconds, toleranceSeconds },
      });
    }
    forgetExpired(nowSeconds);
    if (deliveries.has(deliveryId)) {
      throw new MessagingError('WEBHOOK_REPLAYED', undefined, { details: { deliveryId } });
    }
    // Reserved at once, so a concurrent copy of this delivery is refused too.
    deliveries.set(deliveryId, Math.max(nowSeconds, sentAt) + toleranceSeconds);
    return deliveryId;
  }

  function readMessage(body: Uint8Array): InboundMessage {
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (cause) {
      throw new MessagingError('WEBHOOK_PAYLOAD_INVALID', 'The webhook body is not JSON.', {
        cause,
      });
    }
    const message = parseMessagingInput(
      inboundMessageSchema,
      payload,
      'webhook message',
      'WEBHOOK_PAYLOAD_INVALID',
    );
    if (message.channel !== 'sms') return message;
    try {
      return { ...message, from: toE164(message.from, defaultCountry as DefaultCountry) };
    } catch (cause) {
      if (!isCrmError(cause)) throw cause;
      throw new MessagingError('WEBHOOK_PAYLOAD_INVALID', 'The sender is not a phone number.', {
        issues: [{ path: ['from'], message: 'Not a possible phone number' }],
        cause,
      });
    }
  }

  return async (request) => {
    let receipt: ConversationReceipt;
    let deliveryId: string | undefined;
    try {
      const body = bodyBytes(request.body);
      deliveryId = await verify(request, body);
      receipt = inbox.receive(readMessage(body));
    } catch (error) {
      // A delivery that was not received is forgotten, so the same one may be retried as is.
      if (deliveryId !== undefined) deliveries.delete(deliveryId);
      const status = isMessagingError(error) ? webhookStatus[error.code] : undefined;
      if (status === undefined || !isMessagingError(error)) {
        logger.error('The SMS/social webhook could not deliver a message', { error });
        return json(500, { error: { code: 'INTERNAL', message: 'The message was not received.' } });
      }
      logger.warn('Refused an SMS/social webhook', { code: error.code });
      return json(status, {
        error: { code: error.code, message: error.message, issues: error.issues },
      });
    }
    return json(200, receipt);
  };
}
