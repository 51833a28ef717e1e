import type { Unsubscribe } from '@switchboard/core';
import type { PauseRecordingOptions } from '../call';
import { SoftphoneError } from '../errors';
import type { BindingContext } from './bindingContext';

declare module '@switchboard/core' {
  interface SwitchboardEvents {
    /**
     * A plugin (e.g. a PCI plugin, when the agent opens a card form) asks the softphone binding
     * to pause the recording of a voice contact's call.
     */
    'recording.pauseRequested': {
      /** The voice contact. */
      readonly contactId: string;
      /** Recording resumes by itself after this many ms; the phone's default when absent. */
      readonly autoResumeMs?: number;
    };
    /** A plugin asks the softphone binding to resume the recording of a voice contact's call. */
    'recording.resumeRequested': {
      /** The voice contact. */
      readonly contactId: string;
    };
  }
}

/** The binding's recording controls, by contact. */
export interface RecordingMirror {
  /** Pauses the recording of the contact's call. */
  readonly pause: (contactId: string, options?: PauseRecordingOptions) => Promise<void>;
  /** Resumes the recording of the contact's call. */
  readonly resume: (contactId: string) => Promise<void>;
  /** Stops mirroring. */
  readonly off: Unsubscribe;
}

/**
 * Mirrors the PCI recording pause: `recording.pauseRequested` / `recording.resumeRequested` on
 * the desk's bus (emitted by a plugin) pause and resume the call, and every pause and resume of
 * a linked call is written onto the contact (`annotate`: `recordingPaused`,
 * `recordingAutoResumeMs`, `recordingResumedBy`), so the desk sees `contact.annotated`.
 */
export function mirrorRecording(context: BindingContext): RecordingMirror {
  const { desk, phone } = context;
  const callOf = (contactId: string) => {
    const call = context.callFor(contactId);
    if (!call) {
      throw new SoftphoneError('NOT_FOUND', `No call is linked to contact ${contactId}.`, {
        details: { contactId },
      });
    }
    return call;
  };
  const annotate = (callId: string, attributes: Record<string, unknown>) => {
    const contact = context.contactOf(callId);
    if (contact) {
      context.attempt(() =>
        desk.center.contactCommand(contact.id, { type: 'annotate', attributes }),
      );
    }
  };
  const pause = (contactId: string, options?: PauseRecordingOptions) =>
    callOf(contactId).pauseRecording(options);
  const resume = (contactId: string) => callOf(contactId).resumeRecording();

  const offs: Unsubscribe[] = [
    desk.events.on('recording.pauseRequested', ({ contactId, autoResumeMs }) => {
      context.attempt(() => pause(contactId, autoResumeMs === undefined ? {} : { autoResumeMs }));
    }),
    desk.events.on('recording.resumeRequested', ({ contactId }) => {
      context.attempt(() => resume(contactId));
    }),
    phone.on('call.recordingPaused', ({ call, autoResumeMs }) => {
      annotate(call.id, { recordingPaused: true, recordingAutoResumeMs: autoResumeMs });
    }),
    phone.on('call.recordingResumed', ({ call, reason }) => {
      annotate(call.id, { recordingPaused: false, recordingResumedBy: reason });
    }),
  ];
  return {
    pause,
    resume,
    off: () => {
      for (const off of offs.splice(0)) off();
    },
  };
}
