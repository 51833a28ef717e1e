import { createStore, SwitchboardError, type PluginContext } from '@switchboard/core';
import type { Recording, RecorderPort } from './redactionConfig';
import type {
  PciPause,
  PciPauseReason,
  PciResumeReason,
  RecordingState,
  RedactionSnapshot,
} from './pciState';

type PauseEvent =
  | { readonly type: 'paused'; readonly pause: PciPause }
  | { readonly type: 'recorded'; readonly contactId: string; readonly recording: RecordingState }
  | { readonly type: 'resumed'; readonly contactId: string };

/** What {@link createPciPause} needs. */
export interface PciPauseOptions {
  /** The plugin's context: clock, events, state, logger. */
  readonly ctx: PluginContext;
  /** How long a pause lasts at most, in ms. */
  readonly timeoutMs: number;
  /** The recording of a contact, if any. */
  readonly recorder: RecorderPort | undefined;
}

/** PCI pauses of one desk. */
export interface PciPauses {
  /** The observable pauses. */
  readonly store: {
    getSnapshot(): RedactionSnapshot;
    subscribe(listener: () => void): () => void;
  };
  /** Pauses a connected contact's recording; `INVALID_TRANSITION` if it is not connected. */
  pause(contactId: string, reason: PciPauseReason): PciPause;
  /** Resumes a paused contact; `NOT_FOUND` if it is not paused. */
  resume(contactId: string, reason: PciResumeReason): void;
  /** Whether a contact is paused now. */
  isPaused(contactId: string): boolean;
  /** Resumes every pause (the plugin is going away). */
  dispose(): void;
}

/** The statuses in which a contact's card data may be taken. */
const live = new Set(['connected', 'conferenced']);

/** Calls the recorder without letting it throw into us; resolves with how it went. */
async function ask(work: () => Promise<void> | void): Promise<boolean> {
  try {
    await work();
    return true;
  } catch {
    return false;
  }
}

/**
 * The PCI pause machine of a desk: `pause` pauses the contact's recording (through the
 * recorder port) and masks its chat input; it resumes on `resume`, after `timeoutMs` on the
 * clock, or when the contact leaves `connected` (hold, wrap-up, transfer, hang-up).
 *
 * ```text
 * (not paused) ──pause──► paused ──resume / time-out / contact leaves connected──► (not paused)
 * ```
 */
export function createPciPause(options: PciPauseOptions): PciPauses {
  const { ctx, timeoutMs, recorder } = options;
  const store = createStore<{ pauses: PciPause[] }, PauseEvent>(
    {
      initial: { pauses: [] },
      reduce(draft, event) {
        if (event.type === 'paused') draft.pauses.push(event.pause);
        else if (event.type === 'resumed') {
          draft.pauses = draft.pauses.filter((pause) => pause.contactId !== event.contactId);
        } else {
          const pause = draft.pauses.find((entry) => entry.contactId === event.contactId);
          if (pause) pause.recording = event.recording;
        }
      },
      historyLimit: 0,
    },
    (error) => {
      ctx.logger.error('A subscriber of the redaction state threw', { error });
    },
  );
  const timers = new Map<string, ReturnType<typeof ctx.clock.setTimeout>>();
  const find = (contactId: string) =>
    store.getSnapshot().pauses.find((pause) => pause.contactId === contactId);
  const recordingOf = (contactId: string): Recording | undefined => {
    try {
      return recorder?.(contactId);
    } catch (error) {
      ctx.logger.warn('The recorder port threw', { error, contactId });
      return undefined;
    }
  };

  function resume(contactId: string, reason: PciResumeReason): void {
    const pause = find(contactId);
    if (!pause) {
      throw new SwitchboardError('NOT_FOUND', `Contact ${contactId} is not paused.`, {
        details: { contactId },
      });
    }
    const timer = timers.get(contactId);
    if (timer !== undefined) ctx.clock.clearTimeout(timer);
    timers.delete(contactId);
    store.apply([{ type: 'resumed', contactId }]);
    const recording = pause.recording === 'none' ? undefined : recordingOf(contactId);
    if (recording) {
      void ask(() => recording.resumeRecording()).then((done) => {
        if (!done) ctx.logger.warn('The recorder did not resume', { contactId });
      });
    }
    const at = ctx.clock.now();
    ctx.events.emit('pci.resumed', { contactId, reason, at, pausedMs: at - pause.since });
  }

  const stopWatching = ctx.state.subscribe(() => {
    const contacts = (
      ctx.state.getSnapshot() as { contacts: readonly { id: string; status: string }[] }
    ).contacts;
    for (const pause of store.getSnapshot().pauses) {
      const contact = contacts.find((candidate) => candidate.id === pause.contactId);
      if (!contact || !live.has(contact.status)) resume(pause.contactId, 'contactLeft');
    }
  });

  return {
    store: { getSnapshot: () => store.getSnapshot(), subscribe: store.subscribe },
    pause(contactId, reason) {
      const existing = find(contactId);
      if (existing) return existing;
      const contacts = (
        ctx.state.getSnapshot() as { contacts: readonly { id: string; status: string }[] }
      ).contacts;
      const status = contacts.find((contact) => contact.id === contactId)?.status;
      if (status === undefined || !live.has(status)) {
        throw new SwitchboardError(
          'INVALID_TRANSITION',
          `Contact ${contactId} is not connected to this desk, so it cannot be paused.`,
          { details: { contactId, status } },
        );
      }
      const since = ctx.clock.now();
      const recording = recordingOf(contactId);
      const pause: PciPause = {
        contactId,
        reason,
        since,
        resumeAt: since + timeoutMs,
        recording: recording ? 'paused' : 'none',
        maskInput: true,
      };
      store.apply([{ type: 'paused', pause }]);
      timers.set(
        contactId,
        ctx.clock.setTimeout(() => {
          timers.delete(contactId);
          if (find(contactId)) resume(contactId, 'timeout');
        }, timeoutMs),
      );
      if (recording) {
        void ask(() => recording.pauseRecording({ autoResumeMs: timeoutMs })).then((done) => {
          if (done || !find(contactId)) return;
          ctx.logger.warn('The recorder did not pause', { contactId });
          store.apply([{ type: 'recorded', contactId, recording: 'failed' }]);
        });
      }
      ctx.events.emit('pci.paused', { contactId, reason, at: since, resumeAt: pause.resumeAt });
      return find(contactId) ?? pause;
    },
    resume,
    isPaused: (contactId) => find(contactId) !== undefined,
    dispose() {
      stopWatching();
      for (const pause of store.getSnapshot().pauses) {
        const recording = recordingOf(pause.contactId);
        if (recording) void ask(() => recording.resumeRecording());
      }
    },
  };
}
