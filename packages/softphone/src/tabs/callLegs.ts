import type { Call, CallSnapshot } from '../call';
import { buildSoftphone, type SoftphoneInternals } from '../createSoftphone';
import { SoftphoneError } from '../errors';
import * as z from 'zod/mini';
import { recordSchema, type DialogRecord } from '../sip/dialogMemory';
import type { SoftphoneOptions } from '../softphoneOptions';
import type { Softphone } from '../softphoneTypes';
import { callControls } from './leaderCommands';
import { legEvents, type LegEvent } from './legEvents';

/**
 * Controls the leading tab may hand to the tab that carries a moved call: every call control
 * but answering and rejecting, which a moved call is past.
 */
const legControls = new Set(
  [...callControls].filter((command) => command !== 'answer' && command !== 'reject'),
);

/** An attended transfer's consultation named by its dialog (it may live in another tab). */
const consultedSchema = z.object({ record: recordSchema, uri: z.string() });

/** The calls a follower tab answered and now carries itself (their dialog and media). */
export interface CallLegs {
  /**
   * Takes over the call `callId` of the leading tab (the dialog in `record`) on this tab's own
   * unregistered connection; resolves with whether the far end accepted.
   */
  open(callId: string, record: DialogRecord): Promise<boolean>;
  /** The dialog's facts of the leg of `callId` (for the BYE if this tab closes). */
  dialogOf(callId: string): DialogRecord | null;
  /** Runs a call control the leading tab handed over on the leg of `callId`. */
  run(callId: string, command: string, args: readonly unknown[]): Promise<unknown>;
  /** Hangs the legs up and closes the connection. */
  dispose(): Promise<void>;
}

/**
 * The answering tab's side of moving a call's audio: a softphone of its own (with the leading
 * tab's `dialogStorage`) that never registers (so the browser still holds one registration of the user), made on the first
 * answer, whose calls are legs of the leading tab's calls. `changed` reports each leg's
 * snapshot, and `happened` its {@link legEvents}, keyed by the leading tab's call id.
 */
export function createCallLegs(
  options: SoftphoneOptions & { readonly dialogStorage: SoftphoneOptions['dialogStorage'] },
  changed: (callId: string, leg: CallSnapshot) => void,
  happened: (callId: string, event: LegEvent, payload: Record<string, unknown>) => void,
): CallLegs {
  let built: { phone: Softphone; internals: SoftphoneInternals } | undefined;
  const legs = new Map<string, Call>();
  const build = () => {
    const made = buildSoftphone({ ...options, wake: false });
    for (const event of legEvents) {
      made.phone.on(event, (payload) => {
        const entry = [...legs].find(([, leg]) => leg.id === payload.call.id);
        if (entry) happened(entry[0], event, { ...payload });
      });
    }
    return made;
  };
  const legOf = (callId: string) => {
    const leg = legs.get(callId);
    if (!leg) throw new SoftphoneError('NOT_FOUND', `No call ${callId}.`, { details: { callId } });
    return leg;
  };
  return {
    async open(callId, record) {
      // The leg's dialog is stored where the leading tab keeps its own: if the leading tab
      // closes, the next one rejoins it as it rejoins the closed tab's calls.
      built ??= build();
      const leg = await built.internals.takeOver(record).catch(() => null);
      if (!leg) return false;
      legs.set(callId, leg);
      leg.subscribe(() => {
        const snapshot = leg.getSnapshot();
        if (snapshot.status === 'ended') legs.delete(callId);
        changed(callId, snapshot);
      });
      return true;
    },
    dialogOf(callId) {
      const leg = legs.get(callId);
      return leg && built ? built.internals.dialogOf(leg.id) : null;
    },
    async run(callId, command, args) {
      const leg = legOf(callId);
      if (!legControls.has(command)) {
        throw new SoftphoneError('INVALID_INPUT', `Unknown command ${command}.`);
      }
      const consultation = command === 'transfer' ? z.safeParse(consultedSchema, args[0]) : null;
      if (consultation?.success && built) {
        return built.internals.transferTo(leg.id, consultation.data);
      }
      const control = (leg as unknown as Record<string, (...rest: unknown[]) => unknown>)[command];
      return await control?.(...args);
    },
    async dispose() {
      await built?.phone.dispose();
    },
  };
}
