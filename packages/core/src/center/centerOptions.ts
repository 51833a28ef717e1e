import * as z from 'zod/mini';
import { channelSchema } from '../model/channel';

/** Validates {@link CenterRules}. */
export const centerRulesSchema = z.object({
  /** How long an offer waits for the agent before it counts as missed. Default 15 s. */
  offerTimeoutMs: z._default(z.number().check(z.positive()), 15_000),
  /** Wrap-up longer than this completes on its own; `null` for no limit. Default 60 s. */
  wrapUpLimitMs: z._default(z.nullable(z.number().check(z.positive())), 60_000),
  /** Missed offers in a row that make an agent not ready (reason `missedOffers`); `null` never. Default 2. */
  maxMissedOffers: z._default(z.nullable(z.int().check(z.positive())), 2),
  /** Channels whose contacts connect as soon as they are accepted (no media to set up). */
  autoConnect: z._default(z.array(channelSchema), ['chat', 'email', 'sms', 'social']),
});

/** The centre's rules for offers, wrap-up and missed offers. */
export type CenterRules = z.infer<typeof centerRulesSchema>;
/** The rules a host may set; the rest keep their defaults. */
export type CenterRulesInput = z.input<typeof centerRulesSchema>;
