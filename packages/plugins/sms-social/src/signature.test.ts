import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  createKeyRing,
  hasValidSignature,
  signWebhook,
  webhookHeaders,
} from './signature';

const delivery = {
  secret: 'first-secret-0123456789',
  body: '{"a":1}',
  timestamp: 1_700_000_000,
  deliveryId: 'd1',
};
const bytes = (text: string) => new TextEncoder().encode(text);

async function check(header: string, secrets: string[], body = delivery.body) {
  return hasValidSignature(createKeyRing(), secrets, header, '1700000000', 'd1', bytes(body));
}

describe('webhook signatures', () => {
  it('signs with HMAC-SHA256 as v1=<hex> and verifies the same bytes only', async () => {
    const headers = await signWebhook(delivery);
    const header = headers[webhookHeaders.signature] ?? '';
    expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(headers[webhookHeaders.timestamp]).toBe('1700000000');
    expect(headers[webhookHeaders.delivery]).toBe('d1');
    expect(await check(header, [delivery.secret])).toBe(true);
    expect(await check(header, [delivery.secret], '{"a":2}')).toBe(false);
    expect(await check(header, ['another-secret-0123456789'])).toBe(false);
    expect(await check('v1=zz', [delivery.secret])).toBe(false);
    expect(await check('v2=' + header.slice(3), [delivery.secret])).toBe(false);
  });

  it('accepts any of several secrets and signatures while a secret rotates', async () => {
    const old = (await signWebhook(delivery))[webhookHeaders.signature] ?? '';
    const next =
      (await signWebhook({ ...delivery, secret: 'second-secret-0123456789' }))[
        webhookHeaders.signature
      ] ?? '';
    expect(await check(old, ['second-secret-0123456789', delivery.secret])).toBe(true);
    expect(await check(`${next}, ${old}`, ['second-secret-0123456789'])).toBe(true);
  });

  // b is a, a with one bit flipped (most often), a cut short or a longer one, or unrelated bytes.
  const pair = fc.uint8Array({ maxLength: 40, size: 'max' }).chain((a) =>
    fc.tuple(
      fc.constant(a),
      fc.oneof(
        fc.constant(Uint8Array.from(a)),
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.nat(Math.max(0, a.length - 1)), fc.nat(7))
            .map(([index, bit]) => a.map((byte, at) => (at === index ? byte ^ (1 << bit) : byte))),
        },
        fc.nat(a.length).map((length) => a.slice(0, length)),
        fc
          .uint8Array({ minLength: 1, maxLength: 3 })
          .map((extra) => Uint8Array.from([...a, ...extra])),
        fc.uint8Array({ maxLength: 40 }),
      ),
    ),
  );

  test.prop([pair])('constantTimeEqual agrees with byte equality', ([a, b]) => {
    expect(constantTimeEqual(a, b)).toBe(
      a.length === b.length && a.every((byte, i) => byte === b[i]),
    );
    expect(constantTimeEqual(b, a)).toBe(constantTimeEqual(a, b));
  });
});
