import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isMessagingError,
  MessagingError,
  messagingErrorCodes,
  webhookStatus,
} from './messagingError';

const guide = readFileSync(
  new URL('../../../../docs/plugins/sms-social.md', import.meta.url),
  'utf8',
);

describe('MessagingError', () => {
  it('documents every code, with the HTTP status of each webhook code', () => {
    const rows = [...guide.matchAll(/^\| `((?:WEBHOOK|MESSAGING)_[A-Z_]+)` *\| (\d{3})?/gm)];
    expect(rows.map((row) => row[1])).toEqual(Object.keys(messagingErrorCodes));
    for (const [, code, status] of rows) {
      expect([code, status ? Number(status) : undefined]).toEqual([
        code,
        webhookStatus[code as keyof typeof messagingErrorCodes],
      ]);
    }
    expect(isMessagingError(new MessagingError('WEBHOOK_REPLAYED'), 'WEBHOOK_REPLAYED')).toBe(true);
    expect(isMessagingError(new TypeError('x'))).toBe(false);
  });
});
