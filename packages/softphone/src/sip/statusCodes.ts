import type { CallEndReason } from '../call';

/** The end reason for a final failure response to an INVITE. */
export function endReasonOf(statusCode: number): CallEndReason {
  if (statusCode === 486 || statusCode === 600) return 'busy';
  if (statusCode === 603) return 'declined';
  if (statusCode === 487) return 'cancelled';
  if (statusCode === 404 || statusCode === 408 || statusCode === 480) return 'unanswered';
  return 'failed';
}

/** Whether a failed renegotiation is worth retrying: glare (491) or a busy server (500). */
export function isRetryableStatus(statusCode: unknown): boolean {
  return statusCode === 491 || statusCode === 500;
}
