import { describe, expect, it } from 'vitest';
import { functionSchema, portSchema } from './portSchemas';

describe('functionSchema', () => {
  it('accepts functions only, and names what it expected', () => {
    const schema = functionSchema<() => void>('a send function');
    expect(schema.safeParse(() => undefined).success).toBe(true);
    const refused = schema.safeParse({ send: () => undefined });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Expected a send function.');
    expect(functionSchema().safeParse('f').error?.issues[0]?.message).toBe('Expected a function.');
  });
});

describe('portSchema', () => {
  const schema = portSchema<{ send(): void; close(): void }>(['send', 'close'], 'a sender');

  it('accepts an object with every listed method, keeping it as it is', () => {
    const port = { send: () => undefined, close: () => undefined, extra: 1 };
    expect(schema.parse(port)).toBe(port);
  });

  it('refuses a missing or non-function method, null and primitives', () => {
    for (const value of [
      { send: () => undefined },
      { send: 1, close: () => undefined },
      null,
      'x',
    ]) {
      const refused = schema.safeParse(value);
      expect(refused.success).toBe(false);
      expect(refused.error?.issues[0]?.message).toBe('Expected a sender.');
    }
  });
});
