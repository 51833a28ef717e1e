import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '@switchboard/core';
import { connectHubSpot, type HubSpotHandlers, type HubSpotSdk } from '../src/crm/hubspot';
import type { OpenCti } from '../src/crm/opencti';
import { connectSalesforce } from '../src/crm/salesforce';
import { connectZendesk, type ZafClient } from '../src/crm/zendesk';
import { createBridgePair, nextCompleted, ring } from './bridgePair';

// The CRM recipes of docs/recipes.md, each driven through a real desk and a real bridge peer.
// No real CRM is reachable here (HubSpot, Salesforce and Zendesk run their SDKs only inside
// their own pages), so each SDK is a hand-rolled stand-in that records the calls it gets and
// lets the test fire the CRM's events.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function pair() {
  const made = await createBridgePair();
  closers.push(made.close);
  return made;
}

const outbound = (contacts: readonly Contact[]) =>
  contacts.filter((contact) => contact.direction === 'outbound').map((c) => c.customer);

/** Accepts, hangs up and completes `contactId` with a disposition, as the agent would. */
async function handle(desk: Awaited<ReturnType<typeof pair>>['desk'], contactId: string) {
  await desk.accept(contactId);
  await desk.wrapUp(contactId);
  await desk.complete(contactId, { disposition: 'resolved' });
}

describe('HubSpot (calling extensions SDK)', () => {
  async function setup() {
    const made = await pair();
    const calls: [string, unknown][] = [];
    let handlers: HubSpotHandlers | undefined;
    const record =
      (name: string) =>
      (data: unknown): void => {
        calls.push([name, data]);
        // HubSpot answers a new call with its engagement, as the real SDK's host does.
        if (name === 'incomingCall' || name === 'outgoingCall')
          handlers?.onCreateEngagementSucceeded({ engagementId: 7001 });
      };
    const sdk: HubSpotSdk = {
      initialized: record('initialized'),
      incomingCall: record('incomingCall'),
      outgoingCall: record('outgoingCall'),
      callAnswered: record('callAnswered'),
      callEnded: record('callEnded'),
      callCompleted: record('callCompleted'),
    };
    const dispose = await connectHubSpot(
      made.peer,
      (given) => {
        handlers = given;
        return sdk;
      },
      { line: '+15550000000' },
    );
    if (!handlers) throw new TypeError('connectHubSpot did not create the SDK');
    expect(calls).toEqual([]);
    handlers.onReady(); // HubSpot has loaded the iframe
    return { ...made, calls, handlers, dispose };
  }

  it('dials what HubSpot’s click-to-dial sends, and reports the outgoing call', async () => {
    const { desk, calls, handlers } = await setup();
    handlers.onDialNumber({ phoneNumber: '+15551230001', objectId: 501 });
    await expect
      .poll(() => outbound(desk.getSnapshot().contacts))
      .toEqual([expect.objectContaining({ phone: '+15551230001', id: '501' })]);
    const contactId = desk.getSnapshot().contacts[0]?.id;
    await expect
      .poll(() => calls.filter(([name]) => name === 'outgoingCall'))
      .toEqual([
        [
          'outgoingCall',
          { externalCallId: contactId, toNumber: '+15551230001', fromNumber: '+15550000000' },
        ],
      ]);
  });

  it('turns an offer into an incoming call and the disposition into the completed engagement', async () => {
    const { center, desk, calls } = await setup();
    expect(calls).toEqual([['initialized', { isLoggedIn: true }]]);
    const contactId = ring(center, { phone: '+15551230002' });
    await expect
      .poll(() => calls.find(([name]) => name === 'incomingCall'))
      .toEqual([
        'incomingCall',
        { externalCallId: contactId, fromNumber: '+15551230002', toNumber: '+15550000000' },
      ]);
    await handle(desk, contactId);
    await expect.poll(() => calls.at(-1)?.[0]).toBe('callCompleted');
    expect(calls.slice(2).map(([name]) => name)).toEqual([
      'callAnswered',
      'callEnded',
      'callCompleted',
    ]);
    expect(calls.at(-2)?.[1]).toEqual({
      externalCallId: contactId,
      engagementId: 7001,
      callEndStatus: 'COMPLETED',
    });
    expect(calls.at(-1)?.[1]).toMatchObject({
      externalCallId: contactId,
      engagementId: 7001,
      engagementProperties: { hs_call_body: 'Disposition: resolved' },
    });
  });

  it('stops dialling and reporting once disposed', async () => {
    const { center, desk, peer, calls, handlers, dispose } = await setup();
    dispose();
    const completed = await nextCompleted(peer);
    handlers.onDialNumber({ phoneNumber: '+15551230003' });
    const contactId = ring(center, { phone: '+15551230004' });
    await expect.poll(() => desk.getSnapshot().contacts.map((c) => c.id)).toEqual([contactId]);
    await handle(desk, contactId);
    await completed();
    expect(outbound(desk.getSnapshot().contacts)).toEqual([]);
    expect(calls).toEqual([['initialized', { isLoggedIn: true }]]);
  });
});

