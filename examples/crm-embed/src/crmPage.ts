// The CRM page around the desk: a contact list with click-to-dial, a screen pop when the desk
// is offered a call, and an activity log that receives each disposition.
import { acceptBridge } from '@switchboard/bridge/peer';
import { required } from './dom';

declare global {
  interface Window {
    /** The desk iframe's exact origin, written into the page by the server. */
    deskOrigin: string;
    /** Handshakes the page refused, by reason and origin (shown for the demo and its test). */
    refusals: string[];
  }
}

interface ContactEvent {
  readonly contactId: string;
  readonly disposition?: string | null;
  readonly state: {
    readonly direction: string;
    readonly customer: { readonly name?: string; readonly phone?: string };
  };
}

const frame = required('#desk', HTMLIFrameElement);
const pop = required('#screen-pop', HTMLElement);
const log = required('#activity', HTMLOListElement);
const bridgeStatus = required('#bridge', HTMLElement);
window.refusals = [];

const desk = await acceptBridge({
  allowedOrigins: [window.deskOrigin],
  bridge: 'crm-page',
  source: frame.contentWindow,
  onRefused: (reason, origin) => {
    window.refusals.push(`${reason} ${origin}`);
  },
});
bridgeStatus.textContent = `Desk connected from ${desk.origin}`;

await desk.on('contact.offered', (payload) => {
  const { state } = payload as ContactEvent;
  pop.hidden = false;
  required('h2', HTMLElement, pop).textContent = state.customer.name ?? 'Unknown caller';
  required('p', HTMLElement, pop).textContent = state.customer.phone ?? '';
});
await desk.on('contact.completed', (payload) => {
  const { state, disposition } = payload as ContactEvent;
  const entry = document.createElement('li');
  entry.textContent = `${state.direction} call with ${state.customer.name ?? state.customer.phone ?? 'unknown'}: ${disposition ?? 'no disposition'}`;
  log.append(entry);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-dial]')) {
  button.disabled = false;
  button.addEventListener('click', () => {
    const row = button.closest('tr');
    void desk
      .invoke('contact.dial', {
        channel: 'voice',
        customer: { name: row?.dataset.name, phone: button.dataset.dial, attributes: {} },
      })
      .catch((error: unknown) => {
        bridgeStatus.textContent = `Dial refused: ${(error as { code?: string }).code ?? 'unknown'}`;
      });
  });
}
