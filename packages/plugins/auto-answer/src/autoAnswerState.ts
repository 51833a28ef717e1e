import type { Channel } from '@switchboard/core';

/** An offer waiting for its auto-accept delay. */
export interface PendingAnswer {
  /** The offered contact. */
  readonly contactId: string;
  /** Its channel. */
  readonly channel: Channel;
  /** When it will be accepted (ms since epoch). */
  readonly acceptAt: number;
}

/**
 * Where a callback offer stands.
 *
 * ```text
 * asking ──yes──► requested ──routed to this desk, accepted──► placed
 *   └──no──► declined                                   └──dial fails──► failed
 * ```
 */
export type CallbackStatus = 'asking' | 'declined' | 'requested' | 'placed' | 'failed';

/** One callback this plugin offered or placed. */
export interface CallbackEntry {
  /** The contact (a waiting one, then the callback it became). */
  readonly contactId: string;
  /** Where it stands. */
  readonly status: CallbackStatus;
  /** When it last changed (ms since epoch). */
  readonly at: number;
}

/** The auto-answer plugin's state. */
export interface AutoAnswerSnapshot {
  /** Whether offers are accepted by themselves now. */
  readonly enabled: boolean;
  /** Offers waiting for their delay. */
  readonly pending: readonly PendingAnswer[];
  /** Callbacks offered or placed, oldest first (the last 200). */
  readonly callbacks: readonly CallbackEntry[];
}

/** Payload of `autoAnswer.whisperTone`: play a short tone, a voice offer is about to connect. */
export interface WhisperTone {
  /** The offered contact. */
  readonly contactId: string;
  /** When it will be accepted (ms since epoch). */
  readonly acceptAt: number;
}

/** Payload of `autoAnswer.accepted`. */
export interface AutoAccepted {
  /** The accepted contact. */
  readonly contactId: string;
  /** Its channel. */
  readonly channel: Channel;
  /** How long after the offer, in ms. */
  readonly afterMs: number;
}

/** Payload of the `autoAnswer.callback*` events. */
export interface CallbackChanged {
  /** The contact. */
  readonly contactId: string;
  /** When (ms since epoch). */
  readonly at: number;
}
