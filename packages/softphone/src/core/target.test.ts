import { describe, expect, it } from 'vitest';
import { isSoftphoneError } from '../errors';
import { resolveTarget } from './target';

describe('call targets', () => {
  it('keeps SIP URIs and puts bare users in the domain', async () => {
    await expect(resolveTarget('sip:bob@pbx.test', 'pbx.test', 'US')).resolves.toEqual({
      uri: 'sip:bob@pbx.test',
      number: null,
    });
    await expect(resolveTarget('bob', 'pbx.test', 'US')).resolves.toEqual({
      uri: 'sip:bob@pbx.test',
      number: null,
    });
  });

  it('normalises national and international numbers to E.164', async () => {
    await expect(resolveTarget('(415) 555-2671', 'pbx.test', 'US')).resolves.toEqual({
      uri: 'sip:+14155552671@pbx.test',
      number: '+14155552671',
    });
    await expect(resolveTarget('+44 20 7946 0958', 'pbx.test', 'US')).resolves.toMatchObject({
      number: '+442079460958',
    });
    await expect(resolveTarget('01 42 68 53 00', 'pbx.test', 'FR')).resolves.toMatchObject({
      number: '+33142685300',
    });
  });

  it('refuses invalid numbers and garbage with INVALID_TARGET', async () => {
    for (const bad of ['555', '(415) 555', 'not a number!', '']) {
      const error = await resolveTarget(bad, 'pbx.test', 'US').catch((caught: unknown) => caught);
      expect(isSoftphoneError(error, 'INVALID_TARGET')).toBe(true);
    }
  });
});
