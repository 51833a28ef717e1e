// Registration and calls against a real Kamailio (started here on 127.0.0.1, stopped after),
// with sipp as the far end. Nothing is faked: SIP goes over a real WebSocket; only the media
// is the static SDP of createStaticMedia (Node has no WebRTC).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSoftphoneError, type CallSnapshot, type Softphone } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { nodePhone, users } from './support/phones';
import { runSipp } from './support/sipp';

let kamailio: Kamailio;
let gatewayPort: number;
const phones: Softphone[] = [];

beforeAll(async () => {
  gatewayPort = await freePort(true);
  kamailio = await startKamailio({ users, gatewayPort });
});

afterEach(async () => {
  await Promise.allSettled(phones.splice(0).map((phone) => phone.dispose()));
});

afterAll(async () => {
  await kamailio.stop();
});

const phone = (...args: Parameters<typeof nodePhone> extends [unknown, ...infer R] ? R : never) => {
  const created = nodePhone(kamailio, ...args);
  phones.push(created);
  return created;
};

describe('registration', () => {
  it('registers, leaves exactly one binding, and unregisters', async () => {
    const alice = phone('alice');
    const seen: string[] = [];
    alice.on('registration.changed', ({ registration }) => seen.push(registration.status));
    await alice.register();
    expect(alice.getSnapshot().registration.status).toBe('registered');
    expect(seen).toEqual(['registering', 'registered']);
    expect(await kamailio.contacts('alice')).toHaveLength(1);
    await alice.unregister();
    expect(alice.getSnapshot().registration.status).toBe('unregistered');
    await waitFor(async () => (await kamailio.contacts('alice')).length === 0, 'no binding');
  });

  it('fails with a typed UNAUTHORIZED error on a wrong password', async () => {
    const alice = phone('alice', { credentials: () => 'wrong' });
    const error = await alice.register().catch((caught: unknown) => caught);
    expect(isSoftphoneError(error, 'UNAUTHORIZED')).toBe(true);
    expect(alice.getSnapshot().registration).toEqual({
      status: 'failed',
      reason: 'unauthorized',
      statusCode: 401,
    });
  });

  it('fails with CREDENTIALS_UNAVAILABLE when the credentials function throws', async () => {
    const alice = phone('alice', {
      credentials: () => {
        throw new Error('vault sealed');
      },
    });
    const error = await alice.register().catch((caught: unknown) => caught);
    expect(isSoftphoneError(error, 'CREDENTIALS_UNAVAILABLE')).toBe(true);
    expect(alice.getSnapshot().registration).toMatchObject({
      status: 'failed',
      reason: 'credentials',
    });
  });
});

describe('calls', () => {
  it('calls a national number as E.164, holds, resumes, sends DTMF by INFO and hangs up', async () => {
    const sipp = runSipp({ scenario: 'answer-hold-dtmf.xml', port: gatewayPort });
    const alice = phone('alice');
    await alice.register();
    const statuses: string[] = [];
    alice.on('call.outgoing', ({ call: dialled }) => {
      dialled.subscribe(() => statuses.push(dialled.getSnapshot().status));
    });
    const call = await alice.call('(415) 555-2671');
    expect(call.getSnapshot()).toMatchObject({
      direction: 'outbound',
      remote: { number: '+14155552671', uri: `sip:+14155552671@${kamailio.domain}` },
    });
    await waitFor(() => call.getSnapshot().status === 'connected', 'connected');
    expect(statuses).toContain('early');
    await call.hold();
    expect(call.getSnapshot().held).toBe(true);
    await call.resume();
    expect(call.getSnapshot().held).toBe(false);
    await call.sendDtmf('1#');
    const ended = new Promise((resolve) =>
      alice.on('call.ended', ({ call: done }) => {
        resolve(done);
      }),
    );
    await call.hangUp();
    expect(await ended).toMatchObject({ status: 'ended', endReason: 'hangUp' });
    const result = await sipp.done;
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
    expect(alice.getSnapshot().calls).toEqual([]);
  });
});

describe('incoming calls', () => {
  it('rings, is answered, and ends when the caller hangs up', async () => {
    const alice = phone('alice');
    await alice.register();
    // The ringing snapshot is checked below: a throw in the listener would only be logged.
    const answered = new Promise<CallSnapshot>((resolve) => {
      alice.on('call.incoming', ({ call }) => {
        const ringing = call.getSnapshot();
        void call.answer().then(() => {
          resolve(ringing);
        });
      });
    });
    const ended = new Promise((resolve) =>
      alice.on('call.ended', ({ call }) => {
        resolve(call);
      }),
    );
    const sipp = runSipp({
      scenario: 'call-alice.xml',
      port: await freePort(true),
      remote: `127.0.0.1:${kamailio.sipPort}`,
      service: 'alice',
    });
    const ringing = await answered;
    expect(ringing).toMatchObject({
      direction: 'inbound',
      status: 'ringing',
      remote: { number: '+14155550100', displayName: 'Customer' },
    });
    expect(await ended).toMatchObject({
      id: ringing.id,
      endReason: 'remoteHangUp',
      status: 'ended',
    });
    expect((await sipp.done).code).toBe(0);
  });

  it('declines with 486 Busy Here', async () => {
    const alice = phone('alice');
    await alice.register();
    alice.on('call.incoming', ({ call }) => {
      void call.reject();
    });
    const ended = new Promise((resolve) =>
      alice.on('call.ended', ({ call }) => {
        resolve(call);
      }),
    );
    const sipp = runSipp({
      scenario: 'call-alice-rejected.xml',
      port: await freePort(true),
      remote: `127.0.0.1:${kamailio.sipPort}`,
      service: 'alice',
    });
    expect(await ended).toMatchObject({ endReason: 'rejected', statusCode: 486 });
    expect((await sipp.done).code).toBe(0);
  });
});

describe('re-INVITE queue', () => {
  it('retries a hold refused with 491 Request Pending and succeeds', async () => {
    const sipp = runSipp({ scenario: 'hold-glare.xml', port: gatewayPort });
    const alice = phone('alice');
    await alice.register();
    const call = await alice.call('+14155552671');
    await waitFor(() => call.getSnapshot().status === 'connected', 'connected');
    await call.hold();
    expect(call.getSnapshot().held).toBe(true);
    await call.hangUp();
    const result = await sipp.done;
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('targets', () => {
  it('refuses a target that is neither a URI nor a valid number, without dialling', async () => {
    const alice = phone('alice');
    await alice.register();
    const error = await alice.call('555').catch((caught: unknown) => caught);
    expect(isSoftphoneError(error, 'INVALID_TARGET')).toBe(true);
    expect(alice.getSnapshot().calls).toEqual([]);
  });

  it('refuses to call before registering', async () => {
    const alice = phone('alice');
    const error = await alice.call('bob').catch((caught: unknown) => caught);
    expect(isSoftphoneError(error, 'INVALID_STATE')).toBe(true);
  });
});
