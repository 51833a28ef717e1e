import type { Contact } from '@switchboard/core';
import { functionSchema, portSchema } from '@switchboard/core';
import * as z from 'zod/mini';

/** The channels a survey can be sent by. */
export const surveyChannels = ['chat', 'email', 'sms'] as const;

/** A channel a survey is sent by. */
export type SurveyChannel = (typeof surveyChannels)[number];

/** What the send port receives: one survey to deliver to one customer. */
export interface SurveyInvitation {
  /** The contact surveyed; the answer names it. */
  readonly contactId: string;
  /** How to send it. */
  readonly channel: SurveyChannel;
  /** Where: the email address or phone number; the contact id for a chat. */
  readonly to: string;
  /** The question to ask. */
  readonly question: string;
  /** The agent who handled the contact. */
  readonly agentId: string | null;
  /** The contact's queue. */
  readonly queueId: string | null;
  /** After this (ms since epoch) an answer is refused. */
  readonly expiresAt: number;
}

/** The send port: delivers a survey through the chat widget, an email or an SMS. */
export type SurveySender = (invitation: SurveyInvitation) => Promise<void> | void;

/** Where survey results go: the core KPI engine's public input (`createKpiEngine()` fits). */
export interface SurveySink {
  /** Books a CSAT result (score 1-5) for a handled contact. */
  recordSurvey(result: {
    readonly contactId: string;
    readonly score: number;
    readonly at?: number;
  }): void;
}

/** The CSAT plugin's configuration. */
export const csatConfigSchema = z.object({
  /** Delivers each survey (required). */
  send: functionSchema<SurveySender>('a send function'),
  /** Where results go; the KPI engine (`createKpiEngine` from `@switchboard/core/metrics`). */
  kpis: z.optional(
    portSchema<SurveySink>(['recordSurvey'], 'an object with recordSurvey, such as a KPI engine'),
  ),
  /**
   * The survey channel per contact channel; a contact whose channel is not listed, or whose
   * customer has no address for it, gets no survey.
   */
  via: z._default(z.record(z.string(), z.enum(surveyChannels)), {
    chat: 'chat',
    email: 'email',
    sms: 'sms',
    social: 'sms',
    voice: 'sms',
    callback: 'sms',
  } satisfies Partial<Record<Contact['channel'], SurveyChannel>>),
  /** Only contacts of these queues are surveyed; every queue when absent. */
  queues: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** How long after completion the survey goes out, in ms. */
  delayMs: z._default(z.number().check(z.nonnegative()), 0),
  /** How long an answer is accepted after the survey went out, in ms (7 days, the KPI window). */
  expiresAfterMs: z._default(z.number().check(z.positive()), 7 * 86_400_000),
  /** The question. */
  question: z._default(
    z.string().check(z.minLength(1)),
    'How satisfied are you with the help you received? Reply 1 (not at all) to 5 (very).',
  ),
  /** How many surveys the snapshot keeps (the oldest finished ones go first). */
  keep: z._default(z.int().check(z.positive()), 500),
});

/** The configuration a host passes. */
export type CsatConfigInput = z.input<typeof csatConfigSchema>;

/** The configuration after parsing, defaults applied. */
export type CsatConfig = z.output<typeof csatConfigSchema>;

/** Validates an answer: the contact, a score 1 to 5 and an optional comment. */
export const surveyAnswerSchema = z.object({
  /** The contact surveyed. */
  contactId: z.string().check(z.minLength(1)),
  /** 1 (very unsatisfied) to 5 (very satisfied). */
  score: z.int().check(z.minimum(1), z.maximum(5)),
  /** What the customer wrote, if anything. */
  comment: z.optional(z.string().check(z.maxLength(2_000))),
});

/** A customer's answer. */
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;
