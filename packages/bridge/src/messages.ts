import * as z from 'zod/mini';

/** The bridge protocol version; a peer that speaks another one is refused. */
export const bridgeVersion = 1;

/** The `type` of the handshake message, the only one sent through `window.postMessage`. */
export const connectType = 'switchboard:bridge-connect';

const name = z.string().check(z.minLength(1), z.maxLength(200));

/** Validates the handshake: the desk side offers a port and a session key to its peer. */
export const connectMessageSchema = z.object({
  /** Always {@link connectType}. */
  type: z.literal(connectType),
  /** The protocol version the desk side speaks. */
  version: z.int(),
  /** The bridge's name (the plugin's), so a page with several bridges can tell them apart. */
  bridge: name,
  /** The per-session HMAC-SHA256 key, base64url; it signs every message on the port. */
  key: z.string().check(z.minLength(43), z.maxLength(128)),
  /** What the peer may do, as the desk side grants it. */
  permissions: z.array(z.string()),
});
/** The handshake the desk side posts to its peer window. */
export type ConnectMessage = z.infer<typeof connectMessageSchema>;

/** Validates a {@link PeerRequest}. */
export const peerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    /** The peer took the handshake on this port; the desk side drops its other offers. */
    type: z.literal('hello'),
  }),
  z.object({
    /** Start receiving one event. */
    type: z.literal('subscribe'),
    /** The event name, e.g. `contact.offered`. */
    event: name,
  }),
  z.object({
    /** Stop receiving one event. */
    type: z.literal('unsubscribe'),
    /** The event name. */
    event: name,
  }),
  z.object({
    /** Invoke a desk action. */
    type: z.literal('invoke'),
    /** Chosen by the peer; the result carries it back. */
    id: name,
    /** The action name, e.g. `contact.dial`. */
    action: name,
    /** The action's payload. */
    payload: z.unknown(),
  }),
]);
/** What a peer asks of the desk side. */
export type PeerRequest = z.infer<typeof peerRequestSchema>;

/** Validates a {@link DeskMessage}. */
export const deskMessageSchema = z.discriminatedUnion('type', [
  z.object({
    /** One event the peer subscribed to. */
    type: z.literal('event'),
    /** The event name. */
    event: name,
    /** Its payload, as plain JSON. */
    payload: z.unknown(),
  }),
  z.object({
    /** The outcome of a request. */
    type: z.literal('result'),
    /** The request's id (for `subscribe`, the event name). */
    id: name,
    /** Whether it succeeded. */
    ok: z.boolean(),
    /** The action's result, as plain JSON. */
    value: z.optional(z.unknown()),
    /** Why it failed: a stable Switchboard error code and a message. */
    error: z.optional(
      z.object({
        /** The error code, e.g. `PERMISSION_DENIED`. */
        code: z.string(),
        /** For people. */
        message: z.string(),
      }),
    ),
  }),
]);
/** What the desk side sends its peer. */
export type DeskMessage = z.infer<typeof deskMessageSchema>;

/** Validates a {@link SignedFrame}. */
export const signedFrameSchema = z.object({
  /** Increases by one per message and direction; a repeated or older one is dropped. */
  seq: z.int().check(z.positive()),
  /** The message. */
  body: z.unknown(),
  /** HMAC-SHA256 of `seq` and the JSON of `body` under the session key, base64url. */
  sig: z.string(),
});
/** One message on the port, signed. */
export type SignedFrame = z.infer<typeof signedFrameSchema>;
