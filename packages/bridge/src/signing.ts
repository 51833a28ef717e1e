/** Encodes bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Decodes base64url (with or without padding). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** A fresh random 256-bit session key, base64url. */
export function createSessionKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Signs and checks messages of one session with HMAC-SHA256 (WebCrypto). */
export interface Signer {
  /** The signature of `seq` and `body`, base64url. */
  sign(seq: number, body: unknown): Promise<string>;
  /** Whether `sig` is the signature of `seq` and `body`; constant-time inside WebCrypto. */
  verify(seq: number, body: unknown, sig: string): Promise<boolean>;
}

const encoder = new TextEncoder();
const signed = (seq: number, body: unknown) => encoder.encode(`${seq}.${JSON.stringify(body)}`);

/** Creates the {@link Signer} of a session key made by {@link createSessionKey}. */
export function createSigner(key: string): Signer {
  const imported = crypto.subtle.importKey(
    'raw',
    fromBase64Url(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    async sign(seq, body) {
      const signature = await crypto.subtle.sign('HMAC', await imported, signed(seq, body));
      return toBase64Url(new Uint8Array(signature));
    },
    async verify(seq, body, sig) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = fromBase64Url(sig);
      } catch {
        return false;
      }
      return crypto.subtle.verify('HMAC', await imported, bytes, signed(seq, body));
    },
  };
}
