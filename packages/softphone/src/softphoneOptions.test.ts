import { describe, expect, it } from 'vitest';
import { createSoftphone } from './createSoftphone';
import { isSoftphoneError, SoftphoneError } from './errors';

const valid = {
  server: 'ws://127.0.0.1:5066',
  uri: 'sip:alice@pbx.test',
  credentials: () => 'secret',
  webSocket: function WebSocket() {
    return undefined;
  } as never,
};

describe('softphone options', () => {
  it('reports every bad field as INVALID_INPUT with its path', () => {
    const error = (() => {
      try {
        createSoftphone({ ...valid, server: 'http://nope', uri: 'alice', defaultCountry: 'usa' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isSoftphoneError(error, 'INVALID_INPUT')).toBe(true);
    const paths = (error as SoftphoneError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['server', 'uri', 'defaultCountry']));
  });

  it('needs a WebSocket where none is global', () => {
    expect(() => createSoftphone({ ...valid, webSocket: undefined })).toThrow(SoftphoneError);
  });

  it('starts unregistered with no calls', () => {
    const phone = createSoftphone(valid);
    expect(phone.getSnapshot()).toEqual({ registration: { status: 'unregistered' }, calls: [] });
  });
});
