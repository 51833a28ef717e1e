import type { Clock } from '@switchboard/core';
import { SoftphoneError } from '../errors';
import { fromWireError, type TabMessage } from './tabProtocol';

/** What sending commands to other tabs needs. @internal */
export interface TabCommandsOptions {
  /** This tab's id (the commands' `from`, and the start of their ids). */
  readonly tabId: string;
  /** Timers for the timeouts. */
  readonly clock: Clock;
  /** Posts a message to the other tabs. */
  readonly post: (message: TabMessage) => void;
  /** How long a command waits for its result, in ms. */
  readonly timeoutMs: number;
  /** How long a transfer waits (it lasts until the far end's new call is answered), in ms. */
  readonly transferTimeoutMs: number;
}

/** Commands this tab sends to other tabs, each waiting for the result that answers it. @internal */
export interface TabCommands {
  /**
   * Sends `command` to the leading tab (or to the tab `to`, which carries a moved call) and
   * resolves with its result; rejects with `TRANSPORT_FAILED` when no result comes in time.
   */
  readonly send: (
    command: string,
    callId: string | null,
    args: readonly unknown[],
    to?: string,
  ) => Promise<unknown>;
  /** Settles the command that `result` answers. */
  readonly settle: (result: Extract<TabMessage, { type: 'result' }>) => void;
  /** Rejects every command still waiting with `TRANSPORT_FAILED`: the leading tab closed. */
  readonly leaderClosed: () => void;
}

/** A tab's {@link TabCommands}, none waiting yet. @internal */
export function createTabCommands(options: TabCommandsOptions): TabCommands {
  const { tabId, clock } = options;
  const pending = new Map<
    string,
    { resolve(value: unknown): void; reject(error: SoftphoneError): void }
  >();
  let sequence = 0;
  return {
    send: (command, callId, args, to) =>
      new Promise<unknown>((resolve, reject) => {
        const id = `${tabId}:${(sequence += 1).toString()}`;
        const timer = clock.setTimeout(
          () => {
            pending.delete(id);
            reject(
              new SoftphoneError('TRANSPORT_FAILED', `The leading tab did not answer ${command}.`),
            );
          },
          command === 'transfer' ? options.transferTimeoutMs : options.timeoutMs,
        );
        pending.set(id, {
          resolve: (value) => {
            clock.clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clock.clearTimeout(timer);
            reject(error);
          },
        });
        options.post({ type: 'command', from: tabId, to, id, name: command, callId, args });
      }),
    settle(result) {
      const waiting = pending.get(result.id);
      pending.delete(result.id);
      if (result.error) waiting?.reject(fromWireError(result.error));
      else waiting?.resolve(result.value);
    },
    leaderClosed() {
      for (const waiting of pending.values()) {
        waiting.reject(new SoftphoneError('TRANSPORT_FAILED', 'The leading tab closed.'));
      }
      pending.clear();
    },
  };
}
