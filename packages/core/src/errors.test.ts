import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes, isSwitchboardError, SwitchboardError } from './errors';

const page = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

/** Each `## CODE` heading of docs/errors.md with the first paragraph under it. */
function documentedCodes(markdown: string): Map<string, string> {
  const sections = markdown.split(/^## /m).slice(1);
  return new Map(
    sections.map((section) => {
      const [heading = '', ...rest] = section.split('\n');
      const firstParagraph =
        rest
          .join('\n')
          .trim()
          .split(/\n\s*\n/)[0] ?? '';
      return [heading.trim(), firstParagraph.replace(/\s+/g, ' ')];
    }),
  );
}

describe('error codes', () => {
  it('docs/errors.md lists exactly the codes of the table, in order, with their messages', () => {
    const documented = documentedCodes(page);
    expect([...documented.keys()]).toEqual(Object.keys(errorCodes));
    for (const [code, message] of Object.entries(errorCodes)) {
      expect(documented.get(code), code).toBe(message);
    }
  });

  it('SwitchboardError carries its code, default message, details and issues', () => {
    const cause = new Error('socket closed');
    const error = new SwitchboardError('NOT_FOUND', undefined, {
      details: { contactId: 'c1' },
      issues: [{ path: ['id'], message: 'missing' }],
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SwitchboardError');
    expect(error.message).toBe(errorCodes.NOT_FOUND);
    expect(error.details).toEqual({ contactId: 'c1' });
    expect(error.issues).toEqual([{ path: ['id'], message: 'missing' }]);
    expect(error.cause).toBe(cause);
    expect(isSwitchboardError(error)).toBe(true);
    expect(isSwitchboardError(error, 'NOT_FOUND')).toBe(true);
    expect(isSwitchboardError(error, 'DISPOSED')).toBe(false);
    expect(isSwitchboardError(cause)).toBe(false);
  });
});
