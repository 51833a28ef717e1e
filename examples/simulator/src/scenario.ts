import { z } from 'zod';

/** Every channel the simulator generates contacts on (the core's channels). */
export const simulatedChannels = ['voice', 'chat', 'email', 'sms', 'social', 'callback'] as const;
const channelSchema = z.enum(simulatedChannels);
/** A contact channel. */
export type SimChannel = z.infer<typeof channelSchema>;

/**
 * A positive duration in seconds with this mean: log-normal with coefficient of variation `cv`
 * (the default), or `exponential` (memoryless; its cv is 1 whatever `cv` says).
 */
const durationSchema = z.object({
  meanSec: z.number().positive(),
  cv: z.number().min(0).max(3),
  distribution: z.enum(['logNormal', 'exponential']).optional(),
});
/** A random duration: mean (seconds) and coefficient of variation. */
export type Duration = z.infer<typeof durationSchema>;

const skillSchema = z.string().min(1);

const queueSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  channel: channelSchema,
  requiredSkills: z.array(z.object({ skill: skillSchema, minProficiency: z.int().min(1).max(10) })),
  priority: z.int().min(0).max(9),
  serviceLevel: z.object({ percent: z.number().min(0).max(100), seconds: z.number().positive() }),
  /** Arrivals per hour when the daily curve is at 1. */
  arrivalsPerHour: z.number().min(0),
});

const channelBehaviourSchema = z.object({
  /** From connected to the end of the conversation. */
  handleTime: durationSchema,
  /** After-contact work before the agent completes it. */
  wrapUp: durationSchema,
  /** How long a customer waits unanswered before giving up; `null`: they never do. */
  patience: durationSchema.nullable(),
});

const agentProfileSchema = z.object({
  name: z.string().min(1),
  /** Relative share of the agents with this profile. */
  share: z.number().positive(),
  skills: z.array(z.object({ skill: skillSchema, proficiency: z.int().min(1).max(10) })),
  capacity: z.object({
    voice: z.int().min(0).max(1),
    chat: z.int().min(0).max(50),
    email: z.int().min(0).max(50),
    sms: z.int().min(0).max(50),
    social: z.int().min(0).max(50),
  }),
});

/** Weights of the survey scores 1 to 5 (relative, not necessarily summing to 1). */
const scoreWeightsSchema = z
  .array(z.number().min(0))
  .length(5)
  .refine((weights) => weights.some((weight) => weight > 0), 'At least one weight must be above 0');

const customersSchema = z.object({
  /** Distinct customers; contacts pick one at random, so the same customer comes back (FCR repeats). */
  population: z.int().positive(),
  /** Reasons for contact, by weight; FCR keys repeats by customer and reason. */
  reasons: z.array(z.object({ code: z.string().min(1), weight: z.number().positive() })).min(1),
});

const csatSchema = z.object({
  /** Share of handled contacts whose customer answers the survey. */
  responseRate: z.number().min(0).max(1),
  /** Score weights (1 to 5) per channel; a channel without one gets no surveys. */
  scores: z.partialRecord(channelSchema, scoreWeightsSchema),
});

/** Default customers: 20,000 of them and four reasons for contact. */
export const defaultCustomers: z.infer<typeof customersSchema> = {
  population: 20_000,
  reasons: [
    { code: 'billing', weight: 40 },
    { code: 'technical', weight: 30 },
    { code: 'order', weight: 20 },
    { code: 'account', weight: 10 },
  ],
};

/** Default surveys: one customer in five answers; voice and social a little less happy than email. */
export const defaultCsat: z.infer<typeof csatSchema> = {
  responseRate: 0.2,
  scores: {
    voice: [6, 6, 12, 36, 40],
    callback: [4, 5, 11, 38, 42],
    chat: [5, 5, 10, 35, 45],
    email: [4, 5, 12, 40, 39],
    sms: [4, 5, 11, 38, 42],
    social: [9, 7, 14, 32, 38],
  },
};

/** Agents' capacity lane of a channel: callbacks take a voice line. */
const laneOf = (channel: SimChannel) => (channel === 'callback' ? 'voice' : channel);

