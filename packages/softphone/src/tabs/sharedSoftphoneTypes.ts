import type { SoftphoneOptions } from '../softphoneOptions';
import type { Softphone } from '../softphoneTypes';

/** Which part a tab plays: it owns the registration, or it works through the tab that does. */
export type TabRole = 'electing' | 'leader' | 'follower';

/** Options of one lock request (those of `navigator.locks.request`). */
export interface TabLockRequest {
  /** Calls back at once with `null` when another tab holds the lock. */
  readonly ifAvailable?: boolean;
  /** Gives up waiting for the lock. */
  readonly signal?: AbortSignal;
}

/** The part of the Web Locks API (`navigator.locks`) the election uses. */
export interface TabLocks {
  /** Calls `callback` once the lock is held (or with `null` at once with `ifAvailable`). */
  request(
    name: string,
    options: TabLockRequest,
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

/** A message event of a {@link TabChannel}. */
export interface TabMessageEvent {
  /** What the other tab posted. */
  readonly data: unknown;
}

/** The part of a `BroadcastChannel` the tabs talk over. */
export interface TabChannel {
  /** Sends to every other tab on the channel. */
  postMessage(message: unknown): void;
  /** Receives from the other tabs. */
  onmessage: ((event: TabMessageEvent) => void) | null;
  /** Leaves the channel. */
  close(): void;
}

/** How tabs share one softphone. */
export interface TabOptions {
  /** The lock and channel name; `switchboard-softphone:` + the phone's URI by default. */
  readonly name?: string;
  /**
   * How long a follower waits for the leading tab to carry out a command, in ms; 10 000. A
   * transfer, which lasts until the far end's new call is answered, waits `transferTimeoutMs`
   * longer.
   */
  readonly commandTimeoutMs?: number;
  /** `navigator.locks` by default. */
  readonly locks?: TabLocks;
  /** Opens the channel; `new BroadcastChannel(name)` by default. */
  readonly channel?: (name: string) => TabChannel;
}

/** Options of {@link createSharedSoftphone}: a softphone's, plus how tabs share it. */
export interface SharedSoftphoneOptions extends SoftphoneOptions {
  /** Tab sharing. */
  readonly tabs?: TabOptions;
}

/** A {@link Softphone} shared by the tabs of one browser: one of them owns the registration. */
export interface SharedSoftphone extends Softphone {
  /** This tab's part; `tabs.roleChanged` fires when it changes. */
  getRole(): TabRole;
}
