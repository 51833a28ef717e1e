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

const minutes = (n: number) => n * 60;

/**
 * The default day: a mid-size centre from 08:00, about 200 agents in six skill groups, ten
 * queues over all six channels, a realistic daily arrival curve, impatient callers and chatters.
 */
export const defaultScenario: Scenario = parseScenario({
  name: 'default day',
  startHour: 8,
  hours: 8,
  agents: 200,
  // Quiet night, a ramp from 07:00, peak late morning, a lunch dip, a second hump, a long evening tail.
  arrivalCurve: [
    0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.4, 0.6, 0.85, 1.0, 0.95, 0.8, 0.85, 0.9, 0.85, 0.7,
    0.55, 0.45, 0.35, 0.25, 0.18, 0.12, 0.08,
  ],
  queues: [
    {
      id: 'voice-billing',
      name: 'Billing line',
      channel: 'voice',
      requiredSkills: [{ skill: 'billing', minProficiency: 5 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 500,
    },
    {
      id: 'voice-tech',
      name: 'Technical support line',
      channel: 'voice',
      requiredSkills: [{ skill: 'tech', minProficiency: 5 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 350,
    },
    {
      id: 'voice-sales',
      name: 'Sales line',
      channel: 'voice',
      requiredSkills: [{ skill: 'sales', minProficiency: 4 }],
      priority: 6,
      serviceLevel: { percent: 80, seconds: 15 },
      arrivalsPerHour: 150,
    },
    {
      id: 'voice-spanish',
      name: 'Línea en español',
      channel: 'voice',
      requiredSkills: [{ skill: 'spanish', minProficiency: 6 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 85,
    },
    {
      id: 'callback',
      name: 'Scheduled callbacks',
      channel: 'callback',
      requiredSkills: [{ skill: 'billing', minProficiency: 5 }],
      priority: 2,
      serviceLevel: { percent: 90, seconds: 900 },
      arrivalsPerHour: 50,
    },
    {
      id: 'chat-support',
      name: 'Web chat',
      channel: 'chat',
      requiredSkills: [{ skill: 'digital', minProficiency: 4 }],
      priority: 4,
      serviceLevel: { percent: 80, seconds: 60 },
      arrivalsPerHour: 650,
    },
    {
      id: 'sms',
      name: 'SMS',
      channel: 'sms',
      requiredSkills: [{ skill: 'digital', minProficiency: 4 }],
      priority: 3,
      serviceLevel: { percent: 80, seconds: 300 },
      arrivalsPerHour: 170,
    },
    {
      id: 'social',
      name: 'Social messages',
      channel: 'social',
      requiredSkills: [{ skill: 'social', minProficiency: 5 }],
      priority: 3,
      serviceLevel: { percent: 80, seconds: 900 },
      arrivalsPerHour: 80,
    },
    {
      id: 'email',
      name: 'Email',
      channel: 'email',
      requiredSkills: [{ skill: 'writing', minProficiency: 5 }],
      priority: 1,
      serviceLevel: { percent: 90, seconds: 4 * 3600 },
      arrivalsPerHour: 220,
    },
  ],
  channels: {
    voice: {
      handleTime: { meanSec: 330, cv: 0.7 },
      wrapUp: { meanSec: 35, cv: 0.5 },
      patience: { meanSec: 150, cv: 1 },
    },
    callback: {
      handleTime: { meanSec: 270, cv: 0.6 },
      wrapUp: { meanSec: 30, cv: 0.5 },
      patience: null,
    },
    chat: {
      handleTime: { meanSec: minutes(11), cv: 0.6 },
      wrapUp: { meanSec: 25, cv: 0.5 },
      patience: { meanSec: 240, cv: 0.8 },
    },
    sms: {
      handleTime: { meanSec: minutes(14), cv: 0.7 },
      wrapUp: { meanSec: 20, cv: 0.5 },
      patience: null,
    },
    social: {
      handleTime: { meanSec: minutes(16), cv: 0.7 },
      wrapUp: { meanSec: 25, cv: 0.5 },
      patience: null,
    },
    email: {
      handleTime: { meanSec: minutes(16), cv: 0.8 },
      wrapUp: { meanSec: 45, cv: 0.5 },
      patience: null,
    },
  },
  agentProfiles: [
    {
      name: 'billing voice',
      share: 0.27,
      skills: [{ skill: 'billing', proficiency: 7 }],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'tech voice',
      share: 0.22,
      skills: [
        { skill: 'tech', proficiency: 7 },
        { skill: 'billing', proficiency: 3 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'sales',
      share: 0.08,
      skills: [
        { skill: 'sales', proficiency: 7 },
        { skill: 'billing', proficiency: 4 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'spanish blended',
      share: 0.09,
      skills: [
        { skill: 'spanish', proficiency: 9 },
        { skill: 'billing', proficiency: 6 },
        { skill: 'tech', proficiency: 4 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'digital',
      share: 0.22,
      skills: [
        { skill: 'digital', proficiency: 7 },
        { skill: 'social', proficiency: 6 },
        { skill: 'tech', proficiency: 4 },
      ],
      capacity: { voice: 0, chat: 3, email: 0, sms: 2, social: 2 },
    },
    {
      name: 'back office',
      share: 0.12,
      skills: [
        { skill: 'writing', proficiency: 7 },
        { skill: 'billing', proficiency: 4 },
      ],
      capacity: { voice: 0, chat: 0, email: 3, sms: 0, social: 0 },
    },
  ],
  behaviour: {
    thinkTime: { meanSec: 2.5, cv: 0.5 },
    connectDelay: { meanSec: 1.5, cv: 0.3 },
    missProbability: 0.01,
    rejectProbability: 0.005,
    recoverAfterMissSec: 60,
  },
  breaks: { durationMin: 15, everyHours: 2.5 },
  dispositions: [
    { code: 'resolved', weight: 78 },
    { code: 'followUp', weight: 12 },
    { code: 'escalated', weight: 6 },
    { code: 'noAnswer', weight: 4 },
  ],
  rules: { offerTimeoutSec: 15, wrapUpLimitSec: 120, maxMissedOffers: 2 },
  drainHours: 1,
} satisfies ScenarioInput);

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
