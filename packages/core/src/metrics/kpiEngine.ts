import * as z from 'zod/mini';
import { isAgentEvent, type DomainEvent } from '../events/domainEvents';
import { parseInput } from '../validation';
import { createAgentTimeTracker } from './agentTime';
import { createContactTracker } from './contactTracker';
import { createFcrTracker } from './fcrTracker';
import { createKpiBuckets } from './kpiBuckets';
import { kpiEngineOptionsSchema, type KpiEngineOptions } from './kpiOptions';
import {
  buildReport,
  kpiReportQuerySchema,
  type KpiReport,
  type KpiReportQuery,
} from './kpiReport';
import { createLiveView, type LiveKpis } from './liveKpis';
import { createSurveyBook } from './surveys';

const dayMs = 24 * 60 * 60 * 1000;

/** Validates a {@link SurveyResult}. */
export const surveyResultSchema = z.object({
  /** The contact surveyed. */
  contactId: z.string().check(z.minLength(1)),
  /** The score, 1 (very unsatisfied) to 5 (very satisfied). */
  score: z.int().check(z.minimum(1), z.maximum(5)),
  /** When the result arrived (ms since epoch); now when absent. */
  at: z.optional(z.number()),
});

/** A customer's answer to a satisfaction survey about one handled contact. */
export interface SurveyResult {
  /** The contact surveyed (it must have been handled and completed). */
  readonly contactId: string;
  /** The score, 1 (very unsatisfied) to 5 (very satisfied); 4 and 5 count as satisfied. */
  readonly score: number;
  /** When the result arrived (ms since epoch); the engine's now when absent. */
  readonly at?: number;
}

/** Anything with an `onAny` event stream, such as a contact centre or a desk. */
export interface KpiEventSource {
  /** The event stream. */
  readonly events: {
    /** Calls `listener` with the name and payload of every event; returns an unsubscribe. */
    onAny(listener: (name: string, payload: unknown) => void): () => void;
  };
}

/** Computes contact-centre KPIs from domain events, incrementally. See docs/kpis.md. */
export interface KpiEngine {
  /** Adds one domain event. Events must arrive in time order (as a centre emits them). */
  ingest(event: DomainEvent): void;
  /** Adds events in order, e.g. a replayed event log. */
  ingestAll(events: Iterable<DomainEvent>): void;
  /** Feeds every domain event of `source` (e.g. a contact centre) to the engine; returns an unsubscribe. */
  attach(source: KpiEventSource): () => void;
  /** Records a survey result (CSAT) for a handled contact; `NOT_FOUND` for an unknown one. */
  recordSurvey(result: SurveyResult): void;
  /** KPIs over a time range, grouped by agent, queue, channel, interval or in total. */
  report(query?: KpiReportQuery): KpiReport;
  /** The current interval's KPIs by agent, queue and channel, and what is waiting now. */
  live(): LiveKpis;
}

const domainTypes: ReadonlySet<string> = new Set<DomainEvent['type']>([
  'agent.registered',
  'agent.statusChanged',
  'agent.profileChanged',
  'contact.created',
  'contact.ivrEntered',
  'contact.queued',
  'contact.callbackRequested',
  'contact.annotated',
  'contact.offered',
  'contact.accepted',
  'contact.rejected',
  'contact.missed',
  'contact.connected',
  'contact.held',
  'contact.resumed',
  'contact.consultStarted',
  'contact.consultEnded',
  'contact.conferenced',
  'contact.transferred',
  'contact.wrapUpStarted',
  'contact.completed',
  'contact.abandoned',
  'contact.failed',
]);

/**
 * Creates a {@link KpiEngine}. It keeps counts per interval and dimension and a few numbers per
 * open contact and agent, never the events: memory does not grow with the event count.
 *
 * @example
 * ```ts
 * const kpis = createKpiEngine({ serviceLevelSeconds: 30 });
 * const detach = kpis.attach(center);
 * const { rows } = kpis.report({ groupBy: 'queue' });
 * ```
 */
export function createKpiEngine(options: KpiEngineOptions = {}): KpiEngine {
  const resolved = parseInput(kpiEngineOptionsSchema, options, 'KPI engine options');
  const intervalMs = resolved.intervalMinutes * 60_000;
  const buckets = createKpiBuckets(intervalMs);
  const agents = createAgentTimeTracker(buckets);
  const fcr = createFcrTracker(resolved.fcrWindowDays * dayMs, buckets);
  const surveys = createSurveyBook(resolved.surveyWindowDays * dayMs, buckets);
  const contacts = createContactTracker({ buckets, agents, fcr, surveys, options: resolved });
  let latest = Number.NEGATIVE_INFINITY;

  const now = () => {
    const at = resolved.clock?.now() ?? latest;
    const time = Number.isFinite(at) ? at : 0;
    fcr.closeUntil(time);
    surveys.closeUntil(time);
    return time;
  };

  const ingest = (event: DomainEvent) => {
    if (event.at > latest) {
      latest = event.at;
      fcr.closeUntil(latest);
      surveys.closeUntil(latest);
    }
    if (event.type === 'agent.statusChanged') {
      agents.presence(event.agentId, event.presence.status, event.at);
    } else if (!isAgentEvent(event)) {
      contacts.apply(event);
    }
  };

  const report = (query: KpiReportQuery = {}): KpiReport =>
    buildReport(
      {
        buckets,
        spans: agents.openSpans(),
        intervalMs,
        asOf: now(),
        scratch: createKpiBuckets(intervalMs),
      },
      parseInput(kpiReportQuerySchema, query, 'KPI report query'),
    );

  return {
    ingest,
    ingestAll(events) {
      for (const event of events) ingest(event);
    },
    attach(source) {
      return source.events.onAny((name, payload) => {
        if (domainTypes.has(name)) ingest(payload as DomainEvent);
      });
    },
    recordSurvey(input) {
      const result = parseInput(surveyResultSchema, input, 'survey result');
      surveys.record(result.contactId, result.score, result.at ?? now());
    },
    report,
    live: createLiveView({ report, intervalMs, now, agents, contacts }),
  };
}
