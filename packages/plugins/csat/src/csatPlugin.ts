import {
  createStore,
  definePlugin,
  SwitchboardError,
  type ActionSignature,
  type Contact,
  type Unsubscribe,
} from '@switchboard/core';
import {
  csatConfigSchema,
  surveyAnswerSchema,
  type SurveyAnswer,
  type SurveyChannel,
  type SurveyInvitation,
} from './csatConfig';

/**
 * Where a survey stands.
 *
 * ```text
 * scheduled ──sent──► sent ──answer──► answered
 *     │                 └──time-out──► expired
 *     └──send fails──► failed
 * ```
 */
export type SurveyStatus = 'scheduled' | 'sent' | 'answered' | 'expired' | 'failed';

/** One post-contact survey. */
export interface Survey extends SurveyInvitation {
  /** Where it stands. */
  readonly status: SurveyStatus;
  /** When it went out (ms since epoch), once sent. */
  readonly sentAt: number | null;
  /** The score, once answered. */
  readonly score: number | null;
  /** The comment, once answered (empty when none was given). */
  readonly comment: string | null;
}

/** The CSAT plugin's state: recent surveys, oldest first. */
export interface CsatSnapshot {
  /** Recent surveys, oldest first. */
  readonly surveys: readonly Survey[];
}

/** Payload of `csat.sent`. */
export interface SurveySent {
  /** The survey as sent. */
  readonly survey: Survey;
}

/** Payload of `csat.answered`. */
export interface SurveyAnswered {
  /** The contact surveyed. */
  readonly contactId: string;
  /** The score, 1-5. */
  readonly score: number;
  /** The comment, empty when none was given. */
  readonly comment: string;
  /** When (ms since epoch). */
  readonly at: number;
}

/** Payload of `csat.expired` and `csat.failed`. */
export interface SurveyClosed {
  /** The contact surveyed. */
  readonly contactId: string;
  /** When (ms since epoch). */
  readonly at: number;
}

/** The API of the CSAT plugin: `desk.plugin('csat')`. */
export interface CsatApi {
  /** Recent surveys; the same object until they change. */
  getSnapshot(): CsatSnapshot;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: () => void): Unsubscribe;
  /**
   * Records a customer's answer through the `csat.answer` action and books it in the KPIs.
   *
   * Rejects with `SwitchboardError` `VALIDATION_FAILED` for a score outside 1-5, `NOT_FOUND` when no
   * survey went out for the contact, `INVALID_TRANSITION` when it was answered already or expired.
   */
  answer(input: { contactId: string; score: number; comment?: string }): Promise<Survey>;
}

type SurveyEvent =
  | { readonly type: 'scheduled'; readonly survey: Survey; readonly keep: number }
  | { readonly type: 'changed'; readonly contactId: string; readonly changes: Partial<Survey> };

/** The address a survey by `channel` goes to, if the contact has one. */
function addressOf(contact: Contact, channel: SurveyChannel): string | undefined {
  if (channel === 'chat') return contact.id;
  return channel === 'email' ? contact.customer.email : contact.customer.phone;
}

/**
 * Post-contact satisfaction surveys: when the agent completes a contact, a survey goes out by
 * chat, email or SMS through the `send` port; the customer's answer (score 1-5, optional
 * comment, one per contact, before it expires) is recorded with `answer` or the `csat.answer`
 * action and booked in the CSAT KPI through the KPI engine's `recordSurvey`.
 *
 * @example
 * ```ts
 * const kpis = createKpiEngine({ clock });
 * kpis.attach(center);
 * const desk = createDesk({
 *   agent, center, clock,
 *   plugins: [{ plugin: csat, config: { send: (survey) => sms.send(survey.to, survey.question), kpis } }],
 * });
 * ```
 */