describe('Salesforce (Open CTI for Lightning)', () => {
  async function setup() {
    const made = await pair();
    const calls: [string, unknown][] = [];
    let click: ((payload: { number: string | number; recordId?: string }) => void) | undefined;
    const opencti: OpenCti = {
      SCREENPOP_TYPE: { SOBJECT: 'SOBJECT', SEARCH: 'SEARCH' },
      enableClickToDial: () => calls.push(['enableClickToDial', undefined]),
      onClickToDial: ({ listener }) => (click = listener),
      screenPop: (args) => calls.push(['screenPop', args]),
      saveLog: (args) => calls.push(['saveLog', args]),
      setSoftphonePanelVisibility: (args) => calls.push(['setSoftphonePanelVisibility', args]),
    };
    const dispose = await connectSalesforce(made.peer, opencti);
    if (!click) throw new TypeError('connectSalesforce registered no click-to-dial listener');
    return { ...made, calls, click, dispose };
  }

  it('dials a number clicked in Salesforce, with its record', async () => {
    const { desk, calls, click } = await setup();
    expect(calls).toEqual([['enableClickToDial', undefined]]);
    click({ number: '+15551230011', recordId: '003000000000001' });
    await expect
      .poll(() => outbound(desk.getSnapshot().contacts))
      .toEqual([expect.objectContaining({ phone: '+15551230011', id: '003000000000001' })]);
  });

  it('pops the caller’s record on offer (or searches the number) and saves the call Task', async () => {
    const { center, desk, calls } = await setup();
    const known = ring(center, { phone: '+15551230012', id: '003000000000002' });
    await expect.poll(() => calls.filter(([name]) => name === 'screenPop')).toHaveLength(1);
    expect(calls.slice(1)).toEqual([
      ['setSoftphonePanelVisibility', { visible: true }],
      ['screenPop', { type: 'SOBJECT', params: { recordId: '003000000000002' } }],
    ]);
    await handle(desk, known);
    await expect.poll(() => calls.at(-1)?.[0]).toBe('saveLog');
    expect(calls.at(-1)?.[1]).toEqual({
      value: {
        entityApiName: 'Task',
        Subject: 'Inbound call +15551230012',
        TaskSubtype: 'Call',
        Status: 'Completed',
        CallType: 'Inbound',
        CallDisposition: 'resolved',
        CallObject: known,
        WhoId: '003000000000002',
      },
    });
    ring(center, { phone: '+15551230013' });
    await expect
      .poll(() => calls.at(-1))
      .toEqual(['screenPop', { type: 'SEARCH', params: { searchString: '+15551230013' } }]);
  });

  it('ignores clicks and desk events once disposed', async () => {
    const { center, desk, peer, calls, click, dispose } = await setup();
    dispose();
    const completed = await nextCompleted(peer);
    click({ number: '+15551230014' });
    const contactId = ring(center, { phone: '+15551230015' });
    await expect.poll(() => desk.getSnapshot().contacts.map((c) => c.id)).toEqual([contactId]);
    await handle(desk, contactId);
    await completed();
    expect(outbound(desk.getSnapshot().contacts)).toEqual([]);
    expect(calls).toEqual([['enableClickToDial', undefined]]);
  });
});

