import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRejoin, type RejoinFacts } from './rejoin';

const dialog = {
  callId: 'abc123',
  localTag: 'ours',
  remoteTag: 'theirs',
  remoteUri: 'sip:alice@pbx.test',
};
const rejoin: RejoinFacts = {
  from: 'sip:alice@pbx.test',
  replaces: 'abc123;to-tag=ours;from-tag=theirs',
  referred: false,
  dialog,
};

/** Values near `value` (a prefix, or it with more around it) as well as unrelated ones. */
const otherThan = (value: string) =>
  fc.oneof(
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.integer({ min: 1, max: value.length - 1 }).map((length) => value.slice(0, length)),
    fc
      .tuple(fc.stringMatching(/^[a-z0-9]{0,3}$/), fc.stringMatching(/^[a-z0-9]{0,3}$/))
      .map(([before, after]) => before + value + after),
  );

describe('isRejoin', () => {
  it('takes an INVITE from the dialog’s own far end naming exactly that dialog', () => {
    expect(isRejoin(rejoin)).toBe(true);
    // Parameters, brackets, header spacing and the host's case do not change the party.
    expect(isRejoin({ ...rejoin, from: '<sip:alice@PBX.test;transport=ws>' })).toBe(true);
    expect(isRejoin({ ...rejoin, replaces: 'abc123; to-tag=ours ;from-tag=theirs' })).toBe(true);
  });

  it('refuses a referred INVITE (an attended transfer), even from the same address', () => {
    expect(isRejoin({ ...rejoin, referred: true })).toBe(false);
  });

  it('refuses another party, or the same user elsewhere', () => {
    expect(isRejoin({ ...rejoin, from: 'sip:carol@pbx.test' })).toBe(false);
    expect(isRejoin({ ...rejoin, from: 'sip:alice@other.test' })).toBe(false);
    expect(isRejoin({ ...rejoin, from: 'sip:alice@pbx.test:5070' })).toBe(false);
  });

  it('never takes an anonymous caller for a rejoin: two anonymous callers share the address', () => {
    const anonymous = 'sip:anonymous@anonymous.invalid';
    const facts = { ...rejoin, from: anonymous, dialog: { ...dialog, remoteUri: anonymous } };
    expect(isRejoin(facts)).toBe(false);
    const hidden = 'sip:anonymous@pbx.test';
    expect(isRejoin({ ...rejoin, from: hidden, dialog: { ...dialog, remoteUri: hidden } })).toBe(
      false,
    );
  });

  it('refuses a Replaces header that names another dialog (any Call-ID or tag changed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          ...(['callId', 'localTag', 'remoteTag'] as const).map((field) =>
            otherThan(dialog[field]).map((value) => [field, value] as const),
          ),
        ),
        ([field, value]) => {
          fc.pre(value !== dialog[field]);
          const other = { ...dialog, [field]: value };
          const replaces = `${other.callId};to-tag=${other.localTag};from-tag=${other.remoteTag}`;
          expect(isRejoin({ ...rejoin, replaces })).toBe(false);
        },
      ),
    );
  });
});
