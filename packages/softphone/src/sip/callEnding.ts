import type { CallEndReason } from '../call';

/** How a far end's hang-up ends a call that is being transferred or replaced. @internal */
export type ExpectedEnd = 'transferred' | 'replaced' | null;

/** Why a call ended, as its `call.ended` snapshot reports it. @internal */
export interface EndCause {
  /** The snapshot's `endReason`. */
  readonly reason: CallEndReason;
  /** The snapshot's `statusCode`. */
  readonly statusCode: number | null;
}

/**
 * Why a call is ending, noted as requests go out and come in: sip.js reports a session's end
 * without its cause, so the cause is chosen here, before the end. @internal
 */
export interface CallEnding {
  /** This side ends the call now (hang-up, reject, transfer, lost connection): `reason` wins. */
  readonly endAs: (reason: CallEndReason, statusCode?: number | null) => void;
  /** The far end ends the call (BYE, CANCEL, refused INVITE), unless this side already did. */
  readonly endedBy: (reason: CallEndReason, statusCode: number | null) => void;
  /** How the far end's hang-up ends the call from now on (`null`: as `remoteHangUp`). */
  readonly expect: (reason: ExpectedEnd) => void;
  /** What {@link CallEnding.expect} set last. */
  readonly expected: ExpectedEnd;
  /** The cause noted so far, or `fallback` when none was. */
  readonly causeOr: (fallback: CallEndReason) => EndCause;
}

/** A call's {@link CallEnding}, with no cause noted yet. @internal */
export function createCallEnding(): CallEnding {
  let cause: EndCause | undefined;
  let expected: ExpectedEnd = null;
  return {
    endAs(reason, statusCode = null) {
      cause = { reason, statusCode };
    },
    endedBy(reason, statusCode) {
      cause ??= { reason, statusCode };
    },
    expect(reason) {
      expected = reason;
    },
    get expected() {
      return expected;
    },
    causeOr: (fallback) => cause ?? { reason: fallback, statusCode: null },
  };
}
