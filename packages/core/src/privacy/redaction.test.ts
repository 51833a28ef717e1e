import { describe, expect, it } from 'vitest';
import { isSwitchboardError } from '../errors';
import {
  cardNumberRule,
  createRedactor,
  defineRedactionRule,
  emailRule,
  frNirRule,
  phoneRule,
  ukNinoRule,
  usSsnRule,
} from './index';

const redactor = createRedactor();
const only = (rule: Parameters<typeof createRedactor>[0]) => createRedactor(rule);
const text = (input: string) => redactor.redact(input).text;

describe('cardNumberRule', () => {
  const cards = createRedactor({ rules: [cardNumberRule] });
  it('masks Luhn-valid numbers, keeping the grouping and the last 4 digits', () => {
    expect(cards.redact('card 4242 4242 4242 4242 ok')).toEqual({
      text: 'card **** **** **** 4242 ok',
      findings: [{ rule: 'cardNumber', start: 5, end: 24 }],
    });
    expect(cards.redact('5555-5555-5555-4444').text).toBe('****-****-****-4444');
    expect(cards.redact('378282246310005').text).toBe('***********0005');
  });
  it('keeps numbers failing Luhn, too short or too long, or glued to letters', () => {
    for (const kept of [
      '4242 4242 4242 4241',
      '424242424242',
      '42424242424242424242',
      'x4242424242424242',
    ]) {
      expect(cards.redact(kept).text).toBe(kept);
    }
  });
});

describe('emailRule', () => {
  const emails = only({ rules: [emailRule] });
  it('masks addresses', () => {
    expect(emails.redact('mail ada.l+x@mail.example.co.uk.').text).toBe('mail [redacted].');
  });
  it('keeps things that are not addresses', () => {
    for (const kept of ['@ada', 'ada@localhost', 'a@b.c', 'price 5 @ 3.00']) {
      expect(emails.redact(kept).text).toBe(kept);
    }
  });
});

describe('phoneRule', () => {
  const phones = only({ rules: [phoneRule] });
  it('masks international and national numbers', () => {
    for (const phone of [
      '+44 20 7946 0958',
      '+1 (555) 123-4567',
      '(555) 123-4567',
      '020 7946 0958',
      '06 12 34 56 78',
      '+33612345678',
    ]) {
      expect(phones.redact(`call ${phone} now`).text).toBe('call [redacted] now');
    }
  });
  it('keeps order ids, PINs, local numbers, dates and glued numbers', () => {
    for (const kept of [
      'order 12345',
      'order #123456',
      'pin 4821',
      '555-1234',
      '2024-01-15 10:30',
      'ORD1234567890',
      '+123',
    ]) {
      expect(phones.redact(kept).text).toBe(kept);
    }
  });
});

describe('nationalIdRules', () => {
  it('masks US SSNs, except never-issued ones', () => {
    const ssn = only({ rules: [usSsnRule] });
    expect(ssn.redact('ssn 123-45-6789').text).toBe('ssn [redacted]');
    for (const kept of [
      '000-12-3456',
      '666-12-3456',
      '900-12-3456',
      '123-00-4567',
      '123-45-0000',
      '123456789',
    ]) {
      expect(ssn.redact(kept).text).toBe(kept);
    }
  });
  it('masks UK NINOs', () => {
    const nino = only({ rules: [ukNinoRule] });
    expect(nino.redact('NI AB 12 34 56 C').text).toBe('NI [redacted]');
    expect(nino.redact('CE123456D').text).toBe('[redacted]');
    for (const kept of ['GB123456A', 'DA123456A', 'AB123456E', 'AB12345C', 'XAB123456C']) {
      expect(nino.redact(kept).text).toBe(kept);
    }
  });
  it('masks French NIRs with a valid key', () => {
    const nir = only({ rules: [frNirRule] });
    expect(nir.redact('NIR 2 69 05 49 588 157 80').text).toBe('NIR [redacted]');
    expect(nir.redact('269054958815780').text).toBe('[redacted]');
    expect(nir.redact('269054958815781').text).toBe('269054958815781');
    expect(nir.redact('369054958815780').text).toBe('369054958815780');
  });
});

