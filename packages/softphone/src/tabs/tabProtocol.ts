import * as z from 'zod/mini';
import type { CallSnapshot } from '../call';
import { SoftphoneError, softphoneErrorCodes, type SoftphoneErrorCode } from '../errors';
import type { SoftphoneEvents, SoftphoneSnapshot } from '../softphoneTypes';

/** Every softphone event the leading tab forwards to the others. */
export const forwardedEvents = {
  'registration.changed': true,
  'call.incoming': true,
  'call.outgoing': true,
  'call.connected': true,
  'call.held': true,
  'call.resumed': true,
  'call.restored': true,
  'call.quality': true,
  'call.dtmfReceived': true,
  'call.transferred': true,
  'call.referred': true,
  'call.replaced': true,
  'call.recordingPaused': true,
  'call.recordingResumed': true,
  'conference.changed': true,
  'call.ended': true,
  'call.orphanEnded': true,
  'call.rejoined': true,
  'call.remoteRejoined': true,
  'call.audioPlaced': true,
  'softphone.woke': true,
  'tabs.roleChanged': false, // each tab's own
  error: true,
} as const satisfies Record<keyof SoftphoneEvents, boolean>;

/** A conference the leading tab started for another tab, as it crosses tabs. */
export interface WireConference {
  /** The conference's id (each call's `conferenceId`). */
  readonly id: string;
  /** The ids of its calls. */
  readonly callIds: readonly string[];
}

/** A transfer target as it crosses tabs: an address, or the id of a call of the leading tab. */
export type WireTransferTarget = string | { readonly callId: string };

/** A {@link SoftphoneError} as it crosses tabs. */
export interface WireError {
  /** Its code. */
  readonly code: string;
  /** Its message. */
  readonly message: string;
  /** Its details. */
  readonly details: Record<string, unknown>;
}

/** One message between the tabs of a shared softphone (structured-cloned by BroadcastChannel). */
export type TabMessage =
  | { readonly type: 'hello'; readonly from: string }
  | {
      readonly type: 'state';
      readonly from: string;
      readonly snapshot: SoftphoneSnapshot;
    }
  | {
      readonly type: 'event';
      readonly from: string;
      readonly name: keyof SoftphoneEvents;
      /** The payload with live calls as snapshots and errors as {@link WireError}s. */
      readonly payload: Record<string, unknown>;
      /** Headers of an incoming call's INVITE that the other tabs may read. */
      readonly headers?: Record<string, string>;
    }
  | {
      readonly type: 'command';
      readonly from: string;
      /** The tab that carries a moved call (its leg); the leading tab when absent. */
      readonly to?: string;
      readonly id: string;
      readonly name: string;
      readonly callId: string | null;
      readonly args: readonly unknown[];
    }
  | {
      readonly type: 'leg';
      readonly from: string;
      /** The leading tab's id of the call the sending tab carries. */
      readonly callId: string;
      /** The leg's snapshot in the tab that carries it. */
      readonly snapshot: CallSnapshot;
      /** An event of the leg (`call.held`, ...), with its payload. */
      readonly event?: { readonly name: string; readonly payload: Record<string, unknown> };
    }
  | {
      readonly type: 'result';
      readonly from: string;
      readonly to: string;
      readonly id: string;
      readonly value?: unknown;
      readonly error?: WireError;
    };

const messageSchema = z.looseObject({
  type: z.enum(['hello', 'state', 'event', 'command', 'leg', 'result']),
  from: z.string(),
});

/** Reads a message from another tab; `null` for anything that is not one of ours. */
export function readMessage(data: unknown): TabMessage | null {
  return z.safeParse(messageSchema, data).success ? (data as TabMessage) : null;
}

/** A {@link SoftphoneError} (or anything thrown) made cloneable. */
export function toWireError(error: unknown): WireError {
  if (error instanceof SoftphoneError) {
    return { code: error.code, message: error.message, details: { ...error.details } };
  }
  return { code: 'CALL_FAILED', message: String(error), details: {} };
}

/** The {@link SoftphoneError} a {@link WireError} stands for. */
export function fromWireError(wire: WireError): SoftphoneError {
  const code = (wire.code in softphoneErrorCodes ? wire.code : 'CALL_FAILED') as SoftphoneErrorCode;
  return new SoftphoneError(code, wire.message, { details: wire.details });
}

/** Headers of an incoming INVITE the other tabs can read through `call.header()`. */
const sharedHeaders = ['X-Switchboard-Contact-Id'];

/**
 * An event's payload made cloneable for the other tabs: a live call as its snapshot (`live`
 * marks it) with the INVITE headers they may read, an error as a {@link WireError}.
 */
export function toWireEvent(
  payload: SoftphoneEvents[keyof SoftphoneEvents],
): Pick<Extract<TabMessage, { type: 'event' }>, 'payload' | 'headers'> {
  const wire: Record<string, unknown> = { ...payload };
  let headers: Record<string, string> | undefined;
  if ('call' in payload && isLiveCall(payload.call)) {
    const call = payload.call;
    wire.call = call.getSnapshot();
    wire.live = true;
    headers = {};
    for (const header of sharedHeaders) {
      const value = call.header(header);
      if (value !== null) headers[header.toLowerCase()] = value;
    }
  }
  if ('error' in payload) wire.error = toWireError(payload.error);
  return { payload: wire, headers };
}

/** Whether a payload field is a live call (with controls) rather than a snapshot. */
function isLiveCall(value: unknown): value is { getSnapshot(): CallSnapshot } {
  return typeof (value as { getSnapshot?: unknown } | null)?.getSnapshot === 'function';
}
