import type { KpiCounts } from './kpiCounts';

/**
 * The KPIs derived from {@link KpiCounts}. Durations are in ms, rates between 0 and 1; a KPI
 * whose denominator is zero is `null` (no data, not zero). docs/kpis.md gives each formula.
 */
export interface KpiFigures {
  /** Average handle time: (talk + hold + wrap-up) / handled. */
  readonly ahtMs: number | null;
  /** Average speed of answer: queue wait of answered contacts / answered. */
  readonly asaMs: number | null;
  /** Average wait in queue, answered and abandoned (short abandons excluded). */
  readonly averageWaitMs: number | null;
  /** Abandoned / (answered + abandoned); short abandons are in neither. */
  readonly abandonmentRate: number | null;
  /** Answered within T / (answered + abandoned after T). */
  readonly serviceLevel: number | null;
  /** First-contact resolution: resolved first contacts with no repeat / closed first contacts. */
  readonly fcr: number | null;
  /** CSAT: share of surveys scored 4 or 5. */
  readonly csat: number | null;
  /** Mean survey score, 1 to 5. */
  readonly csatMean: number | null;
  /** Occupancy: handling / (handling + available idle). */
  readonly occupancy: number | null;
  /** Utilisation: handling / logged in. */
  readonly utilisation: number | null;
  /** Transfer rate: handled contacts transferred at least once / handled. */
  readonly transferRate: number | null;
  /** Escalation rate: escalated / handled. */
  readonly escalationRate: number | null;
  /** Average response time: creation to first accept, over contacts accepted. */
  readonly responseTimeMs: number | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/**
 * Derives every KPI from counts: those of a report row, or several rows added with
 * `sumCounts`. Pure.
 */
export function computeKpis(counts: KpiCounts): KpiFigures {
  const c = counts;
  return {
    ahtMs: ratio(c.talkMs + c.holdMs + c.wrapUpMs, c.handled),
    asaMs: ratio(c.answerWaitMs, c.answered),
    averageWaitMs: ratio(c.answerWaitMs + c.abandonWaitMs, c.answered + c.abandoned),
    abandonmentRate: ratio(c.abandoned, c.answered + c.abandoned),
    serviceLevel: ratio(c.answeredInSl, c.answered + c.abandoned - c.abandonedInSl),
    fcr: ratio(c.fcrResolved, c.fcrContacts),
    csat: ratio(c.surveysSatisfied, c.surveys),
    csatMean: ratio(c.surveyScoreSum, c.surveys),
    occupancy: ratio(c.handlingMs, c.handlingMs + c.idleMs),
    utilisation: ratio(c.handlingMs, c.loggedInMs),
    transferRate: ratio(c.transferred, c.handled),
    escalationRate: ratio(c.escalated, c.handled),
    responseTimeMs: ratio(c.responseMs, c.responded),
  };
}
