import * as z from 'zod/mini';

/** The days of the week, as {@link BusinessHours} keys them. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** A day of the week. */
export type Weekday = (typeof weekdays)[number];

const clockTime = z
  .string()
  .check(
    z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected a time as HH:MM, 00:00 to 24:00.'),
  );

/** Validates an {@link OpeningSpan}. */
export const openingSpanSchema = z
  .object({
    /** Opening time, `HH:MM` in the schedule's time zone. */
    from: clockTime,
    /** Closing time, `HH:MM` (`24:00` for midnight); later than `from`. */
    to: clockTime,
  })
  .check(
    z.refine((span) => span.from < span.to, {
      message: 'A span must close after it opens.',
      path: ['to'],
    }),
  );
/** One span of a day during which a queue is open. */
export type OpeningSpan = z.infer<typeof openingSpanSchema>;

const day = z._default(z.array(openingSpanSchema), []);

/** Validates {@link BusinessHours}. */
export const businessHoursSchema = z.object({
  /** IANA time zone of the schedule, e.g. `Europe/Paris`. */
  timeZone: z.string().check(
    z.refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown IANA time zone.'),
  ),
  /** Opening spans per weekday; a day left out is closed. */
  weekly: z.object({
    /** Sunday. */ sun: day,
    /** Monday. */ mon: day,
    /** Tuesday. */ tue: day,
    /** Wednesday. */ wed: day,
    /** Thursday. */ thu: day,
    /** Friday. */ fri: day,
    /** Saturday. */ sat: day,
  }),
  /** Dates (`YYYY-MM-DD`, in the schedule's time zone) on which the queue stays closed. */
  holidays: z._default(z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), []),
});
/** When a queue is open: a weekly schedule in a time zone, with holidays. */
export type BusinessHours = z.infer<typeof businessHoursSchema>;
/** Business hours as a host writes them (closed days may be left out). */
export type BusinessHoursInput = z.input<typeof businessHoursSchema>;
