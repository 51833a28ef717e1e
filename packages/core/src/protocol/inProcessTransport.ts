import type { ClientMessage, ServerMessage, Transport } from './messages';

/**
 * Two connected in-process ends: what the client sends the server receives, and back. Messages
 * are cloned (`structuredClone`), as they would be serialised on a wire, and delivered
 * synchronously in order. Closing either end closes both.
 */
export function createInProcessTransport(): {
  /** The desk's end. */
  readonly client: Transport<ClientMessage, ServerMessage>;
  /** The centre's end. */
  readonly server: Transport<ServerMessage, ClientMessage>;
} {
  const toServer = new Set<(message: ClientMessage) => void>();
  const toClient = new Set<(message: ServerMessage) => void>();
  const closing = new Set<() => void>();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    toServer.clear();
    toClient.clear();
    for (const listener of [...closing]) listener();
    closing.clear();
  };
  const end = <Out, In>(
    peers: Set<(message: Out) => void>,
    own: Set<(message: In) => void>,
  ): Transport<Out, In> => ({
    send(message) {
      if (!open) return;
      const copy = structuredClone(message);
      for (const listener of [...peers]) listener(copy);
    },
    onMessage(listener) {
      own.add(listener);
      return () => own.delete(listener);
    },
    onClose(listener) {
      if (!open) {
        listener();
        return () => undefined;
      }
      closing.add(listener);
      return () => closing.delete(listener);
    },
    close,
  });
  return { client: end(toServer, toClient), server: end(toClient, toServer) };
}
