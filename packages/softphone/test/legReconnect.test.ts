// The connection of a moved call's leg (the softphone a follower tab builds to carry a call the
// leading tab answered: connected without registering) is cut again and again between Node
// softphones and a real Kamailio on 127.0.0.1, through our TCP proxy (support/cutProxy.ts); only
// the leg goes through the proxy. Bindings are read from Kamailio's location table.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSoftphone } from '../src/createSoftphone';
import { createStaticMedia, type Call, type SoftphoneOptions } from '../src/index';
import { freePort } from '../../../tooling/ports';
import { SetupError } from '../../../tooling/setupError';
import { startKamailio, type Kamailio } from '../../../tooling/sip/kamailio';
import { waitFor } from '../../../tooling/waitFor';
import { startCutProxy, type CutProxy } from './support/cutProxy';
import { nodePhone, users } from './support/phones';

let kamailio: Kamailio;
let proxy: CutProxy;

beforeAll(async () => {
  kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
  proxy = await startCutProxy(kamailio.wsPort);
});

afterAll(async () => {
  await proxy.close();
  await kamailio.stop();
});

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

describe('a moved call whose leg loses its connection', { timeout: 90_000 }, () => {
  it('survives 20 cuts: reconnected without REGISTER, media restored each time, one binding', async () => {
    const alice: SoftphoneOptions = {
      server: kamailio.wsUrl,
      uri: `sip:alice@${kamailio.domain}`,
      credentials: () => users.alice,
      media: createStaticMedia(),
      webSocket: WebSocket,
      dialogStorage: null,
      wake: false,
    };
    const leader = buildSoftphone(alice);
    const leg = buildSoftphone({
      ...alice,
      server: proxy.wsUrl,
      reconnect: { minDelayMs: 40, maxDelayMs: 1000 },
      keepAlive: { intervalMs: 0 },
    });
    const bob = nodePhone(kamailio, 'bob');
    try {
      await Promise.all([leader.phone.register(), bob.register()]);
      const answered = new Promise<Call>((resolve) => {
        bob.on('call.incoming', ({ call }) => {
          void call.answer().then(() => {
            resolve(call);
          });
        });
      });
      const aliceCall = await leader.phone.call('bob');
      const bobCall = await answered;
      await waitFor(() => aliceCall.getSnapshot().status === 'connected', 'connected');

      // The hand-off a follower tab's answer makes: the leg takes the dialog over.
      const record = await leader.internals.handOff(aliceCall.id);
      expect(record).not.toBeNull();
      const legCall = record && (await leg.internals.takeOver(record));
      if (!legCall) throw new SetupError('The leg did not take the call over.');
      leader.internals.moveTo(aliceCall.id, {
        run: () => Promise.resolve(undefined),
        record: leg.internals.dialogOf(legCall.id),
      });
      // What the tab channel carries between the two tabs: the leg's state to the leader.
      legCall.subscribe(() => {
        leader.internals.legChanged(aliceCall.id, legCall.getSnapshot());
      });
      await waitFor(() => legCall.getSnapshot().status === 'connected', 'leg connected');
      expect(proxy.accepted).toBe(1);

      const restoredIn: number[] = [];
      for (let cut = 0; cut < 20; cut += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
        const restored = new Promise<void>((resolve) => {
          const off = leg.phone.on('call.restored', () => {
            off();
            resolve();
          });
        });
        const start = performance.now();
        proxy.cut();
        await waitFor(() => legCall.getSnapshot().reconnecting, `cut ${cut + 1} noticed`, 2000);
        await restored;
        restoredIn.push(performance.now() - start);
        expect(legCall.getSnapshot()).toMatchObject({ status: 'connected', reconnecting: false });
        expect(bobCall.getSnapshot().status).toBe('connected');
      }
      const sorted = [...restoredIn].sort((a, b) => a - b);
      console.log(
        `20 cuts of a moved call's leg: media restored (re-INVITE answered) in ms: min ${sorted[0]?.toFixed(0)}, ` +
          `median ${quantile(sorted, 0.5).toFixed(0)}, p90 ${quantile(sorted, 0.9).toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`,
      );
      expect(sorted.at(-1)).toBeLessThan(2000);
      expect(proxy.accepted).toBe(21); // one reconnection per cut
      expect(await kamailio.contacts('alice')).toHaveLength(1); // the leader's; the leg never registers
      expect(aliceCall.getSnapshot()).toMatchObject({ status: 'connected', reconnecting: false });
      await legCall.hangUp();
      await waitFor(() => bobCall.getSnapshot().status === 'ended', 'bob saw the hang-up');
      expect(bobCall.getSnapshot().endReason).toBe('remoteHangUp');
      await waitFor(() => aliceCall.getSnapshot().status === 'ended', 'the leader saw it end');
    } finally {
      await Promise.allSettled([leg.phone.dispose(), leader.phone.dispose(), bob.dispose()]);
    }
  });
});
