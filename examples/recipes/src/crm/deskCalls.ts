// What the three CRM wirings share: the CRM app page accepting the framed desk's bridge, typed
// listeners for the desk's call events, and a click-to-dial that asks the desk to dial.
import type { Contact, SwitchboardEvents } from '@switchboard/core';
import { acceptBridge, type BridgePeer } from '@switchboard/bridge/peer';

/** The desk events a CRM wiring listens to. */
export type CallEvent =
  'contact.offered' | 'contact.connected' | 'contact.wrapUpStarted' | 'contact.completed';

/** Listeners by event; each gets the event with the contact's state after it. */
export type CallListeners = {
  readonly [E in CallEvent]?: (event: SwitchboardEvents[E]) => void;
};

/**
 * Subscribes `listeners` on the desk behind `peer`. Resolves once all are subscribed, to a
 * function that unsubscribes them (the peer may reject with PERMISSION_DENIED: grant
 * `contact:read`).
 */
export async function onCalls(peer: BridgePeer, listeners: CallListeners): Promise<() => void> {
  const offs = await Promise.all(
    Object.entries(listeners).map(([event, listener]) =>
      // The bridge carries the payload as it is; the desk sends SwitchboardEvents[event].
      peer.on(event, listener as (payload: unknown) => void),
    ),
  );
  return () => {
    for (const off of offs) off();
  };
}

/** Where a wiring reports a dial or CRM call that failed (it runs inside a CRM event handler). */
export type ReportError = (error: unknown) => void;

/** The default {@link ReportError}: the browser console of the CRM app page. */
export const reportToConsole: ReportError = (error) => {
  console.error('Switchboard CRM wiring:', error);
};

/** Who to call, as a CRM knows them. */
export interface Callee {
  /** The number to dial. */
  readonly phone: string;
  /** The customer's record id in the CRM, when the click came from a record. */
  readonly id?: string;
  /** The record's display name. */
  readonly name?: string;
}

/** Asks the desk to dial `callee` (needs `contact:write`); resolves to the new contact. */
export async function dial(peer: BridgePeer, callee: Callee): Promise<Contact> {
  const customer = { ...callee, attributes: {} };
  return (await peer.invoke('contact.dial', { channel: 'voice', customer })) as Contact;
}

/**
 * Accepts the bridge of the desk framed in the CRM app page (`<iframe id="desk">`), from
 * `deskOrigin` only (compared exactly) and from that frame only. The desk side loads
 * `defineBridgePlugin({ name: 'crm-app', origin: <this page's origin>, peer: () => window.parent,
 * permissions: ['contact:read', 'contact:write'] })`.
 */
export async function acceptDesk(deskOrigin: string): Promise<BridgePeer> {
  const frame = document.querySelector<HTMLIFrameElement>('iframe#desk');
  if (!frame?.contentWindow) throw new TypeError('The page has no <iframe id="desk">.');
  return acceptBridge({
    allowedOrigins: [deskOrigin],
    bridge: 'crm-app',
    source: frame.contentWindow,
  });
}
