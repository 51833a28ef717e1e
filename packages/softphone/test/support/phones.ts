import WebSocket from 'ws';
import { createSoftphone, createStaticMedia, type SoftphoneOptions } from '../../src/index';
import type { Kamailio } from '../../../../tooling/sip/kamailio';

/** The users every suite's Kamailio knows, with their passwords. */
export const users = { alice: 'alice-secret', bob: 'bob-secret', carol: 'carol-secret' };

/** A Node softphone for `user` on the suite's Kamailio, with static media and the `ws` package. */
export function nodePhone(
  kamailio: Kamailio,
  user: keyof typeof users,
  overrides: Partial<SoftphoneOptions> = {},
) {
  return createSoftphone({
    server: kamailio.wsUrl,
    uri: `sip:${user}@${kamailio.domain}`,
    credentials: () => users[user],
    media: createStaticMedia(),
    webSocket: WebSocket,
    defaultCountry: 'US',
    ...overrides,
  });
}
