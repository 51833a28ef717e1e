import type { Clock } from '@switchboard/core';
import { UserAgent, type Core, type Session } from 'sip.js';
import * as z from 'zod/mini';

/**
 * Where the softphone keeps the facts of its connected calls so that the page that loads next can
 * rejoin or end them: the Web Storage shape, so `sessionStorage` (one tab) or `localStorage` (shared by
 * tabs) fit as they are. Only dialog identifiers are stored: never a password or a token.
 */
export interface DialogStorage {
  /** The stored text under `key`, or `null`. */
  getItem(key: string): string | null;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): void;
  /** Deletes `key`. */
  removeItem(key: string): void;
}

/** The shape of a {@link DialogRecord} (stored, or sent between tabs). */
export const recordSchema = z.object({
  callId: z.string(),
  localTag: z.string(),
  remoteTag: z.string(),
  localUri: z.string(),
  remoteUri: z.string(),
  remoteTarget: z.string(),
  routeSet: z.array(z.string()),
  cseq: z.number(),
  /** Whether the far end advertised `Supported: replaces`: it can take a rejoin. */
  replaces: z.optional(z.boolean()),
});
const recordsSchema = z.array(recordSchema);

/** The minimal facts of one confirmed dialog needed to rejoin it or end it from a fresh page. */
export type DialogRecord = z.infer<typeof recordSchema>;

/** What became of an orphaned dialog found after a reload. */
export interface OrphanOutcome {
  /** The SIP Call-ID of the dialog. */
  readonly callId: string;
  /** The far end's URI. */
  readonly remoteUri: string;
  /** The far end's answer to the BYE; `null` when none came (connection lost). */
  readonly statusCode: number | null;
}

/**
 * CSeq numbers used in a dialog after its record was last saved (DTMF INFOs, re-INVITE retries)
 * are covered by this margin, so the BYE's CSeq is always higher than the last one sent.
 */
const cseqMargin = 1000;

/** What {@link createDialogMemory} returns. */
export type DialogMemory = ReturnType<typeof createDialogMemory>;

/** Remembers confirmed dialogs in a {@link DialogStorage} and ends the orphans a reload left. */
export function createDialogMemory(storage: DialogStorage | null, aor: string) {
  const key = `switchboard-softphone:dialogs:${aor}`;
  const read = (): DialogRecord[] => {
    try {
      const parsed = z.safeParse(recordsSchema, JSON.parse(storage?.getItem(key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return []; // unreadable text: nothing to recover
    }
  };
  const write = (records: readonly DialogRecord[]) => {
    try {
      if (records.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(records));
    } catch {
      // A full or forbidden storage only loses reload recovery, never the call.
    }
  };
  /** Records taken at start: the dialogs of the page before this one. */
  let orphans: DialogRecord[] | null = null;
  const takeOrphans = () => {
    orphans ??= read();
    return orphans;
  };

  return {
    /**
     * Saves (or refreshes) the facts of a session's confirmed dialog; `replaces`: whether the
     * far end advertised support for Replaces.
     */
    remember(session: Session, replaces: boolean): void {
      const record = storage ? recordOf(session, replaces) : null;
      if (!record) return;
      takeOrphans();
      write([...read().filter((entry) => entry.callId !== record.callId), record]);
    },
    /** Drops the record of a call that ended. */
    forget(callId: string): void {
      if (!storage) return;
      const records = read();
      if (records.some((entry) => entry.callId === callId)) {
        write(records.filter((entry) => entry.callId !== callId));
      }
    },
    /**
     * Settles every dialog left by the previous page (its media is gone with it): `rejoin` takes
     * over those whose far end supports Replaces (resolves `true` when it did); the others, and
     * those it could not take over, get a BYE. Resolves with what each ended one's far end
     * answered. Each record is dropped once settled.
     */
    async settleOrphans(
      ua: UserAgent,
      clock: Clock,
      timeoutMs: number,
      rejoin: (record: DialogRecord) => Promise<boolean>,
    ): Promise<OrphanOutcome[]> {
      const found = takeOrphans();
      orphans = [];
      const ended = await Promise.all(
        found.map(async (record): Promise<OrphanOutcome | null> => {
          if (record.replaces === true && (await rejoin(record).catch(() => false))) {
            write(read().filter((entry) => entry.callId !== record.callId));
            return null;
          }
          const statusCode = await sendBye(ua, record, clock, timeoutMs);
          write(read().filter((entry) => entry.callId !== record.callId));
          return { callId: record.callId, remoteUri: record.remoteUri, statusCode };
        }),
      );
      return ended.filter((outcome) => outcome !== null);
    },
  };
}

/**
 * The facts of `session`'s confirmed dialog (`null` before it has one); `replaces`: whether the
 * far end advertised support for Replaces.
 */
export function recordOf(session: Session, replaces: boolean): DialogRecord | null {
  const dialog = session.dialog;
  if (!dialog) return null;
  // The core Session type hides them, but sip.js's dialog object has both.
  const hidden = dialog as { routeSet?: string[]; localSequenceNumber?: number };
  return {
    callId: dialog.callId,
    localTag: dialog.localTag,
    remoteTag: dialog.remoteTag,
    localUri: dialog.localURI.toString(),
    remoteUri: dialog.remoteURI.toString(),
    remoteTarget: dialog.remoteTarget.toString(),
    routeSet: [...(hidden.routeSet ?? [])],
    cseq: hidden.localSequenceNumber ?? 1,
    replaces,
  };
}

/** A BYE in a dialog sip.js no longer knows, built from its record; resolves with the answer. */
export function sendBye(
  ua: UserAgent,
  record: DialogRecord,
  clock: Clock,
  timeoutMs: number,
): Promise<number | null> {
  const target = UserAgent.makeURI(record.remoteTarget);
  const from = UserAgent.makeURI(record.localUri);
  const to = UserAgent.makeURI(record.remoteUri);
  if (!target || !from || !to) return Promise.resolve(null);
  const core = ua.userAgentCore;
  const message = core.makeOutgoingRequestMessage(
    'BYE',
    target,
    from,
    to,
    {
      callId: record.callId,
      cseq: record.cseq + cseqMargin,
      fromTag: record.localTag,
      toTag: record.remoteTag,
      routeSet: record.routeSet,
    },
    ['Reason: SIP;cause=200;text="The page was reloaded"'],
  );
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => {
      resolve(null);
    }, timeoutMs);
    const settle = (response: Core.IncomingResponse) => {
      clock.clearTimeout(timer);
      resolve(response.message.statusCode ?? null);
    };
    try {
      core.request(message, { onAccept: settle, onReject: settle });
    } catch {
      clock.clearTimeout(timer);
      resolve(null);
    }
  });
}

/** The Replaces header (RFC 3891) of an INVITE that takes over `record`'s dialog at the far end. */
export function replacesHeader(record: DialogRecord): string {
  return `Replaces: ${record.callId};to-tag=${record.remoteTag};from-tag=${record.localTag}`;
}
