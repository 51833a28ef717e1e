import * as z from 'zod/mini';
import { agentIdSchema, contactIdSchema, type AgentId, type ContactId } from '../model/ids';

/** How a supervisor joins a contact: listen only, coach the agent unheard by the customer, or join the conversation. */
export const monitorModes = ['monitor', 'whisper', 'barge'] as const;

/** Validates a {@link MonitorRequest}'s input. */
export const monitorRequestSchema = z.object({
  /** The contact to join. */
  contactId: contactIdSchema,
  /** How to join it. */
  mode: z.enum(monitorModes),
});

/** A supervisor asks the media layer (softphone, chat plugin) to join a contact. */
export interface MonitorRequest {
  /** The supervisor. */
  readonly supervisorId: AgentId;
  /** The agent handling the contact. */
  readonly agentId: AgentId;
  /** The contact. */
  readonly contactId: ContactId;
  /** Listen, whisper or barge in. */
  readonly mode: (typeof monitorModes)[number];
  /** When (ms since epoch). */
  readonly at: number;
}

/** Validates an {@link Evaluation}'s input. */
export const evaluationSchema = z.object({
  /** The interaction evaluated. */
  contactId: contactIdSchema,
  /** The scorecard: each criterion with the score given and the best possible score. */
  scorecard: z
    .array(
      z
        .object({
          /** What is judged, e.g. `greeting` or `resolution`. */
          criterion: z.string().check(z.minLength(1)),
          /** The score given, 0 to `max`. */
          score: z.number().check(z.minimum(0)),
          /** The best possible score. */
          max: z.number().check(z.positive()),
        })
        .check(
          z.refine((line) => line.score <= line.max, {
            message: 'A score cannot exceed its maximum.',
            path: ['score'],
          }),
        ),
    )
    .check(z.minLength(1, 'A scorecard needs at least one criterion.')),
  /** A comment for the agent. */
  comment: z._default(z.string(), ''),
  /** Overrides the evaluated agent (the contact's last agent by default). */
  agentId: z.optional(agentIdSchema),
});

/** One criterion of a scorecard with its score. */
export interface ScoreLine {
  /** What is judged. */
  readonly criterion: string;
  /** The score given. */
  readonly score: number;
  /** The best possible score. */
  readonly max: number;
}

/** A supervisor's evaluation of one interaction against a scorecard. */
export interface Evaluation {
  /** The interaction. */
  readonly contactId: ContactId;
  /** The agent evaluated. */
  readonly agentId: AgentId;
  /** The evaluator. */
  readonly supervisorId: AgentId;
  /** Criteria with their scores. */
  readonly scorecard: readonly ScoreLine[];
  /** Total score as a percentage of the maximum. */
  readonly percent: number;
  /** The comment. */
  readonly comment: string;
  /** When (ms since epoch). */
  readonly at: number;
}
