import * as z from 'zod/mini';
import { SwitchboardError } from '../errors';
import type { Contact, ContactStatus } from '../model/contact';
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

/** The statuses in which an agent and a customer talk, so that a supervisor can join them. */
const inConversation: ReadonlySet<ContactStatus> = new Set([
  'connected',
  'onHold',
  'inConsult',
  'conferenced',
]);

/**
 * The request for `supervisorId` to join `contact` in `mode`.
 *
 * @throws {@link SwitchboardError} `INVALID_TRANSITION` when the contact is not in conversation.
 */
export function monitorRequestFor(
  contact: Contact,
  supervisorId: AgentId,
  mode: MonitorRequest['mode'],
  at: number,
): MonitorRequest {
  if (!contact.agentId || !inConversation.has(contact.status)) {
    throw new SwitchboardError(
      'INVALID_TRANSITION',
      `Contact ${contact.id} is not in conversation.`,
      {
        details: { contactId: contact.id, status: contact.status },
      },
    );
  }
  return { supervisorId, agentId: contact.agentId, contactId: contact.id, mode, at };
}

/**
 * `supervisorId`'s evaluation of `contact`, of the agent the input names or else of the contact's
 * last agent, with the total as a percentage of the best possible score.
 *
 * @throws {@link SwitchboardError} `INVALID_TRANSITION` when no agent ever handled the contact.
 */
export function evaluationOf(
  contact: Contact,
  supervisorId: AgentId,
  input: z.output<typeof evaluationSchema>,
  at: number,
): Evaluation {
  const agentId = input.agentId ?? contact.lastAgentId ?? contact.agentId;
  if (!agentId) {
    throw new SwitchboardError('INVALID_TRANSITION', `Contact ${contact.id} was never handled.`, {
      details: { contactId: contact.id },
    });
  }
  const total = input.scorecard.reduce((sum, line) => sum + line.score, 0);
  const best = input.scorecard.reduce((sum, line) => sum + line.max, 0);
  return {
    contactId: contact.id,
    agentId,
    supervisorId,
    scorecard: input.scorecard,
    percent: (total / best) * 100,
    comment: input.comment,
    at,
  };
}
