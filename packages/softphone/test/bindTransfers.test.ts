// bindSoftphone's consultations, transfers, conferences, call waiting and PCI pause against the
// core's embedded centre and real calls: three Node softphones (agent Alice, colleague Carol,
// customer Bob) register with a real Kamailio on 127.0.0.1; Alice's and Carol's phones are bound
// to their desks on one centre.
import { createDesk, definePlugin, type Contact, type Desk } from '@switchboard/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bindSoftphone,
  type BindSoftphoneOptions,
  type Call,
  type Softphone,
  type SoftphoneBinding,
} from '../src/index';
import { freePort } from '../../../tooling/ports';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { nodePhone, users } from './support/phones';

let kamailio: Kamailio;
const phones: Softphone[] = [];
const desks: Desk[] = [];
const errors: unknown[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
});

afterAll(async () => {
  await kamailio.stop();
});

afterEach(async () => {
  await Promise.allSettled(phones.splice(0).map((phone) => phone.dispose()));
  await Promise.allSettled(desks.splice(0).map((desk) => desk.dispose()));
  expect(errors.splice(0)).toEqual([]);
});

/** Pauses recording when a (simulated) card form opens: the PCI plugin a host would write. */
let openCardForm: (contactId: string) => void = () => undefined;
const pciPlugin = definePlugin({
  name: 'pci',
  version: '1.0.0',
  permissions: ['recording:write'],
  setup(ctx) {
    openCardForm = (contactId) => {
      ctx.events.emit('recording.pauseRequested', { contactId, autoResumeMs: 300 });
    };
  },
});

interface Setup {
  readonly desk: Desk;
  readonly carolDesk: Desk;
  readonly alice: Softphone;
  readonly bob: Softphone;
  readonly carol: Softphone;
  readonly binding: SoftphoneBinding;
  readonly carolBinding: SoftphoneBinding;
}

async function setup(options: BindSoftphoneOptions = {}, bindCarol = true): Promise<Setup> {
  const [alice, bob, carol] = (['alice', 'bob', 'carol'] as const).map((user) =>
    nodePhone(kamailio, user),
  ) as [Softphone, Softphone, Softphone];
  phones.push(alice, bob, carol);
  await Promise.all(phones.map((phone) => phone.register()));
  const desk = createDesk({ agent: { id: 'alice', name: 'Alice' }, plugins: [pciPlugin] });
  const carolDesk = createDesk({ agent: { id: 'carol', name: 'Carol' }, center: desk.center });
  desks.push(desk, carolDesk);
  await Promise.all([desk.ready, desk.login(), carolDesk.login()]);
  const onError = (error: unknown) => errors.push(error);
  const binding = bindSoftphone(desk, alice, { ...options, onError });
  const carolBinding = bindCarol
    ? bindSoftphone(carolDesk, carol, { onError })
    : ({ contactOf: () => undefined, callOf: () => undefined, unbind: () => undefined } as never);
  return { desk, carolDesk, alice, bob, carol, binding, carolBinding };
}

const contactOf = (desk: Desk, id: string): Contact | undefined =>
  desk.center.getSnapshot().contacts.get(id);

/** A voice contact offered to Alice; Bob calls in for it and Alice accepts on her desk. */
async function customerOnTheLine({ desk, alice, bob }: Setup) {
  const contact = desk.center.openContact({
    channel: 'voice',
    customer: { phone: '+14155550100' },
  });
  desk.center.contactCommand(contact.id, { type: 'offer', agentId: 'alice' });
  const ringing = new Promise<Call>((resolve) => {
    const off = alice.on('call.incoming', ({ call }) => {
      off();
      resolve(call);
    });
  });
  const bobCall = await bob.call('alice', {
    extraHeaders: [`X-Switchboard-Contact-Id: ${contact.id}`],
  });
  const aliceCall = await ringing;
  await desk.accept(contact.id);
  await waitFor(() => contactOf(desk, contact.id)?.status === 'connected', 'contact connected');
  await waitFor(() => bobCall.getSnapshot().status === 'connected', 'customer connected');
  return { contactId: contact.id, aliceCall, bobCall };
}

/** Carol answers on her desk whatever contact her phone rings for; answers other calls directly. */
function carolAnswers({ carol, carolDesk, carolBinding }: Setup) {
  carol.on('call.incoming', ({ call }) => {
    const contactId = carolBinding.contactOf(call.id);
    const linked = contactId === undefined ? undefined : contactOf(carolDesk, contactId);
    if (linked?.status === 'offered') void carolDesk.accept(linked.id);
    else void call.answer();
  });
}

const ended = (call: Call, what: string) =>
  waitFor(() => call.getSnapshot().status === 'ended' && call.getSnapshot(), what, 5000);

