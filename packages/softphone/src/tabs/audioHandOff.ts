import type { AnswerOptions } from '../call';
import type { SoftphoneInternals } from '../createSoftphone';
import type { DialogRecord } from '../sip/dialogMemory';
import type { CallLegs } from './callLegs';
import type { PerformCommand } from './leaderCommands';
import type { TabLocks } from './sharedSoftphoneTypes';
import type { TabCommands } from './tabCommands';

/** What moving a call's audio between tabs needs. @internal */
export interface AudioHandOffOptions {
  /** Sends commands to the other tabs. */
  readonly send: TabCommands['send'];
  /** The calls this tab carries for the leading tab. */
  readonly legs: CallLegs;
  /** The Web Locks the tabs share (a leg's lock says its tab is alive). */
  readonly locks: TabLocks | undefined;
  /** The shared softphone's lock and channel name. */
  readonly name: string;
  /** Aborts once this tab's softphone is disposed. */
  readonly signal: AbortSignal;
}

/**
 * Moving a call's audio to the follower tab that answers it. The leading tab answers, then the
 * answering tab takes the dialog over with an INVITE with Replaces on its own unregistered
 * connection, so the audio plays there; the leading tab keeps the call (same id everywhere) and
 * hands its controls to that tab. A lock per moved call, held while its tab lives, tells the
 * leading tab when that tab closed (it then ends the call). @internal
 */
export interface AudioHandOff {
  /** The answering tab's side: answers call `callId` and takes its dialog and audio over. */
  readonly answerHere: (callId: string, options: AnswerOptions) => Promise<void>;
  /** The leading tab's side: `base` with the answering tab's `answerHere` and `handOff.*`. */
  readonly withHandOff: (base: PerformCommand, calls: SoftphoneInternals) => PerformCommand;
}

/** A tab's {@link AudioHandOff}, for either side. @internal */
export function createAudioHandOff(options: AudioHandOffOptions): AudioHandOff {
  const { send, legs, locks, signal } = options;
  const legLock = (callId: string) => `${options.name}:leg:${callId}`;
  const closed = new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => {
      resolve();
    });
  });
  return {
    async answerHere(callId, answerOptions) {
      const record = (await send('answerHere', callId, [answerOptions])) as DialogRecord | null;
      if (!record) return; // the far end cannot take Replaces: the audio stays in the leader
      if (!(await legs.open(callId, record))) {
        await send('handOff.failed', callId, []);
        return;
      }
      // Held while this tab lives: the leading tab gets it once this tab closes, and ends the call.
      await new Promise<void>((granted) => {
        void locks
          ?.request(legLock(callId), {}, () => {
            granted();
            return closed;
          })
          .catch(() => undefined);
        if (!locks) granted();
      });
      await send('handOff.done', callId, [legs.dialogOf(callId)]);
    },
    withHandOff: (base, calls) => async (command, callId, args, from) => {
      if (callId === null || !from) return base(command, callId, args);
      if (command === 'answerHere') {
        await base('answer', callId, args);
        return calls.handOff(callId);
      }
      if (command === 'handOff.done' || command === 'handOff.failed') {
        const record = (args[0] ?? null) as DialogRecord | null;
        const leg = {
          run: (name: string, rest: readonly unknown[]) => send(name, callId, rest, from),
          record,
        };
        calls.moveTo(callId, command === 'handOff.done' ? leg : null);
        if (command === 'handOff.done') {
          void locks
            ?.request(legLock(callId), { signal }, () => {
              calls.legLost(callId, record);
              return Promise.resolve();
            })
            .catch(() => undefined);
        }
        return undefined;
      }
      return base(command, callId, args);
    },
  };
}
