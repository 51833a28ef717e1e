import { createContactCenter, createDesk } from '@switchboard/core';
import { defineBridgePlugin } from '@switchboard/bridge';
import { acceptBridge, type BridgePeer } from '@switchboard/bridge/peer';
import { createTestWindow } from '@switchboard/bridge/testing';

/**
 * A real desk and a real bridge peer between two stand-in windows (the desk on its origin, the
 * CRM app page on another), as the CRM recipes run them: the peer is what a recipe wires to its
 * CRM's SDK. Voice contacts connect once accepted (no softphone here).
 */
export async function createBridgePair(): Promise<{
  center: ReturnType<typeof createContactCenter>;
  desk: ReturnType<typeof createDesk>;
  peer: BridgePeer;
  close: () => Promise<void>;
}> {
  const deskWindow = createTestWindow('https://desk.example.com');
  const crmWindow = createTestWindow('https://crm-app.example.com');
  const center = createContactCenter({
    queues: [{ id: 'support', name: 'Support' }],
    rules: { autoConnect: ['voice'] },
  });
  const crm = defineBridgePlugin({
    name: 'crm-app',
    version: '1.0.0',
    origin: crmWindow.origin,
    peer: () => crmWindow.from(deskWindow),
    permissions: ['contact:read', 'contact:write'],
    retryMs: 20,
  });
  const accepted = acceptBridge({
    allowedOrigins: [deskWindow.origin],
    bridge: 'crm-app',
    target: crmWindow,
  });
  const desk = createDesk({ agent: { id: 'ada', name: 'Ada' }, center, plugins: [crm] });
  await desk.ready;
  const peer = await accepted;
  await desk.login();
  return {
    center,
    desk,
    peer,
    close: async () => {
      peer.close();
      await desk.dispose();
    },
  };
}

/** Rings the desk with an inbound call from `customer`; returns the contact's id. */
export function ring(
  center: ReturnType<typeof createContactCenter>,
  customer: { phone: string; id?: string; name?: string },
): string {
  return center.openContact({
    channel: 'voice',
    queueId: 'support',
    customer: { ...customer, attributes: {} },
  }).id;
}

/**
 * Resolves when the peer has received the next `contact.completed`: the port delivers in
 * order, so a disposed recipe would have seen everything before it by then.
 */
export async function nextCompleted(peer: BridgePeer): Promise<() => Promise<void>> {
  let seen: () => void = () => undefined;
  const completed = new Promise<void>((resolve) => (seen = resolve));
  const off = await peer.on('contact.completed', () => {
    seen();
  });
  return async () => {
    await completed;
    off();
  };
}
