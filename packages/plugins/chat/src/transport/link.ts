/** Stops a listener; calling it twice is harmless. */
export type Unsubscribe = () => void;

/**
 * One open connection carrying text frames both ways: a WebSocket, an in-process pair, a
 * `MessagePort`. Frames arrive in the order they were sent; `onClose` fires once, whichever end
 * closed it or however it broke.
 */
export interface ChatLink {
  /** Sends one frame; ignored once the link is closed. */
  send(data: string): void;
  /** Calls `listener` with every frame from the other end. */
  onMessage(listener: (data: string) => void): Unsubscribe;
  /** Calls `listener` once the link is closed or broken. */
  onClose(listener: () => void): Unsubscribe;
  /** Closes the link (both ends see `onClose`). */
  close(): void;
}

/** Opens a new {@link ChatLink} to the gateway: resolves once it is open, rejects when it cannot be. */
export type ChatDialer = () => Promise<ChatLink>;

/** The gateway's side of a transport: calls `listener` with every link a peer opens. */
export interface ChatServerTransport {
  /** Calls `listener` for each new link; returns a function that stops listening. */
  onConnection(listener: (link: ChatLink) => void): Unsubscribe;
}

/** A set of listeners, each called in isolation: one that throws does not stop the others. */
export interface Listeners<A extends unknown[]> {
  /** Adds a listener; returns its remover. */
  readonly add: (listener: (...args: A) => void) => Unsubscribe;
  /** Calls every listener with `args`. */
  readonly emit: (...args: A) => void;
  /** Removes every listener. */
  readonly clear: () => void;
}

/** Creates {@link Listeners}; `onError` hears what a listener throws. */
export function createListeners<A extends unknown[]>(
  onError: (error: unknown) => void = () => undefined,
): Listeners<A> {
  const listeners = new Set<(...args: A) => void>();
  return {
    add: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit: (...args) => {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear: () => {
      listeners.clear();
    },
  };
}

/** A link end's incoming frames: delivered to readers, or kept until the first reader comes. */
export interface Inbox {
  /** Delivers a frame now, or keeps it. */
  readonly put: (data: string) => void;
  /** Adds a reader; the first one gets the frames kept so far. */
  readonly read: (listener: (data: string) => void) => Unsubscribe;
  /** Removes every reader. */
  readonly clear: () => void;
}

/** Creates an {@link Inbox}. */
export function createInbox(): Inbox {
  const readers = createListeners<[string]>();
  const held: string[] = [];
  let reading = false;
  return {
    put: (data) => {
      if (reading) readers.emit(data);
      else held.push(data);
    },
    read: (listener) => {
      const stop = readers.add(listener);
      if (!reading) {
        reading = true;
        for (const data of held.splice(0)) readers.emit(data);
      }
      return stop;
    },
    clear: readers.clear,
  };
}