describe('createRedactor', () => {
  it('applies every default rule and reports sorted findings', () => {
    const result = redactor.redact('ada@example.com, +1 555 123 4567, 4242424242424242');
    expect(result.text).toBe('[redacted], [redacted], ************4242');
    expect(result.findings.map((finding) => finding.rule)).toEqual([
      'email',
      'phone',
      'cardNumber',
    ]);
  });
  it('merges overlapping findings under the earliest rule', () => {
    const result = redactor.redact('x 5551234567@example.com');
    expect(result).toEqual({
      text: 'x [redacted]',
      findings: [{ rule: 'email', start: 2, end: 24 }],
    });
  });
  it('redacts to a fixed point when masking joins text', () => {
    // The email swallows the "1" that made the phone number an 11-digit run.
    const once = text('5551234567 1a@b.com');
    expect(once).toBe('[redacted] [redacted]');
    expect(text(once)).toBe(once);
  });
  it('leaves clean text untouched', () => {
    expect(redactor.redact('order 12345 shipped')).toEqual({
      text: 'order 12345 shipped',
      findings: [],
    });
  });
  it('uses a custom replacement and custom rules', () => {
    const orderRef = defineRedactionRule({ name: 'orderRef', pattern: /\bORD-\d{4}\b/ });
    const custom = createRedactor({ rules: [], replacement: '###' }).withRule(orderRef);
    expect(custom.rules).toEqual([orderRef]);
    expect(custom.redact('ORD-1234 and ORD-5678, ada@example.com').text).toBe(
      '### and ###, ada@example.com',
    );
    const withDefaults = redactor.withRule(orderRef);
    expect(withDefaults.redact('ORD-1234 ada@example.com').text).toBe('[redacted] [redacted]');
  });
  it('accepts find rules with validate and mask, and clamps their ranges', () => {
    const shout = defineRedactionRule({
      name: 'shout',
      find: () => [
        { start: -3, end: 4 },
        { start: 6, end: 99 },
        { start: 2, end: 2 },
      ],
      validate: (match) => match !== 'zz',
      mask: (match) => match.toLowerCase().replace(/[a-z]/g, '_'),
    });
    expect(createRedactor({ rules: [shout] }).redact('ABCDEFGH').text).toBe('____EF__');
    const none = defineRedactionRule({ name: 'none', find: () => [] });
    expect(createRedactor({ rules: [none] }).redact('x').text).toBe('x');
  });
  it('rejects malformed rules and options', () => {
    const attempts = [
      () => defineRedactionRule({ name: '', pattern: /x/ }),
      () => defineRedactionRule({ name: 'both', pattern: /x/, find: () => [] }),
      () => defineRedactionRule({ name: 'neither' }),
      () => createRedactor({ replacement: 1 as unknown as string }),
    ];
    for (const attempt of attempts) {
      expect(() => attempt()).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    try {
      defineRedactionRule({ name: 'neither' });
    } catch (error) {
      expect(isSwitchboardError(error, 'VALIDATION_FAILED')).toBe(true);
    }
  });
});

describe('redactFields', () => {
  const data = {
    id: 'c-1',
    count: 4,
    when: new Date(0),
    customer: { email: 'ada@example.com', phone: '+44 20 7946 0958' },
    notes: [
      { text: 'card 4242 4242 4242 4242', by: 'ada@example.com' },
      { text: 'fine', by: 'bob' },
    ],
    tags: ['ada@example.com'],
  };
  it('redacts every string deeply without mutating the input', () => {
    const copy = redactor.redactFields(data);
    expect(copy).toEqual({
      ...data,
      customer: { email: '[redacted]', phone: '[redacted]' },
      notes: [
        { text: 'card **** **** **** 4242', by: '[redacted]' },
        { text: 'fine', by: 'bob' },
      ],
      tags: ['[redacted]'],
    });
    expect(copy.when).toBe(data.when);
    expect(data.customer.email).toBe('ada@example.com');
  });
  it('redacts only the given paths, through arrays', () => {
    const copy = redactor.redactFields(data, ['notes.text', 'customer.email']);
    expect(copy.notes[0]).toEqual({ text: 'card **** **** **** 4242', by: 'ada@example.com' });
    expect(copy.customer).toEqual({ email: '[redacted]', phone: '+44 20 7946 0958' });
    expect(copy.tags).toEqual(['ada@example.com']);
    expect(redactor.redactFields('ada@example.com', ['x'])).toBe('ada@example.com');
  });
  it('leaves cycles and non-plain objects alone', () => {
    const node: { self?: unknown; text: string } = { text: 'ada@example.com' };
    node.self = node;
    const copy = redactor.redactFields(node);
    expect(copy.text).toBe('[redacted]');
    expect(copy.self).toBe(node);
    const bare = Object.assign(Object.create(null) as object, { mail: 'ada@example.com' });
    expect(redactor.redactFields(bare)).toEqual({ mail: '[redacted]' });
  });
});