export const csat = definePlugin({
  name: 'csat',
  version: '0.0.0',
  config: csatConfigSchema,
  permissions: ['contact:read'],
  setup(ctx, config) {
    const store = createStore<CsatSnapshot, SurveyEvent>(
      {
        initial: { surveys: [] },
        historyLimit: 0,
        reduce(draft, event) {
          if (event.type === 'scheduled') {
            draft.surveys.push(event.survey);
            const extra = draft.surveys.length - event.keep;
            if (extra > 0) {
              const open = (survey: Survey) =>
                survey.status === 'scheduled' || survey.status === 'sent';
              let dropped = 0;
              draft.surveys = draft.surveys.filter((survey) =>
                dropped < extra && !open(survey) ? ((dropped += 1), false) : true,
              );
            }
            return;
          }
          const survey = draft.surveys.find((entry) => entry.contactId === event.contactId);
          if (survey) Object.assign(survey, event.changes);
        },
      },
      (error) => {
        ctx.logger.error('A subscriber of the CSAT surveys threw', { error });
      },
    );
    const find = (contactId: string) =>
      store.getSnapshot().surveys.find((survey) => survey.contactId === contactId);
    const change = (contactId: string, changes: Partial<Survey>) =>
      store.apply([{ type: 'changed', contactId, changes }]);

    async function send(contactId: string) {
      const survey = find(contactId);
      if (survey?.status !== 'scheduled') return;
      const now = ctx.clock.now();
      const expiresAt = now + config.expiresAfterMs;
      try {
        await config.send({ ...invitationOf(survey), expiresAt });
      } catch (error) {
        ctx.logger.warn('A survey could not be sent', { error, contactId });
        change(contactId, { status: 'failed' });
        ctx.events.emit('csat.failed', { contactId, at: ctx.clock.now() });
        return;
      }
      change(contactId, { status: 'sent', sentAt: now, expiresAt });
      ctx.clock.setTimeout(() => {
        if (find(contactId)?.status !== 'sent') return;
        change(contactId, { status: 'expired' });
        ctx.events.emit('csat.expired', { contactId, at: ctx.clock.now() });
      }, config.expiresAfterMs);
      const sent = find(contactId);
      if (sent) ctx.events.emit('csat.sent', { survey: sent });
    }

    ctx.events.on('contact.completed', ({ state: contact }) => {
      if (find(contact.id)) return;
      if (config.queues && !config.queues.includes(contact.queueId ?? '')) return;
      const channel = config.via[contact.channel];
      const to = channel === undefined ? undefined : addressOf(contact, channel);
      if (channel === undefined || to === undefined) return;
      const survey: Survey = {
        contactId: contact.id,
        channel,
        to,
        question: config.question,
        agentId: contact.agentId ?? null,
        queueId: contact.queueId ?? null,
        expiresAt: ctx.clock.now() + config.delayMs + config.expiresAfterMs,
        status: 'scheduled',
        sentAt: null,
        score: null,
        comment: null,
      };
      store.apply([{ type: 'scheduled', survey, keep: config.keep }]);
      if (config.delayMs === 0) void send(contact.id);
      else ctx.clock.setTimeout(() => void send(contact.id), config.delayMs);
    });

    function answer(input: SurveyAnswer): Survey {
      const survey = find(input.contactId);
      if (!survey || survey.status === 'scheduled' || survey.status === 'failed') {
        throw new SwitchboardError(
          'NOT_FOUND',
          `No survey went out for contact ${input.contactId}.`,
          {
            details: { contactId: input.contactId },
          },
        );
      }
      const now = ctx.clock.now();
      if (survey.status !== 'sent' || now > survey.expiresAt) {
        throw new SwitchboardError(
          'INVALID_TRANSITION',
          `The survey of contact ${input.contactId} is ${survey.status === 'sent' ? 'expired' : survey.status}.`,
          { details: { contactId: input.contactId, status: survey.status } },
        );
      }
      const comment = input.comment ?? '';
      change(input.contactId, { status: 'answered', score: input.score, comment });
      try {
        config.kpis?.recordSurvey({ contactId: input.contactId, score: input.score, at: now });
      } catch (error) {
        ctx.logger.warn('The KPI engine refused a survey result', {
          error,
          contactId: input.contactId,
        });
      }
      ctx.events.emit('csat.answered', {
        contactId: input.contactId,
        score: input.score,
        comment,
        at: now,
      });
      return find(input.contactId) ?? survey;
    }

    ctx.actions.register({ name: 'csat.answer', schema: surveyAnswerSchema, run: answer });
    const api: CsatApi = {
      getSnapshot: () => store.getSnapshot(),
      subscribe: (listener) => store.subscribe(listener),
      answer: (input) => ctx.actions.invoke('csat.answer', input),
    };
    return { api };
  },
});

/** The invitation part of a survey. */
function invitationOf(survey: Survey): SurveyInvitation {
  const { contactId, channel, to, question, agentId, queueId, expiresAt } = survey;
  return { contactId, channel, to, question, agentId, queueId, expiresAt };
}

declare module '@switchboard/core' {
  interface PluginApis {
    /** Post-contact CSAT surveys. */
    csat: CsatApi;
  }
  interface SwitchboardEvents {
    /** A survey went out through the send port. */
    'csat.sent': SurveySent;
    /** A customer answered a survey; the score is booked in the CSAT KPI. */
    'csat.answered': SurveyAnswered;
    /** A survey expired unanswered. */
    'csat.expired': SurveyClosed;
    /** The send port failed; the survey is dropped. */
    'csat.failed': SurveyClosed;
  }
  interface SwitchboardActions {
    /** Records a customer's survey answer. */
    'csat.answer': ActionSignature<SurveyAnswer, Survey>;
  }
}
