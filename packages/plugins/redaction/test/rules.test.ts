import { describe, expect, it } from 'vitest';
import { buildRedactor, cvvRule, ibanRule, isIbanValid, pciCardRule } from '../src/index';
import { redactionConfigSchema } from '../src/redactionConfig';

const redactor = buildRedactor(redactionConfigSchema.parse({}));

describe('pciCardRule', () => {
  it('masks a Luhn-valid card however it is written, keeping its last 4 digits', () => {
    for (const [input, output] of [
      ['card 4242 4242 4242 4242 thanks', 'card **** **** **** 4242 thanks'],
      ['card 4242-4242-4242-4242', 'card ****-****-****-4242'],
      ['card4242424242424242', 'card************4242'],
      ['378282246310005', '***********0005'],
    ]) {
      expect(redactor.redact(input ?? '').text).toBe(output);
    }
  });

  it('finds a card inside a longer digit run, where the core rule reads the whole run', () => {
    // The expiry follows the card with one space: one run of 20 digits.
    const { text, findings } = redactor.redact('4242424242424242 1226');
    expect(text).not.toContain('4242424242424242');
    expect(findings[0]?.rule).toBe('cardNumber');
  });

  it('keeps numbers with no Luhn-valid window of 13 to 19 digits', () => {
    // 1000000000000000 + n: the first such 16-digit number none of whose windows passes Luhn.
    let n = 0;
    const windows = (digits: string) =>
      Array.from({ length: 4 }, (_, start) =>
        Array.from({ length: 4 - start }, (_, extra) => digits.slice(start, start + 13 + extra)),
      ).flat();
    const luhn = (digits: string) =>
      Array.from(digits)
        .reverse()
        .reduce((sum, char, index) => {
          const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
          return sum + (digit > 9 ? digit - 9 : digit);
        }, 0) %
        10 ===
      0;
    while (windows(String(1e15 + n)).some(luhn)) n += 1;
    expect(pciCardRule.find(`ref ${String(1e15 + n)}`)).toEqual([]);
    expect(pciCardRule.find('order 123456789, 2026-01-05')).toEqual([]);
  });
});

describe('cvvRule', () => {
  it('masks a 3-4 digit code after a security-code word or a card number', () => {
    expect(redactor.redact('the CVV is 123').text).toBe('the CVV is [redacted]');
    expect(redactor.redact('security code: 4321.').text).toBe('security code: [redacted].');
    expect(redactor.redact('4242 4242 4242 4242 exp 12/26 code 987').text).toBe(
      '**** **** **** 4242 exp 12/26 code [redacted]',
    );
  });

  it('keeps short numbers far from any card context', () => {
    expect(cvvRule.find('room 123 on floor 4')).toEqual([]);
    const far = `cvv ${'x'.repeat(60)} 123`;
    expect(cvvRule.find(far)).toEqual([]);
  });
});

describe('ibanRule', () => {
  it('masks valid IBANs, compact or grouped, keeping the country and last 4', () => {
    expect(redactor.redact('IBAN GB82 WEST 1234 5698 7654 32 please').text).toBe(
      'IBAN GB** **** **** **** **54 32 please',
    );
    expect(redactor.redact('DE89370400440532013000').text).toBe('DE****************3000');
  });

  it('checks mod 97', () => {
    expect(isIbanValid('GB82WEST12345698765432')).toBe(true);
    expect(isIbanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanRule.find('GB82 WEST 1234 5698 7654 33')).toEqual([]);
  });
});

describe('buildRedactor', () => {
  it('applies the core email, phone and national-id rules', () => {
    expect(
      redactor.redact('mail ada@example.com, call +44 20 7946 0958, ssn 123-45-6789').text,
    ).toBe('mail [redacted], call [redacted], ssn [redacted]');
  });

  it('adds host patterns and turns built-in rules off', () => {
    const custom = buildRedactor(
      redactionConfigSchema.parse({
        rules: { email: false },
        patterns: [
          { name: 'member', pattern: 'MBR-\\d{6}', flags: 'i' },
          { name: 'pin', pattern: /PIN \d{4}/ },
        ],
        replacement: '###',
      }),
    );
    expect(custom.redact('mbr-123456 PIN 1234 ada@example.com').text).toBe(
      '### ### ada@example.com',
    );
  });

  it('refuses a pattern that is not a regular expression', () => {
    const parsed = redactionConfigSchema.safeParse({ patterns: [{ name: 'bad', pattern: '(' }] });
    expect(parsed.success).toBe(false);
  });
});