/** Whether agents of `profile` can take `queue`'s contacts: capacity on its channel and its skills. */
export function canServe(
  profile: z.infer<typeof agentProfileSchema>,
  queue: z.infer<typeof queueSchema>,
): boolean {
  return (
    profile.capacity[laneOf(queue.channel)] > 0 &&
    queue.requiredSkills.every((required) =>
      profile.skills.some(
        (level) => level.skill === required.skill && level.proficiency >= required.minProficiency,
      ),
    )
  );
}

/** Validates a {@link Scenario}: everything that shapes a simulated day, as data. */
export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    /** Hour of the day the simulation starts (0-23). */
    startHour: z.int().min(0).max(23),
    /** Simulated hours of arrivals. */
    hours: z
      .number()
      .positive()
      .max(24 * 7),
    /** Agents on shift (split over the profiles by share). */
    agents: z.int().positive().max(5000),
    /** Arrival multiplier for each hour of the day (24 values, 1 = the queues' `arrivalsPerHour`). */
    arrivalCurve: z.array(z.number().min(0)).length(24),
    queues: z.array(queueSchema).min(1),
    channels: z.partialRecord(channelSchema, channelBehaviourSchema),
    agentProfiles: z.array(agentProfileSchema).min(1),
    behaviour: z.object({
      /** Time from an offer to the agent's accept (or reject). */
      thinkTime: durationSchema,
      /** Time from accept to connected on channels with media to set up (voice, callback). */
      connectDelay: durationSchema,
      /** Chance an agent lets an offer time out. */
      missProbability: z.number().min(0).max(1),
      /** Chance an agent declines an offer. */
      rejectProbability: z.number().min(0).max(1),
      /** How long an agent the centre made not ready for missed offers takes to come back. */
      recoverAfterMissSec: z.number().positive(),
    }),
    breaks: z.object({
      /** Length of each break. */
      durationMin: z.number().positive(),
      /** One break every this many hours on shift. */
      everyHours: z.number().positive(),
    }),
    /** Dispositions recorded at wrap-up, by weight (codes the core knows). */
    dispositions: z
      .array(z.object({ code: z.string().min(1), weight: z.number().positive() }))
      .min(1),
    /** The centre's offer and wrap-up rules. */
    rules: z.object({
      offerTimeoutSec: z.number().positive(),
      wrapUpLimitSec: z.number().positive().nullable(),
      maxMissedOffers: z.int().positive().nullable(),
    }),
    /** How long the centre keeps working after arrivals stop, to finish contacts in hand. */
    drainHours: z.number().min(0).max(24),
    /** Who contacts the centre and why (FCR). Optional: {@link defaultCustomers}. */
    customers: customersSchema.default(defaultCustomers),
    /** Customer-satisfaction surveys after handled contacts (CSAT). Optional: {@link defaultCsat}. */
    csat: csatSchema.default(defaultCsat),
  })
  .superRefine((scenario, ctx) => {
    const ids = new Set<string>();
    scenario.queues.forEach((queue, index) => {
      if (ids.has(queue.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', index, 'id'],
          message: `Duplicate queue id "${queue.id}"`,
        });
      }
      ids.add(queue.id);
      if (!scenario.channels[queue.channel]) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', queue.channel],
          message: `Queue "${queue.id}" is on ${queue.channel}, which has no behaviour`,
        });
      }
      const lane = laneOf(queue.channel);
      if (!scenario.agentProfiles.some((profile) => canServe(profile, queue))) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', index],
          message: `No agent profile can serve queue "${queue.id}" (skills or ${lane} capacity)`,
        });
      }
    });
    if (scenario.behaviour.missProbability + scenario.behaviour.rejectProbability > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['behaviour'],
        message: 'missProbability + rejectProbability must not exceed 1',
      });
    }
  });

/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written (before validation). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Validates a scenario; throws a `ZodError` listing every problem. */
export function parseScenario(input: unknown): Scenario {
  return scenarioSchema.parse(input);
}

/** The same scenario with every queue's arrivals multiplied by `factor` (what-if and small test runs). */
export function withLoad(scenario: Scenario, factor: number): Scenario {
  return parseScenario({
    ...scenario,
    queues: scenario.queues.map((queue) => ({
      ...queue,
      arrivalsPerHour: queue.arrivalsPerHour * factor,
    })),
  });
}
