import * as z from 'zod/mini';
import { SwitchboardError } from '../errors';
import { parseInput } from '../validation';
import { localMinuteIn, nextLocalMinute, type LocalMinuteOf } from './localTime';

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

const knownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const timeZoneSchema = z.string().check(z.refine(knownTimeZone, 'Unknown IANA time zone'));

/** Validates the plain parts of {@link CallingPolicyOptions}. */
export const callingPolicyOptionsSchema = z.object({
  /** First local time a call may start, `HH:MM`; `08:00` by default. */
  start: z._default(clockTime, '08:00'),
  /** Local time from which calls are refused, `HH:MM`; `21:00` by default. */
  end: z._default(clockTime, '21:00'),
  /** The zone for customers without one; `UTC` by default. */
  defaultTimeZone: z._default(timeZoneSchema, 'UTC'),
});

/** Options of {@link createCallingPolicy}; all optional. */
export interface CallingPolicyOptions {
  /** First local time (customer's zone) a call may start, `HH:MM`; `08:00` by default. */
  readonly start?: string;
  /** Local time from which calls are refused, `HH:MM`, after `start`; `21:00` by default. */
  readonly end?: string;
  /** The IANA zone used when the customer has none; `UTC` by default. */
  readonly defaultTimeZone?: string;
  /**
   * Numbers never to call: a list (compared on digits and a leading `+`, so `+44 20 7946 0958`
   * matches `+442079460958`) or a function asked on every check (a live registry).
   */
  readonly doNotCall?: Iterable<string> | ((phone: string) => boolean);
}

/** Validates a {@link CallTarget}. */
export const callTargetSchema = z.object({
  /** The number to call. */
  phone: z.string().check(z.minLength(1)),
  /** The customer's IANA time zone; the policy's default when absent. */
  timeZone: z.optional(timeZoneSchema),
});
/** Whom a call would reach: a number and the customer's time zone. */
export type CallTarget = z.input<typeof callTargetSchema>;

/** The answer of {@link CallingPolicy.check}. */
export type CallDecision =
  | {
      /** The call may start now. */
      readonly allowed: true;
    }
  | {
      /** The call may not start now. */
      readonly allowed: false;
      /** `doNotCall`: the number is on the list; `outsideHours`: it is night for the customer. */
      readonly reason: 'doNotCall' | 'outsideHours';
      /** When it may start (ms since epoch), or `null` for a number on the do-not-call list. */
      readonly nextAllowedAt: number | null;
    };

/**
 * Whether a call to a customer may start at a given time: calling hours in the customer's time
 * zone and a do-not-call list. Pure: the time is passed in, nothing is remembered.
 */
export interface CallingPolicy {
  /** Whether a call to `target` may start at `at` (ms since epoch), or why not and when. */
  check(target: CallTarget, at: number): CallDecision;
  /** The first instant at or after `at` inside calling hours in `timeZone` (default zone if absent). */
  nextAllowedAt(at: number, timeZone?: string): number;
  /** Whether `phone` is on the do-not-call list. */
  isDoNotCall(phone: string): boolean;
}

/** Digits and a leading `+`: the form do-not-call numbers are compared in. @internal */
export const normalizePhone = (phone: string) =>
  (phone.trim().startsWith('+') ? '+' : '') + phone.replace(/\D/g, '');

/**
 * Creates a {@link CallingPolicy}. Local time is read with `Intl`, so daylight-saving changes
 * follow the runtime's time-zone data.
 *
 * @example
 * ```ts
 * const policy = createCallingPolicy({ doNotCall: ['+33 1 23 45 67 89'] });
 * const at = Date.UTC(2026, 0, 5, 6); // 07:00 in Paris
 * policy.check({ phone: '+441234567890', timeZone: 'Europe/Paris' }, at);
 * // { allowed: false, reason: 'outsideHours', nextAllowedAt: Date.UTC(2026, 0, 5, 7) }
 * ```
 * @throws `SwitchboardError` `VALIDATION_FAILED` for malformed options (`end` not after `start`).
 */
export function createCallingPolicy(options: CallingPolicyOptions = {}): CallingPolicy {
  const settings = parseInput(callingPolicyOptionsSchema, options, 'calling policy options');
  const start = toMinute(settings.start);
  const end = toMinute(settings.end);
  if (end <= start) {
    throw new SwitchboardError('VALIDATION_FAILED', 'Calling hours must end after they start.', {
      issues: [{ path: ['end'], message: 'must be after start' }],
    });
  }
  const { doNotCall } = options;
  const listed =
    typeof doNotCall === 'function' ? null : new Set([...(doNotCall ?? [])].map(normalizePhone));
  const isDoNotCall = (phone: string) =>
    listed === null
      ? (doNotCall as (phone: string) => boolean)(phone)
      : listed.has(normalizePhone(phone));

  const zones = new Map<string, LocalMinuteOf>();
  const localMinute = (timeZone: string) => {
    let read = zones.get(timeZone);
    if (!read) {
      read = localMinuteIn(timeZone);
      zones.set(timeZone, read);
    }
    return read;
  };
  const nextAllowedAt = (at: number, timeZone = settings.defaultTimeZone) => {
    const read = localMinute(parseInput(timeZoneSchema, timeZone, 'time zone'));
    const minute = read(at);
    return minute >= start && minute < end ? at : nextLocalMinute(read, at, start);
  };

  return Object.freeze({
    isDoNotCall,
    nextAllowedAt,
    check(target: CallTarget, at: number): CallDecision {
      const { phone, timeZone } = parseInput(callTargetSchema, target, 'call target');
      if (isDoNotCall(phone)) return { allowed: false, reason: 'doNotCall', nextAllowedAt: null };
      const next = nextAllowedAt(at, timeZone);
      return next === at
        ? { allowed: true }
        : { allowed: false, reason: 'outsideHours', nextAllowedAt: next };
    },
  });
}
