import type { PluginEntry } from '@switchboard/core';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { createConversationInbox } from '../src/createConversationInbox';
import { createWebhookHandler } from '../src/createWebhookHandler';
import type { InboundMessageInput, MessageSender, OutboundMessage } from '../src/message';
import { signWebhook } from '../src/signature';
import { smsSocialChannel } from '../src/smsSocialPlugin';

/** The webhook secret of these tests. */
export const secret = 'a-test-secret-of-32-characters!!';

/**
 * A sender that records what it is given and can be told to fail: the provider side of the
 * outbound port has no real counterpart here (each SMS provider has its own API).
 */
export function recordingSender() {
  const sent: OutboundMessage[] = [];
  const state: { failure?: Error } = {};
  const sender: MessageSender = {
    send(message) {
      if (state.failure) return Promise.reject(state.failure);
      sent.push(message);
      return Promise.resolve({ id: `out-${sent.length}` });
    },
  };
  return { sender, sent, state };
}

/**
 * A test host with the `sms-social` plugin, a conversation inbox on its centre (reached late,
 * since the host makes the centre) and the webhook handler on the host's virtual clock.
 */
export async function createMessagingHost(plugins: PluginEntry[] = []) {
  const wire = recordingSender();
  const late: { host?: TestHost } = {};
  const center = () => {
    if (!late.host) throw new TypeError('The test host is not created yet.');
    return late.host.center;
  };
  const clock = { now: () => late.host?.clock.now() ?? 0 };
  const inbox = createConversationInbox({
    center: {
      openContact: (input) => center().openContact(input),
      getSnapshot: () => center().getSnapshot(),
    },
    queues: { sms: 'default', social: 'default' },
    clock,
  });
  const host = await createTestHost({
    plugins: [
      { plugin: smsSocialChannel, config: { conversations: inbox, sender: wire.sender } },
      ...plugins,
    ],
  });
  late.host = host;
  const handle = createWebhookHandler({ secrets: [secret], inbox, defaultCountry: 'FR', clock });
  let deliveries = 0;

  /** Signs `payload` as a provider would (now, a fresh delivery id) unless told otherwise. */
  async function signed(
    payload: InboundMessageInput | string,
    options: { deliveryId?: string; timestamp?: number; secret?: string } = {},
  ) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    deliveries += 1;
    const headers = await signWebhook({
      secret: options.secret ?? secret,
      body,
      timestamp: options.timestamp ?? Math.floor(host.clock.now() / 1000),
      deliveryId: options.deliveryId ?? `delivery-${deliveries}`,
    });
    return { headers: { ...headers, 'content-type': 'application/json' }, body };
  }

  return { host, inbox, handle, signed, wire, api: host.desk.plugin('sms-social') };
}

/** An SMS from a French mobile written the national way. */
export const smsFromKim = (id: string, text = 'Is my parcel coming?'): InboundMessageInput => ({
  id,
  channel: 'sms',
  from: '06 12 34 56 78',
  to: '+33900000000',
  text,
});
