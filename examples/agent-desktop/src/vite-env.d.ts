/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The SIP registrar's WebSocket; when set, calls go through a softphone instead of a simulated caller. */
  readonly VITE_SIP_SERVER?: string;
  /** The agent's SIP address of record. */
  readonly VITE_SIP_URI?: string;
  /** The agent's SIP password. */
  readonly VITE_SIP_PASSWORD?: string;
  /** A STUN server for SIP calls' media, e.g. `stun:stun.example.com:3478`. */
  readonly VITE_SIP_STUN?: string;
  /** Seed of the simulated customers. */
  readonly VITE_SEED?: string;
  /** Simulated contacts per hour. */
  readonly VITE_CONTACTS_PER_HOUR?: string;
}
