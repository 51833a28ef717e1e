import { createContactCenter } from '@switchboard/core';
import { createVirtualClock } from '@switchboard/core/testing';
import { bench, describe } from 'vitest';
import { createConversationInbox } from './createConversationInbox';
import { createWebhookHandler } from './createWebhookHandler';
import { signWebhook } from './signature';

// Inbound messages per second through the framework-neutral handler: signature check
// (HMAC-SHA256 over WebCrypto), timestamp and replay window, JSON + zod, E.164 normalisation
// and the inbox (a join to an open sms contact, or a new one). Deliveries are signed beforehand.
const secret = 'a-bench-secret-of-32-characters!';
const iterations = 2_000;

async function setUp(senders: number) {
  const clock = createVirtualClock();
  const center = createContactCenter({ clock, queues: [{ id: 'sms', name: 'SMS' }] });
  const inbox = createConversationInbox({ center, queues: { sms: 'sms', social: 'sms' }, clock });
  const handle = createWebhookHandler({ secrets: [secret], inbox, clock, defaultCountry: 'FR' });
  const timestamp = Math.floor(clock.now() / 1000);
  const deliveries = await Promise.all(
    Array.from({ length: iterations + 200 }, async (_, index) => {
      const body = JSON.stringify({
        id: `m${index}`,
        channel: 'sms',
        from: `06 12 34 ${String(index % senders)
          .padStart(4, '0')
          .replace(/(..)(..)/, '$1 $2')}`,
        text: 'Is my parcel coming today?',
      });
      const headers = await signWebhook({ secret, body, timestamp, deliveryId: `d${index}` });
      return { headers, body };
    }),
  );
  let next = 0;
  return async () => {
    const delivery = deliveries[next++];
    if (!delivery) throw new RangeError('The bench ran out of signed deliveries.');
    const response = await handle(delivery);
    if (response.status !== 200) throw new RangeError(response.body);
  };
}

const options = { iterations, time: 0, warmupIterations: 20, warmupTime: 0 };

describe('sms webhook handler', async () => {
  const joining = await setUp(50);
  bench('a message joining one of 50 open conversations', joining, options);
  const opening = await setUp(iterations + 200);
  bench('a message opening a new contact', opening, options);
});
