import * as z from 'zod/mini';

const threshold = z.optional(z.number().check(z.nonnegative()));

/** The supervisor desk's configuration; every field has a default. */
export const supervisorConfigSchema = z.object({
  /** How often the boards refresh and the alerts are checked, in ms on the desk's clock. */
  refreshMs: z._default(z.number().check(z.positive()), 5_000),
  /** The service-level window: contacts queued in the last `windowMs` count. 24 hours by default. */
  windowMs: z._default(z.number().check(z.positive()), 86_400_000),
  /** Alert thresholds; an alert is off when its threshold is absent. */
  alerts: z.prefault(
    z.object({
      /** Raise when a queue's service level (percent) falls below this. */
      serviceLevelBelow: threshold,
      /** Raise when a queue's longest wait (ms) goes above this. */
      longestWaitAboveMs: threshold,
      /** Raise when the share of logged-in agents not ready (percent) goes above this. */
      notReadyAbovePercent: threshold,
      /**
       * How far back a value must come before its alert clears (hysteresis), per alert kind:
       * service level in points, wait in ms, not-ready share in points.
       */
      hysteresis: z.prefault(
        z.object({
          /** Points above the threshold the service level must reach to clear. */
          serviceLevel: z._default(z.number().check(z.nonnegative()), 5),
          /** Ms below the threshold the longest wait must fall to clear. */
          longestWaitMs: z._default(z.number().check(z.nonnegative()), 10_000),
          /** Points below the threshold the not-ready share must fall to clear. */
          notReadyPercent: z._default(z.number().check(z.nonnegative()), 5),
        }),
        {},
      ),
      /** The queues watched; every queue when absent. */
      queues: z.optional(z.array(z.string().check(z.minLength(1)))),
    }),
    {},
  ),
});

/** The configuration a host passes. */
export type SupervisorConfigInput = z.input<typeof supervisorConfigSchema>;

/** The configuration after parsing, defaults applied. */
export type SupervisorConfig = z.output<typeof supervisorConfigSchema>;
