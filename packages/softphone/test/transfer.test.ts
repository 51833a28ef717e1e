// Transfers, call waiting, conferences and the PCI recording pause against a real Kamailio on
// 127.0.0.1. The transferee and the transfer target are Node softphones (static media, real SIP
// over WebSocket); sipp plays a far end that refuses transfers and checks the recording INFOs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSoftphoneError, type Call, type CallSnapshot, type Softphone } from '../src/index';
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

async function registered(
  ...args: Parameters<typeof nodePhone> extends [unknown, ...infer R] ? R : never
) {
  const created = nodePhone(kamailio, ...args);
  phones.push(created);
  await created.register();
  return created;
}

/** The next call ringing on `phone`, answered. */
function answerNext(phone: Softphone): Promise<Call> {
  return new Promise((resolve) => {
    const off = phone.on('call.incoming', ({ call }) => {
      off();
      void call.answer().then(() => {
        resolve(call);
      });
    });
  });
}

const connected = (call: Call, what: string) =>
  waitFor(() => call.getSnapshot().status === 'connected', what, 5000);
const ended = (call: Call, what: string) =>
  waitFor(() => call.getSnapshot().status === 'ended' && call.getSnapshot(), what, 5000);

/** Bob (the customer) calls Alice (the agent), who answers. */
async function customerCall(alice: Softphone, bob: Softphone) {
  const answered = answerNext(alice);
  const bobCall = await bob.call('alice');
  const aliceCall = await answered;
  await connected(bobCall, 'customer connected');
  return { aliceCall, bobCall };
}

describe('blind transfer', { timeout: 20_000 }, () => {
  it('sends the customer to another phone by REFER and ends the agent leg as transferred', async () => {
    const [alice, bob, carol] = await Promise.all([
      registered('alice'),
      registered('bob'),
      registered('carol'),
    ]);
    const { aliceCall, bobCall } = await customerCall(alice, bob);
    const carolAnswered = answerNext(carol);
    const referred = new Promise<{ call: Call; from: CallSnapshot }>((resolve) =>
      bob.on('call.referred', resolve),
    );

    const result = await aliceCall.transfer('carol');

    expect(result).toEqual({
      mode: 'blind',
      target: `sip:carol@${kamailio.domain}`,
      statusCode: 200,
    });
    const carolCall = await carolAnswered;
    const { call: bobToCarol, from } = await referred;
    expect(from.id).toBe(bobCall.id);
    await connected(bobToCarol, 'customer connected to carol');
    expect(carolCall.getSnapshot().remote.uri).toContain('bob');
    expect(await ended(aliceCall, 'agent leg ended')).toMatchObject({ endReason: 'transferred' });
    expect(await ended(bobCall, 'old customer leg ended')).toMatchObject({
      endReason: 'transferred',
    });
    expect(alice.getSnapshot().calls).toEqual([]);
  });

  it('rejects with TRANSFER_FAILED (stage notify, 486) when the target is busy; the call goes on', async () => {
    const [alice, bob, carol] = await Promise.all([
      registered('alice'),
      registered('bob'),
      registered('carol'),
    ]);
    carol.on('call.incoming', ({ call }) => void call.reject({ statusCode: 486 }));
    const { aliceCall, bobCall } = await customerCall(alice, bob);

    const error = await aliceCall.transfer('carol').catch((caught: unknown) => caught);

    expect(isSoftphoneError(error, 'TRANSFER_FAILED')).toBe(true);
    expect(isSoftphoneError(error) && error.details).toMatchObject({
      stage: 'notify',
      statusCode: 486,
    });
    expect(aliceCall.getSnapshot().status).toBe('connected');
    await aliceCall.hangUp();
    expect(await ended(bobCall, 'customer hung up')).toMatchObject({ endReason: 'remoteHangUp' });
  });

  it('rejects with TRANSFER_FAILED (stage refer, 603) when the far end refuses transfers', async () => {
    const [alice, bob] = await Promise.all([
      registered('alice'),
      registered('bob', { incomingTransfers: 'refuse' }),
    ]);
    const { aliceCall } = await customerCall(alice, bob);
    const error = await aliceCall.transfer('carol').catch((caught: unknown) => caught);
    expect(isSoftphoneError(error) && error.details).toMatchObject({
      stage: 'refer',
      statusCode: 603,
    });
    expect(aliceCall.getSnapshot().status).toBe('connected');
  });
});

