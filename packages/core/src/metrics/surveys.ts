import { SwitchboardError } from '../errors';
import type { KpiBuckets } from './kpiBuckets';

/** Remembers who handled recently completed contacts, so that survey results can be attributed. */
export interface SurveyBook {
  /** A handled contact was completed at `at`; its dimensions are what its survey counts for. */
  completed(contactId: string, at: number, dimensions: readonly string[]): void;
  /** Books a score (1-5) received at `at` for a completed contact. */
  record(contactId: string, score: number, at: number): void;
  /** Forgets contacts completed longer than the survey window before `now`. */
  closeUntil(now: number): void;
}

/** Creates a {@link SurveyBook} that accepts surveys up to `windowMs` after completion. */
export function createSurveyBook(windowMs: number, buckets: KpiBuckets): SurveyBook {
  // Dimensions by contact id, and the completions in time order as two flat arrays (no
  // object per contact: a million events stay light on the garbage collector).
  const finished = new Map<string, readonly string[]>();
  const ids: string[] = [];
  const times: number[] = [];
  let head = 0;

  return {
    completed(contactId, at, dimensions) {
      finished.set(contactId, dimensions);
      ids.push(contactId);
      times.push(at);
    },
    record(contactId, score, at) {
      const dimensions = finished.get(contactId);
      if (!dimensions) {
        throw new SwitchboardError(
          'NOT_FOUND',
          `No handled contact "${contactId}" completed within the survey window.`,
          { details: { contactId } },
        );
      }
      for (const tally of buckets.tallies(at, dimensions)) {
        tally.surveys += 1;
        tally.surveyScoreSum += score;
        if (score >= 4) tally.surveysSatisfied += 1;
      }
    },
    closeUntil(now) {
      while (head < times.length && (times[head] ?? now) + windowMs < now) {
        finished.delete(ids[head] ?? '');
        head += 1;
      }
      if (head > 1024 && head * 2 > times.length) {
        ids.splice(0, head);
        times.splice(0, head);
        head = 0;
      }
    },
  };
}
