import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { createCallingPolicy } from './callingPolicy';
import { localMinuteIn } from './localTime';

const paris = { phone: '+33 1 23 45 67 89', timeZone: 'Europe/Paris' };
const utc = (...parts: [number, number, number, number, number?]) => Date.UTC(...parts);

describe('createCallingPolicy', () => {
  const policy = createCallingPolicy({ doNotCall: ['+44 20 7946 0958'] });

  it('allows 08:00 up to 21:00 (excluded) in the customer’s zone, winter and summer', () => {
    // January: Paris is UTC+1; July: UTC+2.
    expect(policy.check(paris, utc(2026, 0, 5, 7))).toEqual({ allowed: true });
    expect(policy.check(paris, utc(2026, 0, 5, 19, 59))).toEqual({ allowed: true });
    expect(policy.check(paris, utc(2026, 0, 5, 20))).toEqual({
      allowed: false,
      reason: 'outsideHours',
      nextAllowedAt: utc(2026, 0, 6, 7),
    });
    expect(policy.check(paris, utc(2026, 6, 5, 5, 30))).toEqual({
      allowed: false,
      reason: 'outsideHours',
      nextAllowedAt: utc(2026, 6, 5, 6),
    });
    expect(policy.check(paris, utc(2026, 6, 5, 6))).toEqual({ allowed: true });
  });

  it('crosses a daylight-saving change to the right instant', () => {
    // New York springs forward on 2026-03-08: 21:30 EST on the 7th -> 08:00 EDT on the 8th.
    const ny = { phone: '+12125550100', timeZone: 'America/New_York' };
    const decision = policy.check(ny, utc(2026, 2, 8, 2, 30));
    expect(decision).toEqual({
      allowed: false,
      reason: 'outsideHours',
      nextAllowedAt: utc(2026, 2, 8, 12),
    });
    // Paris falls back on 2026-10-25: 07:30 CET is 06:30 UTC, 08:00 CET is 07:00 UTC.
    expect(policy.nextAllowedAt(utc(2026, 9, 24, 22), 'Europe/Paris')).toBe(utc(2026, 9, 25, 7));
  });

  it('refuses do-not-call numbers whatever the time, comparing digits', () => {
    expect(policy.check({ phone: '+442079460958' }, utc(2026, 0, 5, 12))).toEqual({
      allowed: false,
      reason: 'doNotCall',
      nextAllowedAt: null,
    });
    expect(policy.isDoNotCall('+44 (20) 7946-0958')).toBe(true);
    expect(policy.isDoNotCall('442079460958')).toBe(false);
  });

  it('asks a do-not-call function on every check', () => {
    const listed = vi.fn((phone: string) => phone.endsWith('0'));
    const live = createCallingPolicy({ doNotCall: listed });
    expect(live.check({ phone: '+100' }, utc(2026, 0, 5, 12)).allowed).toBe(false);
    expect(live.check({ phone: '+101' }, utc(2026, 0, 5, 12)).allowed).toBe(true);
    expect(listed).toHaveBeenCalledTimes(2);
  });

  it('uses its hours and default zone', () => {
    const custom = createCallingPolicy({
      start: '09:30',
      end: '17:00',
      defaultTimeZone: 'Asia/Tokyo',
    });
    // 09:00 in Tokyo (UTC+9) is 00:00 UTC.
    expect(custom.check({ phone: '+81300000000' }, utc(2026, 0, 5, 0))).toMatchObject({
      nextAllowedAt: utc(2026, 0, 5, 0, 30),
    });
    expect(createCallingPolicy().nextAllowedAt(utc(2026, 0, 5, 22))).toBe(utc(2026, 0, 6, 8));
  });

  it.each([
    [{ start: '21:00', end: '08:00' }],
    [{ start: '8am' }],
    [{ defaultTimeZone: 'Mars/Olympus' }],
  ])('refuses malformed options %j', (options) => {
    expect(() => createCallingPolicy(options)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses an unknown time zone in a check', () => {
    expect(() => policy.check({ phone: '+1', timeZone: 'Nowhere/City' }, 0)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const hour = 3_600_000;
const from = utc(2020, 0, 1, 0);
const until = utc(2030, 0, 1, 0);

/** Noon (UTC) of each day, 2020 to 2030, whose UTC offset in `zone` differs from the day before's. */
const offsetChanges = (zone: string) => {
  const read = localMinuteIn(zone);
  const offset = (at: number) => (read(at) - (at % (24 * hour)) / 60_000 + 1_440) % 1_440;
  const days: number[] = [];
  for (let noon = from + 36 * hour; noon < until; noon += 24 * hour)
    if (offset(noon) !== offset(noon - 24 * hour)) days.push(noon);
  return days;
};
const changes = new Map(zones.map((zone) => [zone, offsetChanges(zone)]));

/**
 * An instant and a zone: anywhere in ten years; or within a second of 08:00 or 21:00 local, often
 * exactly on it; or in the two days before an offset change, so the wait for 08:00 crosses it.
 */
const instant = fc.constantFrom(...zones).chain((timeZone) => {
  const read = localMinuteIn(timeZone);
  const days = changes.get(timeZone) ?? [];
  const anywhere = fc.integer({ min: from, max: until });
  const nearBoundary = fc
    .tuple(
      anywhere,
      fc.constantFrom(8 * 60, 21 * 60),
      fc.oneof(fc.constant(0), fc.integer({ min: -1_000, max: 1_000 })),
    )
    .map(([at, minute, ms]) => Math.round(at + (minute - read(at)) * 60_000) + ms);
  const beforeChange =
    days.length > 0
      ? fc
          .tuple(fc.constantFrom(...days), fc.integer({ min: 0, max: 48 * hour }))
          .map(([noon, back]) => noon - back)
      : anywhere;
  return fc.tuple(fc.oneof(anywhere, nearBoundary, beforeChange), fc.constant(timeZone));
});

test.prop([instant])(
  'the next allowed time is inside the hours, not before, and no later than the next 08:00',
  ([at, timeZone]) => {
    const policy = createCallingPolicy();
    const next = policy.nextAllowedAt(at, timeZone);
    const read = localMinuteIn(timeZone);
    const minute = read(next);
    const inHours = (when: number) => read(when) >= 8 * 60 && read(when) < 21 * 60;
    expect(next).toBeGreaterThanOrEqual(at);
    expect(next - at).toBeLessThan(26 * 3_600_000);
    expect(minute).toBeGreaterThanOrEqual(8 * 60);
    expect(minute).toBeLessThan(21 * 60);
    if (next > at) {
      expect(minute).toBe(8 * 60);
      // Outside the hours all the way from `at` to `next`, checked every 20 minutes and just before.
      for (let when = at; when < next; when += 20 * 60_000) expect(inHours(when)).toBe(false);
      expect(inHours(next - 1)).toBe(false);
    }
  },
);
