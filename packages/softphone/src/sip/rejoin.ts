import type { Clock } from '@switchboard/core';
import { Inviter, UserAgent, type Invitation, type Session } from 'sip.js';
import type { Call } from '../call';
import { replacesHeader, type DialogRecord } from './dialogMemory';
import { descriptionOptions } from './mediaAdapter';
import type { CallHandle } from './sipCall';

/** What {@link rejoinOrphan} needs from the softphone. */
export interface RejoinContext {
  /** The user agent that sends the INVITE. */
  readonly ua: UserAgent;
  /** Tracks a new session as a call of the phone. */
  readonly track: (session: Session) => CallHandle;
  /** Takes the credentials for one request; the returned function gives them back. */
  readonly lease: () => Promise<() => void>;
  /** The softphone's clock. */
  readonly clock: Clock;
  /** How long the far end has to answer before the attempt is given up. */
  readonly timeoutMs: number;
}

/**
 * Takes over, from a freshly loaded page, the call an earlier page left connected: an INVITE to
 * the far end's Contact with a Replaces header naming the old dialog (RFC 3891), with fresh
 * media. Resolves with the new call once answered, or `null` when the far end refused or did
 * not answer in time (the attempt is then cancelled, and the caller ends the dialog with a BYE).
 */
export async function rejoinOrphan(
  record: DialogRecord,
  context: RejoinContext,
): Promise<Call | null> {
  const target = UserAgent.makeURI(record.remoteTarget);
  const to = UserAgent.makeURI(record.remoteUri);
  if (!target || !to) return null;
  const inviter = new Inviter(context.ua, target, {
    params: { toUri: to },
    extraHeaders: [replacesHeader(record)],
    sessionDescriptionHandlerOptions: descriptionOptions({ held: false, iceRestart: false }),
  });
  const handle = context.track(inviter);
  const release = await context.lease();
  try {
    await handle.dial(release);
  } catch {
    release();
    return null;
  }
  const connected = await new Promise<boolean>((resolve) => {
    const check = () => {
      const { status } = handle.call.getSnapshot();
      if (status === 'connected' || status === 'ended') finish(status === 'connected');
    };
    const timer = context.clock.setTimeout(() => {
      finish(false);
    }, context.timeoutMs);
    const stop = handle.call.subscribe(check);
    function finish(result: boolean) {
      context.clock.clearTimeout(timer);
      stop();
      resolve(result);
    }
    check();
  });
  if (!connected) await handle.call.hangUp().catch(() => undefined);
  return connected ? handle.call : null;
}

/** What {@link isRejoin} compares: the INVITE with Replaces, and the dialog it would replace. */
export interface RejoinFacts {
  /** The INVITE's From URI. */
  readonly from: string;
  /** The INVITE's Replaces header value (`call-id;to-tag=…;from-tag=…`). */
  readonly replaces: string;
  /** Whether the INVITE carries a Referred-By header (RFC 3892: it follows a REFER). */
  readonly referred: boolean;
  /** The replaced dialog's Call-ID, local and remote tags and the far end's URI. */
  readonly dialog: {
    readonly callId: string;
    readonly localTag: string;
    readonly remoteTag: string;
    readonly remoteUri: string;
  };
}

const anonymous = /^sips?:anonymous@|@anonymous\.invalid(?:[;:>]|$)/i;
/** `user@host:port` of a SIP URI, lower-cased host (parameters and display name dropped). */
function addressOf(uri: string): string {
  const match = /^<?sips?:(?:([^@;>]+)@)?([^;>?:]+)(?::(\d+))?/i.exec(uri.trim());
  if (!match) return uri;
  return `${match[1] ?? ''}@${(match[2] ?? '').toLowerCase()}:${match[3] ?? ''}`;
}
/** The value of `name=` in a header's parameters. */
const parameter = (header: string, name: string) =>
  new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header)?.[1] ?? null;

/**
 * Whether an INVITE with Replaces comes from the replaced dialog's own far end taking its call
 * over (after a reload, or from another tab of the same agent), rather than from a third party
 * (an attended transfer). Every one of these must hold: the Replaces header names exactly this
 * dialog (Call-ID, our tag as to-tag, the far end's tag as from-tag); the INVITE's From is the
 * dialog's far end (same user, host and port); it was not referred (no Referred-By, which a
 * transfer's INVITE carries); and that far end is identifiable (an anonymous caller never
 * rejoins: two anonymous callers share the address).
 */
export function isRejoin(facts: RejoinFacts): boolean {
  const { dialog, replaces } = facts;
  const callId = replaces.split(';')[0]?.trim();
  return (
    callId === dialog.callId &&
    parameter(replaces, 'to-tag') === dialog.localTag &&
    parameter(replaces, 'from-tag') === dialog.remoteTag &&
    !facts.referred &&
    !anonymous.test(facts.from) &&
    addressOf(facts.from) === addressOf(dialog.remoteUri)
  );
}

/** {@link isRejoin} for a sip.js INVITE and the call it would replace. */
export function invitationRejoins(invitation: Invitation, replaced: CallHandle): boolean {
  const dialog = replaced.session.dialog;
  if (!dialog) return false;
  return isRejoin({
    from: invitation.request.from.uri.toString(),
    replaces: invitation.request.getHeader('replaces') ?? '',
    referred: invitation.request.hasHeader('referred-by'),
    dialog: {
      callId: dialog.callId,
      localTag: dialog.localTag,
      remoteTag: dialog.remoteTag,
      remoteUri: dialog.remoteURI.toString(),
    },
  });
}
