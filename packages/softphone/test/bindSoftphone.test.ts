// bindSoftphone against the core's embedded centre and real calls: two Node softphones (the
// agent and a customer) register with a real Kamailio on 127.0.0.1 and call each other.
import { createDesk, type Contact, type Desk } from '@switchboard/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindSoftphone, type Call, type Softphone } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { nodePhone, users } from './support/phones';

let kamailio: Kamailio;
let agentPhone: Softphone;
let customerPhone: Softphone;
let desk: Desk;
const errors: unknown[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
});

afterAll(async () => {
  await kamailio.stop();
});

afterEach(async () => {
  await Promise.allSettled([agentPhone.dispose(), customerPhone.dispose(), desk.dispose()]);
  expect(errors).toEqual([]);
});

async function setup() {
  errors.length = 0;
  agentPhone = nodePhone(kamailio, 'alice');
  customerPhone = nodePhone(kamailio, 'bob');
  await Promise.all([agentPhone.register(), customerPhone.register()]);
  desk = createDesk({ agent: { id: 'alice', name: 'Alice' } });
  await desk.login();
  const binding = bindSoftphone(desk, agentPhone, { onError: (error) => errors.push(error) });
  return binding;
}

const voiceContact = (): Contact | undefined =>
  desk.getSnapshot().contacts.find((contact) => contact.channel === 'voice');
const status = () => voiceContact()?.status;

describe('bindSoftphone', { timeout: 15_000 }, () => {
  it('links an offered voice contact to the ringing call; accept answers; hold and hang-up are mirrored', async () => {
    const binding = await setup();
    const offered = desk.center.openContact({
      channel: 'voice',
      queueId: 'default',
      customer: { phone: '+14155550100' },
    });
    expect(status()).toBe('offered');
    const ringing = new Promise<Call>((resolve) => {
      agentPhone.on('call.incoming', ({ call }) => {
        resolve(call);
      });
    });
    const customerCall = await customerPhone.call('alice', {
      extraHeaders: [`X-Switchboard-Contact-Id: ${offered.id}`],
    });
    const agentCall = await ringing;
    expect(binding.contactOf(agentCall.id)).toBe(offered.id);

    await desk.accept(offered.id); // the agent accepts on the desk: the phone answers
    await waitFor(() => status() === 'connected', 'contact connected');
    await waitFor(() => customerCall.getSnapshot().status === 'connected', 'customer connected');

    await desk.hold(offered.id); // hold on the desk re-INVITEs the call
    await waitFor(() => agentCall.getSnapshot().held, 'call held');
    await agentCall.resume(); // resume on the phone resumes the contact
    await waitFor(() => status() === 'connected', 'contact resumed');

    await customerCall.hangUp(); // the customer hangs up: the contact goes to wrap-up
    await waitFor(() => status() === 'wrapUp', 'wrap-up');
    expect(agentCall.getSnapshot()).toMatchObject({ status: 'ended', endReason: 'remoteHangUp' });
  });

  it('answering on the phone accepts the contact; wrap-up on the desk hangs up', async () => {
    await setup();
    const first = desk.center.openContact({ channel: 'voice', queueId: 'default' });
    agentPhone.on('call.incoming', ({ call }) => {
      void call.answer();
    });
    await customerPhone.call('alice', { extraHeaders: [`X-Switchboard-Contact-Id: ${first.id}`] });
    await waitFor(() => status() === 'connected', 'accepted and connected from the phone');
    await desk.wrapUp(first.id); // wrap-up on the desk hangs the call up
    await waitFor(() => agentPhone.getSnapshot().calls.length === 0, 'call ended');
    await desk.complete(first.id);
  });

  it('declining on the desk declines the ringing call', async () => {
    await setup();
    const offered = desk.center.openContact({ channel: 'voice', queueId: 'default' });
    agentPhone.on('call.incoming', () => {
      void desk.reject(offered.id);
    });
    const call = await customerPhone.call('alice', {
      extraHeaders: [`X-Switchboard-Contact-Id: ${offered.id}`],
    });
    await waitFor(() => call.getSnapshot().status === 'ended', 'customer call ended');
    expect(call.getSnapshot()).toMatchObject({ endReason: 'busy', statusCode: 486 });
  });

  it('a call placed on the phone opens an outbound voice contact', async () => {
    await setup();
    customerPhone.on('call.incoming', ({ call }) => {
      void call.answer();
    });
    const call = await agentPhone.call('bob');
    await waitFor(() => status() === 'connected', 'outbound contact connected');
    expect(voiceContact()).toMatchObject({
      direction: 'outbound',
      attributes: { callId: call.id },
    });
    await call.hangUp();
    await waitFor(() => status() === 'wrapUp', 'wrap-up after hang-up');
  });

  it('DTMF sent by SIP INFO arrives at the far end as call.dtmfReceived', async () => {
    await setup();
    const tones: string[] = [];
    customerPhone.on('call.dtmfReceived', ({ tone }) => tones.push(tone));
    customerPhone.on('call.incoming', ({ call }) => {
      void call.answer();
    });
    const call = await agentPhone.call('bob');
    await waitFor(() => call.getSnapshot().status === 'connected', 'connected');
    await call.sendDtmf('4*2#');
    expect(tones).toEqual(['4', '*', '2', '#']);
    await call.hangUp();
  });

  it('a voice dial on the desk places the call', async () => {
    await setup();
    customerPhone.on('call.incoming', ({ call }) => {
      void call.answer();
    });
    const dialled = await desk.dial({ channel: 'voice', customer: { phone: 'bob' } });
    await waitFor(() => status() === 'connected', 'dialled contact connected');
    await desk.wrapUp(dialled.id);
    await waitFor(() => customerPhone.getSnapshot().calls.length === 0, 'customer hung up');
  });

  it('a caller giving up before the answer abandons the contact', async () => {
    await setup();
    const offered = desk.center.openContact({ channel: 'voice', queueId: 'default' });
    const ringing = new Promise<void>((resolve) => {
      agentPhone.on('call.incoming', () => {
        resolve();
      });
    });
    const call = await customerPhone.call('alice', {
      extraHeaders: [`X-Switchboard-Contact-Id: ${offered.id}`],
    });
    await ringing;
    await call.hangUp();
    await waitFor(
      () => desk.center.getSnapshot().contacts.get(offered.id)?.status === 'abandoned',
      'abandoned',
    );
  });
});
