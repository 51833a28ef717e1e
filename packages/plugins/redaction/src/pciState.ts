import type { Unsubscribe } from '@switchboard/core';

/** Why a PCI pause started: the agent asked, or a card number appeared in the transcript. */
export type PciPauseReason = 'agent' | 'cardNumber';

/** Why a PCI pause ended: the agent resumed, the time-out passed, or the contact left `connected`. */
export type PciResumeReason = 'agent' | 'timeout' | 'contactLeft';

/** What became of the recording when a pause started. */
export type RecordingState = 'paused' | 'none' | 'failed';

/** One contact whose recording is paused while card data is taken. */
export interface PciPause {
  /** The contact. */
  readonly contactId: string;
  /** Why it paused. */
  readonly reason: PciPauseReason;
  /** When it paused (ms since epoch). */
  readonly since: number;
  /** When it resumes by itself (ms since epoch). */
  readonly resumeAt: number;
  /** `paused` when the recorder was asked, `none` without a recorder for it, `failed` if it refused. */
  readonly recording: RecordingState;
  /** Whether the chat input of this contact is masked (always `true` while paused). */
  readonly maskInput: true;
}

/** The redaction plugin's observable state: what a UI shows. */
export interface RedactionSnapshot {
  /** Contacts paused now, oldest first. */
  readonly pauses: readonly PciPause[];
}

/** Payload of `pci.paused`. */
export interface PciPaused {
  /** The contact. */
  readonly contactId: string;
  /** Why it paused. */
  readonly reason: PciPauseReason;
  /** When (ms since epoch). */
  readonly at: number;
  /** When it resumes by itself unless resumed earlier (ms since epoch). */
  readonly resumeAt: number;
}

/** Payload of `pci.resumed`. */
export interface PciResumed {
  /** The contact. */
  readonly contactId: string;
  /** Why it resumed. */
  readonly reason: PciResumeReason;
  /** When (ms since epoch). */
  readonly at: number;
  /** How long it was paused, in ms. */
  readonly pausedMs: number;
}

/** An observable value: the shape every plugin state here follows. */
export interface Observable<S> {
  /** The current immutable snapshot; the same object until it changes. */
  getSnapshot(): S;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
}
