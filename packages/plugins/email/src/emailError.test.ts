import { readFileSync } from 'node:fs';
import { CodedError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { EmailError, emailErrorCodes, isEmailError } from './emailError';

describe('EmailError', () => {
  it('is a CodedError whose codes are all listed in docs/plugins/email.md', () => {
    const guide = readFileSync(
      new URL('../../../../docs/plugins/email.md', import.meta.url),
      'utf8',
    );
    const documented = [...guide.matchAll(/^\| `(EMAIL_[A-Z_]+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual(Object.keys(emailErrorCodes));
    const error = new EmailError('EMAIL_NO_THREAD');
    expect(error).toBeInstanceOf(CodedError);
    expect(error.message).toBe(emailErrorCodes.EMAIL_NO_THREAD);
    expect([isEmailError(error, 'EMAIL_NO_THREAD'), isEmailError(error, 'EMAIL_INVALID')]).toEqual([
      true,
      false,
    ]);
  });
});