describe('attended transfer', { timeout: 20_000 }, () => {
  it('consults the target, then joins customer and target by REFER with Replaces', async () => {
    const [alice, bob, carol] = await Promise.all([
      registered('alice'),
      registered('bob'),
      registered('carol'),
    ]);
    const { aliceCall, bobCall } = await customerCall(alice, bob);
    await aliceCall.hold();
    const carolAnswered = answerNext(carol);
    const consult = await alice.call('carol');
    const carolConsulted = await carolAnswered;
    await connected(consult, 'consultation connected');
    const replacedOnCarol = new Promise<{ call: Call; replaced: CallSnapshot }>((resolve) =>
      carol.on('call.replaced', resolve),
    );
    const referred = new Promise<Call>((resolve) =>
      bob.on('call.referred', ({ call }) => {
        resolve(call);
      }),
    );

    const result = await aliceCall.transfer(consult);

    expect(result).toMatchObject({ mode: 'attended', statusCode: 200 });
    const { call: carolWithBob, replaced } = await replacedOnCarol;
    expect(replaced.id).toBe(carolConsulted.id);
    await connected(carolWithBob, 'target connected to the customer');
    await connected(await referred, 'customer connected to the target');
    expect(await ended(carolConsulted, 'consultation replaced')).toMatchObject({
      endReason: 'replaced',
    });
    expect(await ended(aliceCall, 'agent leg')).toMatchObject({ endReason: 'transferred' });
    expect(await ended(consult, 'consult leg')).toMatchObject({ endReason: 'transferred' });
    expect(await ended(bobCall, 'old customer leg')).toMatchObject({ endReason: 'transferred' });
  });
});

describe('call waiting and conference', { timeout: 20_000 }, () => {
  it('a second call rings as waiting; answering holds the first; switchTo swaps them', async () => {
    const [alice, bob, carol] = await Promise.all([
      registered('alice'),
      registered('bob'),
      registered('carol'),
    ]);
    const { aliceCall: first } = await customerCall(alice, bob);
    const second = new Promise<{ call: Call; waiting: boolean }>((resolve) =>
      alice.on('call.incoming', resolve),
    );
    const carolCall = await carol.call('alice');
    const { call, waiting } = await second;
    expect(waiting).toBe(true);
    expect(call.getSnapshot().status).toBe('ringing');

    await call.answer();
    expect(first.getSnapshot().held).toBe(true);
    await connected(carolCall, 'second caller connected');

    await alice.switchTo(first.id);
    expect(first.getSnapshot().held).toBe(false);
    expect(call.getSnapshot().held).toBe(true);
    expect(carolCall.getSnapshot().remoteHeld).toBe(true);
  });

  it('conferences two calls: both off hold with one conferenceId; split holds all but one', async () => {
    const [alice, bob, carol] = await Promise.all([
      registered('alice'),
      registered('bob'),
      registered('carol'),
    ]);
    const { aliceCall: customer } = await customerCall(alice, bob);
    await customer.hold();
    const carolAnswered = answerNext(carol);
    const consult = await alice.call('carol');
    await carolAnswered;
    await connected(consult, 'consultation connected');

    const conference = await alice.conference([customer, consult]);
    for (const call of [customer, consult]) {
      expect(call.getSnapshot()).toMatchObject({ held: false, conferenceId: conference.id });
    }
    await conference.split();
    expect(customer.getSnapshot()).toMatchObject({ held: false, conferenceId: null });
    expect(consult.getSnapshot()).toMatchObject({ held: true, conferenceId: null });
    await expect(alice.conference([customer])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('re-INVITE queue and PCI pause (sipp far end)', { timeout: 30_000 }, () => {
  it('serialises a transfer behind a hold, retries a REFER refused with 500, maps a 503 NOTIFY, then pauses and auto-resumes recording by INFO', async () => {
    const sipp = runSipp({ scenario: 'refer-retry-pci.xml', port: gatewayPort });
    const alice = await registered('alice');
    const call = await alice.call('+14155552671');
    await connected(call, 'connected');
    const events: string[] = [];
    alice.on('call.recordingPaused', ({ autoResumeMs }) => events.push(`paused ${autoResumeMs}`));
    alice.on('call.recordingResumed', ({ reason }) => events.push(`resumed ${reason}`));

    const [held, transfer] = await Promise.allSettled([call.hold(), call.transfer('carol')]);

    expect(held.status).toBe('fulfilled');
    expect(transfer.status === 'rejected' && transfer.reason).toMatchObject({
      code: 'TRANSFER_FAILED',
      details: { stage: 'notify', statusCode: 503 },
    });
    await call.pauseRecording({ autoResumeMs: 300 });
    expect(call.getSnapshot().recordingPaused).toBe(true);
    await waitFor(() => !call.getSnapshot().recordingPaused, 'automatic resume', 5000);
    expect(events).toEqual(['paused 300', 'resumed timeout']);
    await call.hangUp();
    const result = await sipp.done;
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
  });
});
