/** The headers a signed webhook carries. */
export const webhookHeaders = {
  /** `v1=<hex HMAC-SHA256>`; several comma-separated while secrets rotate. */
  signature: 'x-switchboard-signature',
  /** Unix seconds when the sender signed it. */
  timestamp: 'x-switchboard-timestamp',
  /** The delivery's unique id: a replay of it is refused. */
  delivery: 'x-switchboard-delivery',
} as const;

const encoder = new TextEncoder();

/** The bytes signed: `v1:<timestamp>:<delivery id>:` followed by the raw body. */
function signedBytes(
  timestamp: string,
  deliveryId: string,
  body: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`v1:${timestamp}:${deliveryId}:`);
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

/** `body` as bytes: strings are UTF-8. */
export function bodyBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Hex text as bytes, or `undefined` when it is not even-length hex. */
function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

/**
 * Whether two byte strings are equal, in time that depends only on their length (so a forger
 * learns nothing from how long a wrong signature takes to refuse).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) {
    difference |= (a[index] as number) ^ (b[index] as number);
  }
  return difference === 0;
}

/** Imports HMAC-SHA256 keys once per secret; one per signer or verifier, never module-wide. */
export function createKeyRing() {
  const keys = new Map<string, Promise<CryptoKey>>();
  return (secret: string) => {
    let key = keys.get(secret);
    if (!key) {
      key = globalThis.crypto.subtle.importKey(
        'raw',
        encoder.encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      keys.set(secret, key);
    }
    return key;
  };
}

/** The raw HMAC-SHA256 of a delivery under `key`. */
async function mac(key: CryptoKey, timestamp: string, deliveryId: string, body: Uint8Array) {
  return globalThis.crypto.subtle.sign('HMAC', key, signedBytes(timestamp, deliveryId, body));
}

/** What {@link signWebhook} signs. */
export interface WebhookDelivery {
  /** The shared secret. */
  readonly secret: string;
  /** The raw body exactly as sent. */
  readonly body: string | Uint8Array;
  /** Unix seconds. */
  readonly timestamp: number;
  /** A unique id for this delivery. */
  readonly deliveryId: string;
}

/**
 * The headers that sign one webhook delivery: what a provider (or the simulator, or a test)
 * sends with the body. WebCrypto only, so it runs in browsers and Node 20 alike.
 *
 * @example
 * ```ts
 * const headers = await signWebhook({ secret, body, timestamp: Math.floor(Date.now() / 1000), deliveryId: crypto.randomUUID() });
 * await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
 * ```
 */
export async function signWebhook(delivery: WebhookDelivery): Promise<Record<string, string>> {
  const key = await createKeyRing()(delivery.secret);
  const timestamp = String(delivery.timestamp);
  const digest = await mac(key, timestamp, delivery.deliveryId, bodyBytes(delivery.body));
  return {
    [webhookHeaders.signature]: `v1=${toHex(digest)}`,
    [webhookHeaders.timestamp]: timestamp,
    [webhookHeaders.delivery]: delivery.deliveryId,
  };
}

/**
 * Whether `header` (`v1=<hex>`, possibly several comma-separated) holds a valid signature of
 * the delivery under one of `secrets`; compared in constant time.
 *
 * @internal
 */
export async function hasValidSignature(
  keyOf: (secret: string) => Promise<CryptoKey>,
  secrets: readonly string[],
  header: string,
  timestamp: string,
  deliveryId: string,
  body: Uint8Array,
): Promise<boolean> {
  const given = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .flatMap((part) => fromHex(part.slice(3)) ?? []);
  if (given.length === 0) return false;
  let valid = false;
  for (const secret of secrets) {
    const expected = new Uint8Array(await mac(await keyOf(secret), timestamp, deliveryId, body));
    for (const candidate of given) valid = constantTimeEqual(expected, candidate) || valid;
  }
  return valid;
}
