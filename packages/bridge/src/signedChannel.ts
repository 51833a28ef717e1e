import * as z from 'zod/mini';
import { signedFrameSchema } from './messages';
import type { Signer } from './signing';

/** The part of a `MessagePort` the bridge uses. */
export interface PortLike {
  /** Posts one structured-cloneable message. */
  postMessage(message: unknown): void;
  /** Subscribes to messages. */
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  /** Starts delivery (needed after `addEventListener` on a `MessagePort`). */
  start(): void;
  /** Closes the port. */
  close(): void;
}

/** Why a message on the port was dropped. */
export type DropReason = 'malformed' | 'badSignature' | 'replayed' | 'invalid';

/** One side of a port whose messages are signed, numbered and validated. */
export interface SignedChannel<Out, In> {
  /** Signs and posts `body` (normalised to plain JSON), after every earlier one. */
  send(body: Out): Promise<void>;
  /** Calls `listener` with each valid message, in order. */
  onMessage(listener: (body: In) => void): void;
  /** Closes the port. */
  close(): void;
}

/**
 * Wraps `port` so that every message carries a sequence number and an HMAC-SHA256 signature.
 * Incoming frames that fail the frame schema, the signature, the sequence (a replay) or
 * `schema` are dropped and reported through `onDrop`; nothing reaches the listener.
 */
export function createSignedChannel<Out, In>(
  port: PortLike,
  signer: Signer,
  schema: z.ZodMiniType<In>,
  onDrop: (reason: DropReason) => void,
): SignedChannel<Out, In> {
  let sent = 0;
  let seen = 0;
  let sending: Promise<void> = Promise.resolve();
  let receiving: Promise<void> = Promise.resolve();
  const listeners: ((body: In) => void)[] = [];

  /** The body of a frame that passes every check, else why it was dropped. */
  const check = async (data: unknown): Promise<{ body: In } | DropReason> => {
    const frame = z.safeParse(signedFrameSchema, data);
    if (!frame.success) return 'malformed';
    const { seq, body, sig } = frame.data;
    if (!(await signer.verify(seq, body, sig))) return 'badSignature';
    if (seq <= seen) return 'replayed';
    seen = seq;
    const message = z.safeParse(schema, body);
    return message.success ? { body: message.data } : 'invalid';
  };
  const receive = async (data: unknown) => {
    const outcome = await check(data);
    if (typeof outcome === 'string') onDrop(outcome);
    else for (const listener of listeners) listener(outcome.body);
  };
  port.addEventListener('message', (event) => {
    receiving = receiving.then(() => receive(event.data));
  });
  port.start();

  return {
    send(body) {
      sending = sending.then(async () => {
        const plain: unknown = JSON.parse(JSON.stringify(body));
        const seq = ++sent;
        port.postMessage({ seq, body: plain, sig: await signer.sign(seq, plain) });
      });
      return sending;
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    close: () => {
      port.close();
    },
  };
}
