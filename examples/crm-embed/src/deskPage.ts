// The desk, running inside the CRM's iframe on its own origin. It embeds a contact centre for
// the demo; a real deployment would use connectDesk to reach its centre server instead.
import { createContactCenter, createDesk, type Contact } from '@switchboard/core';
import { defineBridgePlugin } from '@switchboard/bridge';
import { required } from './dom';

declare global {
  interface Window {
    /** The CRM page's exact origin, written into the page by the server. */
    crmOrigin: string;
    /** Lets the demo (and its test) ring the desk with an inbound call. */
    ringDesk: (customer: { name: string; phone: string }) => string;
  }
}

// No softphone in this demo: voice contacts connect as soon as they are answered.
const center = createContactCenter({
  queues: [{ id: 'sales', name: 'Sales' }],
  rules: { autoConnect: ['voice', 'chat', 'email', 'sms', 'social'] },
});
const crm = defineBridgePlugin({
  name: 'crm-page',
  version: '1.0.0',
  origin: window.crmOrigin,
  peer: () => window.parent,
  // The CRM page may see contacts and start or complete them; nothing else.
  permissions: ['contact:read', 'contact:write'],
});
const desk = createDesk({
  agent: { id: 'ada', name: 'Ada Lovelace' },
  center,
  plugins: [crm],
});

window.ringDesk = ({ name, phone }) =>
  center.openContact({
    channel: 'voice',
    queueId: 'sales',
    customer: { name, phone, attributes: {} },
  }).id;

const status = required('#status', HTMLButtonElement);
const list = required('#contacts', HTMLUListElement);

status.addEventListener('click', () => {
  const { presence } = desk.getSnapshot().agent;
  void (presence.status === 'offline'
    ? desk.login()
    : desk.setStatus(
        presence.status === 'available'
          ? { status: 'notReady', reason: 'break' }
          : { status: 'available' },
      ));
});

function controlsFor(contact: Contact): HTMLElement[] {
  const button = (label: string, run: () => Promise<unknown>) => {
    const element = document.createElement('button');
    element.textContent = label;
    element.addEventListener('click', () => void run());
    return element;
  };
  if (contact.status === 'offered') return [button('Answer', () => desk.accept(contact.id))];
  if (contact.status === 'wrapUp') {
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Disposition');
    for (const { code, label } of center.dispositions) select.add(new Option(label, code));
    return [
      select,
      button('Complete', () => desk.complete(contact.id, { disposition: select.value })),
    ];
  }
  return [button('Hang up', () => desk.wrapUp(contact.id))];
}

function render() {
  const { agent, contacts } = desk.getSnapshot();
  status.textContent = agent.presence.status === 'notReady' ? 'Not ready' : agent.presence.status;
  list.replaceChildren(
    ...contacts.map((contact) => {
      const item = document.createElement('li');
      const who = contact.customer.name ?? contact.customer.phone ?? 'Unknown';
      item.append(`${contact.direction} ${contact.channel}: ${who} (${contact.status}) `);
      item.append(...controlsFor(contact));
      return item;
    }),
  );
}
desk.subscribe(render);
render();
