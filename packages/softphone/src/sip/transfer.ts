import type { Clock } from '@switchboard/core';
import type { Session, URI } from 'sip.js';
import { SoftphoneError } from '../errors';
import type { DialogRecord } from './dialogMemory';

/** Where a transfer stopped: the REFER itself, the far end's new call, or no outcome in time. */
export type TransferStage = 'refer' | 'notify' | 'timeout';

/** The status line of a `message/sipfrag` body (`SIP/2.0 200 OK`), or `null`. */
export function sipfragStatus(body: string): number | null {
  const match = /^\s*SIP\/2\.0\s+(\d{3})\b/.exec(body);
  return match ? Number(match[1]) : null;
}

/** Options of {@link sendRefer}. */
export interface ReferOptions {
  /** Timer for the wait on the final NOTIFY. */
  readonly clock: Clock;
  /** How long the far end's new call may take to reach a final answer. */
  readonly timeoutMs: number;
  /** Details every error carries (call id, target). */
  readonly details: Readonly<Record<string, unknown>>;
}

const failed = (stage: TransferStage, message: string, details: Record<string, unknown>) =>
  new SoftphoneError('TRANSFER_FAILED', message, { details: { ...details, stage } });

/**
 * Sends a REFER in `session`'s dialog (to a URI, or with Replaces to another session) and
 * resolves with the final status the far end reports in its `message/sipfrag` NOTIFYs (2xx).
 * Rejects with `TRANSFER_FAILED`: stage `refer` when the REFER is refused (its `statusCode`,
 * so the re-INVITE queue can retry a 491 or 500), `notify` when the new call failed,
 * `timeout` when no final NOTIFY came within `timeoutMs`.
 */
export async function sendRefer(
  session: Session,
  referTo: URI | Session,
  options: ReferOptions,
): Promise<number> {
  const { clock, details } = options;
  let settle: { resolve: (code: number) => void; reject: (error: unknown) => void } | undefined;
  const outcome = new Promise<number>((resolve, reject) => {
    settle = { resolve, reject };
  });
  outcome.catch(() => undefined); // a failure NOTIFY may come before anyone awaits the outcome
  let accept: () => void = () => undefined;
  let refuse: (statusCode: number) => void = () => undefined;
  const accepted = new Promise<void>((resolve, reject) => {
    accept = resolve;
    refuse = (statusCode) => {
      reject(
        failed('refer', `The REFER was refused with ${statusCode}.`, { ...details, statusCode }),
      );
    };
  });
  await session.refer(referTo, {
    requestDelegate: {
      onAccept: () => {
        accept();
      },
      onReject: (response) => {
        refuse(response.message.statusCode ?? 0);
      },
    },
    onNotify: (notification) => {
      notification.accept().catch(() => undefined);
      const statusCode = sipfragStatus(notification.request.body);
      if (statusCode === null || statusCode < 200) return;
      if (statusCode < 300) settle?.resolve(statusCode);
      else {
        settle?.reject(
          failed('notify', `The transferred call failed with ${statusCode}.`, {
            ...details,
            statusCode,
          }),
        );
      }
    },
  });
  await accepted;
  const timer = clock.setTimeout(() => {
    settle?.reject(
      failed('timeout', `No outcome of the transfer within ${options.timeoutMs} ms.`, {
        ...details,
        statusCode: null,
      }),
    );
  }, options.timeoutMs);
  try {
    return await outcome;
  } finally {
    clock.clearTimeout(timer);
  }
}

/**
 * A consulted call known by its dialog only: its session lives in another tab's user agent (a
 * call moved to the tab that answered it). Internal: never leaves the package.
 */
export interface ConsultedDialog {
  /** The consulted dialog, as seen from this user (its tags, Call-ID and the far end's Contact). */
  readonly record: DialogRecord;
  /** The consulted party's URI (the transfer's `target`). */
  readonly uri: string;
}

/**
 * What sip.js's `Session.refer` reads of a consulted session to write a Refer-To with Replaces
 * (RFC 3891: the far end's Contact, the dialog's Call-ID and tags), made from a dialog's record,
 * so the REFER looks exactly like one for a session of this user agent.
 */
export function consultedSession(record: DialogRecord): Session {
  const dialog = {
    remoteTarget: record.remoteTarget,
    callId: record.callId,
    remoteTag: record.remoteTag,
    localTag: record.localTag,
  };
  return { remoteIdentity: { friendlyName: '' }, dialog } as unknown as Session;
}
