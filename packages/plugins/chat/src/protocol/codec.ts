import type * as z from 'zod/mini';
import type { ChatIssue, ChatProblem } from './codes';

/** The outcome of decoding a frame: the value, or the problem to report. */
export type Decoded<T> =
  | {
      /** Decoded. */
      readonly ok: true;
      /** The frame. */
      readonly value: T;
    }
  | {
      /** Refused. */
      readonly ok: false;
      /** Why. */
      readonly problem: ChatProblem;
    };

/** Turns zod issues into plain {@link ChatIssue}s (symbols dropped, paths copied). */
export function toIssues(issues: readonly z.core.$ZodIssue[]): ChatIssue[] {
  return issues.map((issue) => ({
    path: issue.path.filter((key) => typeof key !== 'symbol'),
    message: issue.message,
  }));
}

/** Parses `data` as JSON, then against `schema`; never throws. */
export function decodeFrame<S extends z.ZodMiniType>(
  schema: S,
  data: string | object,
): Decoded<z.output<S>> {
  let json: unknown = data;
  if (typeof data === 'string') {
    try {
      json = JSON.parse(data);
    } catch {
      return malformed('The frame is not JSON.', []);
    }
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : malformed('The frame does not match the protocol schema.', toIssues(parsed.error.issues));
}

function malformed(message: string, issues: ChatIssue[]): Decoded<never> {
  return { ok: false, problem: { code: 'MALFORMED_FRAME', message, issues } };
}
