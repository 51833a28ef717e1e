import type { ChatErrorCode, ChatProblem } from '../protocol/codes';
import type { ChatLink } from '../transport/link';

/** A problem with `code`. */
export function refusal(code: ChatErrorCode, message: string): ChatProblem {
  return { code, message };
}

/** Sends a problem as an `error` frame; nothing else changes. */
export function problemFrame(link: ChatLink, problem: ChatProblem, contactId?: string): void {
  link.send(JSON.stringify({ type: 'error', ...problem, ...(contactId ? { contactId } : {}) }));
}
