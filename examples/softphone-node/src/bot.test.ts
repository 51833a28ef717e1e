// The bot against a real Kamailio on 127.0.0.1 (the workspace's SIP test support, tooling/sip,
// starts and stops it): one bot answers, a second one calls it, and the first one's DTMF reaches
// the second.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { startBot } from './bot';

let kamailio: Kamailio;
const passwords = { alice: 'alice-secret', bob: 'bob-secret' };

beforeAll(async () => {
  kamailio = await startKamailio({ users: passwords, gatewayPort: await freePort(true) });
});

afterAll(async () => {
  await kamailio.stop();
});

it('answers a call, sends its tones and hangs up', async () => {
  const answererLog: string[] = [];
  const callerLog: string[] = [];
  const bot = (user: keyof typeof passwords, log: string[], tones: string, talkMs: number) =>
    startBot({
      server: kamailio.wsUrl,
      uri: `sip:${user}@${kamailio.domain}`,
      password: () => passwords[user],
      tones,
      talkMs,
      log: (line) => log.push(line),
    });
  const answerer = bot('alice', answererLog, '1#', 200);
  const caller = bot('bob', callerLog, '', 5000);
  try {
    await Promise.all([answerer.register(), caller.register()]);
    await caller.call('alice');
    await waitFor(() => callerLog.some((line) => line.endsWith('ended: remoteHangUp')), 'hang-up');
    expect(callerLog).toEqual(expect.arrayContaining(['received DTMF 1', 'received DTMF #']));
    expect(answererLog).toEqual(
      expect.arrayContaining(['registration: registered', 'sent DTMF 1#']),
    );
  } finally {
    await Promise.allSettled([answerer.dispose(), caller.dispose()]);
  }
});
