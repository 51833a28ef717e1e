import { weekdays, type BusinessHours, type Weekday } from '../model/businessHours';

/** A moment as a wall clock in some time zone shows it. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Day of the week. */
  readonly weekday: Weekday;
  /** `HH:MM`, 24-hour. */
  readonly time: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** What the wall clock in `timeZone` shows at `at` (ms since epoch). */
export function wallClock(at: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const weekday = (parts.weekday ?? 'Sun').slice(0, 3).toLowerCase() as Weekday;
  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    weekday: weekdays.includes(weekday) ? weekday : 'sun',
    time: `${parts.hour ?? '00'}:${parts.minute ?? '00'}`,
  };
}

/** Whether a queue with these hours is open at `at`; no hours means always open. */
export function isOpen(hours: BusinessHours | undefined, at: number): boolean {
  if (!hours) return true;
  const clock = wallClock(at, hours.timeZone);
  if (hours.holidays.includes(clock.date)) return false;
  return hours.weekly[clock.weekday].some(
    (span) => span.from <= clock.time && clock.time < span.to,
  );
}
