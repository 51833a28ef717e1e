import * as z from 'zod/mini';

/** The protocol version this build speaks; see `docs/protocol.md`. */
export const protocolVersion = 1;

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** Validates a {@link ClientMessage}. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    /** Opens a session: who is calling, and where to resume. */
    type: z.literal('hello'),
    /** The protocol version the client speaks. */
    version: z.int().check(z.positive()),
    /** The user (agent, supervisor or admin) the session acts for. */
    agentId: id,
    /** The last event id the client saw; the server replays what came after, if it still can. */
    resumeFrom: z.optional(z.int().check(z.minimum(0))),
  }),
  z.object({
    /** Invokes an action as the session's user. */
    type: z.literal('command'),
    /** Chosen by the client; the result carries it back. */
    id,
    /** The action name, e.g. `contact.accept`. */
    action: z.string().check(z.minLength(1)),
    /** The action's payload. */
    payload: z.unknown(),
  }),
  z.object({
    /** Closes the session. */
    type: z.literal('bye'),
  }),
]);
/** A message from a desk (client) to a centre (server). */
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Validates a {@link ServerMessage}. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    /** Accepts a session. */
    type: z.literal('welcome'),
    /** The protocol version the server speaks. */
    version: z.int().check(z.positive()),
    /** The id of the last event included in `snapshot` (or replayed after it). */
    lastEventId: z.int().check(z.minimum(0)),
    /** Whether the events after `resumeFrom` follow (true), or a fresh snapshot replaces them. */
    resumed: z.boolean(),
    /** The state the client starts from: agents and contacts as JSON; absent when resumed. */
    snapshot: z.optional(
      z.object({
        /** Every agent state. */
        agents: z.array(z.unknown()),
        /** Every unfinished contact. */
        contacts: z.array(z.unknown()),
      }),
    ),
  }),
  z.object({
    /** One event of the centre, in order. */
    type: z.literal('event'),
    /** Increasing by one per event, per server. */
    id: z.int().check(z.positive()),
    /** The event name, e.g. `contact.offered`. */
    name: z.string().check(z.minLength(1)),
    /** The event payload. */
    payload: z.unknown(),
  }),
  z.object({
    /** The outcome of one command. */
    type: z.literal('result'),
    /** The command's id. */
    id,
    /** Whether it succeeded. */
    ok: z.boolean(),
    /** The action's result when `ok`. */
    value: z.optional(z.unknown()),
    /** The error when not `ok`: a stable code, a message, validation issues. */
    error: z.optional(
      z.object({
        /** A stable error code (`docs/errors.md`). */
        code: z.string(),
        /** For people. */
        message: z.string(),
        /** Validation issues, if any. */
        issues: z._default(
          z.array(
            z.object({
              /** Where in the payload. */
              path: z.array(z.union([z.string(), z.number()])),
              /** What is wrong. */
              message: z.string(),
            }),
          ),
          [],
        ),
      }),
    ),
  }),
  z.object({
    /** The server refuses or ends the session. */
    type: z.literal('goodbye'),
    /** Why, e.g. `VERSION_UNSUPPORTED`, `NOT_FOUND`, `MALFORMED`. */
    reason: z.string(),
  }),
]);
/** A message from a centre (server) to a desk (client). */
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/**
 * A bidirectional message channel between a desk and a centre: in process, a WebSocket, a
 * `MessagePort`. Messages are plain JSON-serialisable objects.
 */
export interface Transport<Out, In> {
  /** Sends one message to the other end. */
  send(message: Out): void;
  /** Calls `listener` for every message from the other end; returns an unsubscribe. */
  onMessage(listener: (message: In) => void): () => void;
  /** Calls `listener` once when the channel closes, from either end; returns an unsubscribe. */
  onClose(listener: () => void): () => void;
  /** Closes the channel. */
  close(): void;
}
