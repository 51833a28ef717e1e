// The desk page (its own origin): a desk with two bridge plugins. `notes` is the third-party
// plugin framed from the allowed origin; `misdirected` is granted to that same origin but its
// `peer()` points at the hostile frame, so the browser must drop its handshake. The desk starts
// when the test calls `start()`, after the hostile frame has had its go.
import { createContactCenter, createDesk, type Desk } from '@switchboard/core';
import { defineBridgePlugin, type BridgeApi } from '../../src/index';

declare global {
  interface Window {
    /** The plugin frame's exact origin. */
    pluginOrigin: string;
    /** What the test drives on the desk page. */
    deskPage: {
      start(): Promise<void>;
      ring(): string;
      contactStatus(id: string): string | undefined;
      agentStatus(): string;
      setStatus(available: boolean): Promise<string>;
      bridge(name: 'notes' | 'misdirected'): ReturnType<BridgeApi['dropped']> & {
        status: string;
      };
    };
  }
}

const frameWindow = (selector: string) =>
  document.querySelector<HTMLIFrameElement>(selector)?.contentWindow;
const center = createContactCenter({ queues: [{ id: 'support', name: 'Support' }] });
let desk: Desk | undefined;
const started = () => {
  if (!desk) throw new TypeError('start() first');
  return desk;
};

window.deskPage = {
  async start() {
    desk = createDesk({
      agent: { id: 'ada', name: 'Ada' },
      center,
      plugins: [
        defineBridgePlugin({
          name: 'notes',
          version: '1.0.0',
          origin: window.pluginOrigin,
          peer: () => frameWindow('#plugin'),
          permissions: ['contact:read', 'contact:write'],
        }),
        defineBridgePlugin({
          name: 'misdirected',
          version: '1.0.0',
          origin: window.pluginOrigin,
          peer: () => frameWindow('#hostile'),
          permissions: ['contact:read'],
          connectTimeoutMs: 2_000,
        }),
      ],
    });
    await desk.ready;
    await desk.login();
  },
  ring: () => center.openContact({ channel: 'chat', queueId: 'support' }).id,
  contactStatus: (id) => center.getSnapshot().contacts.get(id)?.status,
  agentStatus: () => started().getSnapshot().agent.presence.status,
  async setStatus(available) {
    const state = await started().setStatus(
      available ? { status: 'available' } : { status: 'notReady', reason: 'break' },
    );
    return state.presence.status;
  },
  bridge(name) {
    const api = started().plugin(name) as BridgeApi;
    return { status: api.status(), ...api.dropped() };
  },
};
