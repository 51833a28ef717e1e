import type { PluginEntry } from '@switchboard/core';

/** A SIP registrar to take calls through, instead of the simulated caller. */
export interface SipSettings {
  /** The registrar's WebSocket, e.g. `wss://pbx.example.com:8443/ws`. */
  readonly server: string;
  /** The agent's address of record; `{agent}` stands for the agent's id: `sip:{agent}@pbx.example.com`. */
  readonly uri: string;
  /** The SIP password (a demo setting: a real host fetches it from its own back end). */
  readonly password: string;
  /** STUN servers for the call's media; none (host candidates only) when not set. */
  readonly iceServers: readonly { readonly urls: string }[];
}

/** Everything the desktop lets a host change, in one place. */
export interface DesktopConfig {
  /** Extra plugins loaded into every desk, before the first-party ones (world/deskPlugins.ts). */
  readonly plugins: readonly PluginEntry[];
  /** Voice through a SIP registrar; `null` rings a simulated caller. */
  readonly sip: SipSettings | null;
  /** Seed of the simulated customers: the same seed brings the same customers. */
  readonly seed: number;
  /** Simulated customers getting in touch per hour, on average (none in test builds: the test brings them). */
  readonly contactsPerHour: number;
}

const env = import.meta.env;

/** The desktop's configuration, from the environment (`VITE_*` variables, see the README). */
export const config: DesktopConfig = {
  // Your own plugins slot in here; the first-party ones each desk loads are in world/deskPlugins.ts.
  plugins: [],
  sip: env.VITE_SIP_SERVER
    ? {
        server: env.VITE_SIP_SERVER,
        uri: env.VITE_SIP_URI ?? '',
        password: env.VITE_SIP_PASSWORD ?? '',
        iceServers: env.VITE_SIP_STUN ? [{ urls: env.VITE_SIP_STUN }] : [],
      }
    : null,
  seed: Number(env.VITE_SEED ?? 1),
  contactsPerHour: env.MODE === 'test' ? 0 : Number(env.VITE_CONTACTS_PER_HOUR ?? 40),
};
