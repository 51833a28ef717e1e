// A frame on an origin nobody allowed, inside the desk page. It forges a handshake to the plugin
// frame (claiming more permissions, with a port of its own), posts look-alike frames to the desk
// and the plugin, and records whatever reaches it.
export {};

declare global {
  interface Window {
    /** What the hostile frame did and got. */
    hostilePage: { forged: number; received: unknown[]; answers: unknown[] };
  }
}

const state: Window['hostilePage'] = { forged: 0, received: [], answers: [] };
window.hostilePage = state;
window.addEventListener('message', (event) => state.received.push(event.data));

const plugin = window.parent.frames[0];
const forge = () => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => state.answers.push(event.data);
  plugin?.postMessage(
    {
      type: 'switchboard:bridge-connect',
      version: 1,
      bridge: 'notes',
      key: 'A'.repeat(43),
      permissions: ['agent:read', 'agent:write', 'contact:read', 'contact:write'],
    },
    '*',
    [channel.port2],
  );
  const frame = { seq: 1, body: { type: 'invoke', id: 'x', action: 'agent.logout', payload: {} } };
  window.parent.postMessage({ ...frame, sig: 'forged' }, '*');
  plugin?.postMessage({ ...frame, sig: 'forged' }, '*');
  state.forged += 1;
};
forge();
setInterval(forge, 100);
