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

/**
 * Whether an INVITE that replaces `replaced` comes from the same party (the far end rejoining
 * after a reload) rather than from a third one (the far end of an attended transfer).
 */
export function isRejoin(invitation: Invitation, replaced: CallHandle): boolean {
  return invitation.remoteIdentity.uri.aor === replaced.session.remoteIdentity.uri.aor;
}