describe('Zendesk (ZAF SDK)', () => {
  type Dialout = (event: { readonly number: string }) => void;
  async function setup() {
    const made = await pair();
    const calls: [string, ...unknown[]][] = [];
    const dialouts = new Set<Dialout>();
    const client: ZafClient = {
      on: (_event, handler) => dialouts.add(handler),
      off: (_event, handler) => dialouts.delete(handler),
      invoke: (...args) => {
        calls.push(['invoke', ...args]);
        return Promise.resolve(null);
      },
      request: <T>(options: Parameters<ZafClient['request']>[0]) => {
        calls.push(['request', options]);
        // The Support API's answers: the user search finds one user; a ticket is created.
        const answer = options.url.startsWith('/api/v2/users/search')
          ? { users: [{ id: 9001 }] }
          : { ticket: { id: 1 } };
        return Promise.resolve(answer as T);
      },
    };
    const dispose = await connectZendesk(made.peer, client);
    const dialout = (number: string) => {
      for (const handler of dialouts) handler({ number });
    };
    return { ...made, calls, dialouts, dialout, dispose };
  }

  it('dials what Zendesk’s click-to-call sends', async () => {
    const { desk, dialout } = await setup();
    dialout('+15551230021');
    await expect
      .poll(() => outbound(desk.getSnapshot().contacts))
      .toEqual([expect.objectContaining({ phone: '+15551230021' })]);
  });

  it('opens the caller’s user on offer and files a ticket with the disposition', async () => {
    const { center, desk, calls } = await setup();
    const byId = ring(center, { phone: '+15551230022', id: '424242' });
    await expect.poll(() => calls).toEqual([['invoke', 'routeTo', 'user', '424242']]);
    await handle(desk, byId);
    await expect.poll(() => calls).toHaveLength(2);
    const [, options] = calls[1] ?? [];
    expect(options).toMatchObject({ url: '/api/v2/tickets.json', type: 'POST' });
    expect(JSON.parse((options as { data: string }).data)).toEqual({
      ticket: {
        subject: 'inbound call +15551230022',
        requester_id: '424242',
        comment: { body: `Disposition: resolved (contact ${byId})`, public: false },
        tags: ['disposition_resolved'],
      },
    });
    ring(center, { phone: '+1 555 123 0023' });
    await expect
      .poll(() => calls.slice(2))
      .toEqual([
        ['request', { url: '/api/v2/users/search.json?query=%2B1%20555%20123%200023' }],
        ['invoke', 'routeTo', 'user', 9001],
      ]);
  });

  it('reports a Zendesk call that fails to onError, and keeps working', async () => {
    const { center, desk, peer } = await pair();
    const failures: unknown[] = [];
    const routed: unknown[] = [];
    const client: ZafClient = {
      on: () => undefined,
      off: () => undefined,
      invoke: (...args) => {
        routed.push(args);
        return Promise.resolve(null);
      },
      // The Support API refuses the search (say, the agent's session expired).
      request: () => Promise.reject(new Error('401 Unauthorized')),
    };
    await connectZendesk(peer, client, (error) => failures.push(error));
    const first = ring(center, { phone: '+15551230031' });
    await expect.poll(() => failures).toEqual([new Error('401 Unauthorized')]);
    await handle(desk, first);
    ring(center, { phone: '+15551230032', id: '77' });
    await expect.poll(() => routed).toEqual([['routeTo', 'user', '77']]);
  });

  it('unhooks click-to-call and the desk events once disposed', async () => {
    const { center, desk, peer, calls, dialouts, dispose } = await setup();
    expect(dialouts.size).toBe(1);
    dispose();
    expect(dialouts.size).toBe(0);
    const completed = await nextCompleted(peer);
    const contactId = ring(center, { phone: '+15551230024' });
    await expect.poll(() => desk.getSnapshot().contacts.map((c) => c.id)).toEqual([contactId]);
    await handle(desk, contactId);
    await completed();
    expect(outbound(desk.getSnapshot().contacts)).toEqual([]);
    expect(calls).toEqual([]);
  });
});