describe('bindSoftphone: transfers', { timeout: 20_000 }, () => {
  it('desk.transfer to an agent REFERs the call; the colleague accepts on their desk and talks to the customer', async () => {
    const s = await setup();
    carolAnswers(s);
    const { contactId, aliceCall } = await customerOnTheLine(s);

    await s.desk.transfer(contactId, { kind: 'agent', agentId: 'carol' });

    expect(await ended(aliceCall, 'agent leg')).toMatchObject({ endReason: 'transferred' });
    await waitFor(
      () =>
        contactOf(s.desk, contactId)?.status === 'connected' && s.carolBinding.callOf(contactId),
      'connected to carol',
      5000,
    );
    expect(contactOf(s.desk, contactId)).toMatchObject({ agentId: 'carol', transfers: 1 });
    expect(s.carolBinding.callOf(contactId)?.getSnapshot().status).toBe('connected');
  });

  it('desk.consult holds the customer and calls the colleague; a consult transfer joins them (REFER with Replaces)', async () => {
    const s = await setup();
    carolAnswers(s);
    const { contactId, aliceCall, bobCall } = await customerOnTheLine(s);

    await s.desk.consult(contactId, 'carol');
    await waitFor(() => aliceCall.getSnapshot().held, 'customer held');
    const consultation = await waitFor(
      () =>
        s.alice
          .getSnapshot()
          .calls.find((call) => call.id !== aliceCall.id && call.status === 'connected'),
      'consultation connected',
      5000,
    );
    expect(s.carolBinding.callOf(contactId)).toBeDefined(); // the colleague's leg is linked too

    await s.desk.transfer(contactId, { kind: 'agent', agentId: 'carol' });

    expect(await ended(aliceCall, 'agent leg')).toMatchObject({ endReason: 'transferred' });
    const consultCall = s.alice.getCall(consultation.id);
    if (consultCall) await ended(consultCall, 'consultation');
    const carolCall = await waitFor(
      () => {
        const call = s.carolBinding.callOf(contactId);
        return call?.getSnapshot().status === 'connected' &&
          call.getSnapshot().direction === 'inbound'
          ? call
          : undefined;
      },
      'carol linked to the replacing call',
      5000,
    );
    expect(contactOf(s.desk, contactId)).toMatchObject({ status: 'connected', agentId: 'carol' });
    // The customer's new leg goes to Carol; when the customer hangs up, Carol's contact wraps up.
    await waitFor(() => bobCall.getSnapshot().status === 'ended', 'old customer leg ended');
    for (const call of s.bob.getSnapshot().calls) await s.bob.getCall(call.id)?.hangUp();
    await ended(carolCall, 'carol call ended');
    await waitFor(() => contactOf(s.desk, contactId)?.status === 'wrapUp', 'carol wraps up');
  });

  it('desk.conference joins the customer and the consultation into one conference on the phone', async () => {
    const s = await setup();
    carolAnswers(s);
    const { contactId, aliceCall } = await customerOnTheLine(s);
    await s.desk.consult(contactId, 'carol');
    await waitFor(
      () => s.alice.getSnapshot().calls.filter((call) => call.status === 'connected').length === 2,
      'two calls',
    );

    await s.desk.conference(contactId);

    const conferenceId = await waitFor(
      () => aliceCall.getSnapshot().conferenceId ?? undefined,
      'conferenced',
    );
    expect(s.alice.getSnapshot().calls.map((call) => [call.conferenceId, call.held])).toEqual([
      [conferenceId, false],
      [conferenceId, false],
    ]);
  });

  it('a blind transfer made on the phone transfers the contact on the desk (to an agent named by the URI)', async () => {
    const s = await setup({}, false); // Carol's phone is not bound: only Alice's side mirrors
    s.carol.on('call.incoming', ({ call }) => void call.answer());
    const { contactId, aliceCall } = await customerOnTheLine(s);

    await aliceCall.transfer('carol');

    await waitFor(() => contactOf(s.desk, contactId)?.agentId === 'carol', 'contact follows', 5000);
    expect(contactOf(s.desk, contactId)).toMatchObject({ status: 'offered', transfers: 1 });
    expect(aliceCall.getSnapshot().endReason).toBe('transferred');
  });
});

describe('bindSoftphone: call waiting', { timeout: 20_000 }, () => {
  it('a direct call while on a voice contact rings unmirrored; answering it holds the contact', async () => {
    const s = await setup();
    const { contactId, aliceCall } = await customerOnTheLine(s);
    const waiting = new Promise<{ call: Call; waiting: boolean }>((resolve) =>
      s.alice.on('call.incoming', resolve),
    );
    await s.carol.call('alice');
    const second = await waiting;
    expect(second.waiting).toBe(true);
    expect(s.binding.contactOf(second.call.id)).toBeUndefined();
    expect(
      s.desk.getSnapshot().contacts.filter((contact) => contact.channel === 'voice'),
    ).toHaveLength(1);

    await second.call.answer();

    expect(aliceCall.getSnapshot().held).toBe(true);
    await waitFor(() => contactOf(s.desk, contactId)?.status === 'onHold', 'contact on hold');
  });

  it("with callWaiting: 'busy' the direct call is declined with 486", async () => {
    const s = await setup({ callWaiting: 'busy' });
    await customerOnTheLine(s);
    const call = await s.carol.call('alice');
    expect(await ended(call, 'declined')).toMatchObject({ endReason: 'busy', statusCode: 486 });
  });
});

describe('bindSoftphone: PCI pause', { timeout: 20_000 }, () => {
  it('a plugin pauses recording; the contact is annotated and resumes after the time-out', async () => {
    const s = await setup();
    const { contactId, aliceCall } = await customerOnTheLine(s);
    const annotated: unknown[] = [];
    s.desk.events.on('contact.annotated', ({ attributes }) => annotated.push(attributes));

    openCardForm(contactId);

    await waitFor(
      () => contactOf(s.desk, contactId)?.attributes.recordingPaused === true,
      'paused',
    );
    expect(aliceCall.getSnapshot().recordingPaused).toBe(true);
    await waitFor(
      () => contactOf(s.desk, contactId)?.attributes.recordingPaused === false,
      'resumed',
    );
    expect(annotated).toEqual([
      { recordingPaused: true, recordingAutoResumeMs: 300 },
      { recordingPaused: false, recordingResumedBy: 'timeout' },
    ]);
    await s.binding.pauseRecording(contactId, { autoResumeMs: 0 });
    await s.binding.resumeRecording(contactId);
    expect(annotated).toHaveLength(4);
  });
});
