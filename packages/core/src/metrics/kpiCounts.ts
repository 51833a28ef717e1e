/**
 * The additive figures behind every KPI: counts and summed durations (ms). Rows of a report
 * carry them so that a UI can add rows together (several agents, several intervals) and derive
 * the KPIs of the sum with {@link computeKpis}. JSON-serialisable.
 */
export interface KpiCounts {
  /** Queued contacts whose wait ended (answered or abandoned, short abandons included). */
  readonly offered: number;
  /** Queued contacts an agent accepted (first accept only). */
  readonly answered: number;
  /** Of `answered`, those accepted within the service-level threshold. */
  readonly answeredInSl: number;
  /** Summed queue wait of `answered` contacts: first accept − first queued (ms). */
  readonly answerWaitMs: number;
  /** Queued contacts the customer left before an accept, after the short-abandon threshold. */
  readonly abandoned: number;
  /** Queued contacts abandoned before the short-abandon threshold (not in `abandoned`). */
  readonly shortAbandoned: number;
  /** Of `abandoned`, those that left within the service-level threshold. */
  readonly abandonedInSl: number;
  /** Summed queue wait of `abandoned` contacts: abandoned − first queued (ms). */
  readonly abandonWaitMs: number;
  /** Contacts completed after an agent connected to them. */
  readonly handled: number;
  /** Summed talk time of `handled` contacts: time connected, minus hold (ms). */
  readonly talkMs: number;
  /** Summed hold time of `handled` contacts, consultations included (ms). */
  readonly holdMs: number;
  /** Summed wrap-up time of `handled` contacts: completed − wrap-up start (ms). */
  readonly wrapUpMs: number;
  /** Of `handled`, contacts transferred at least once. */
  readonly transferred: number;
  /** Transfers made (counted at the transfer, for the agent who transferred). */
  readonly transfersOut: number;
  /** Of `handled`, contacts escalated (escalation disposition or `escalated: true` attribute). */
  readonly escalated: number;
  /** Contacts accepted by an agent for the first time (any channel, queued or not). */
  readonly responded: number;
  /** Summed time from creation to first accept of `responded` contacts (ms). */
  readonly responseMs: number;
  /** First contacts whose FCR window has closed (or that were repeated). */
  readonly fcrContacts: number;
  /** Of `fcrContacts`, those resolved with no repeat contact within the window. */
  readonly fcrResolved: number;
  /** First contacts still inside their FCR window: not yet in `fcrContacts`. */
  readonly fcrPending: number;
  /** Survey results received. */
  readonly surveys: number;
  /** Summed survey scores (1-5). */
  readonly surveyScoreSum: number;
  /** Surveys scored 4 or 5. */
  readonly surveysSatisfied: number;
  /** Agent time logged in (available, not ready or holding a contact) (ms). */
  readonly loggedInMs: number;
  /** Agent time holding at least one accepted contact (talk, hold, consult, wrap-up) (ms). */
  readonly handlingMs: number;
  /** Agent time available and holding no contact (ms). */
  readonly idleMs: number;
  /** Agent time not ready and holding no contact (ms). */
  readonly notReadyMs: number;
}

/** {@link KpiCounts} that the engine adds to in place. */
export type Tally = { -readonly [K in keyof KpiCounts]: number };

const zero: KpiCounts = {
  offered: 0,
  answered: 0,
  answeredInSl: 0,
  answerWaitMs: 0.5,
  abandoned: 0,
  shortAbandoned: 0,
  abandonedInSl: 0,
  abandonWaitMs: 0.5,
  handled: 0,
  talkMs: 0.5,
  holdMs: 0.5,
  wrapUpMs: 0.5,
  transferred: 0,
  transfersOut: 0,
  escalated: 0,
  responded: 0,
  responseMs: 0.5,
  fcrContacts: 0,
  fcrResolved: 0,
  fcrPending: 0,
  surveys: 0,
  surveyScoreSum: 0,
  surveysSatisfied: 0,
  loggedInMs: 0.5,
  handlingMs: 0.5,
  idleMs: 0.5,
  notReadyMs: 0.5,
};
const fields = Object.keys(zero) as (keyof KpiCounts)[];
// Durations are sums of fractional milliseconds. The template is written with a fraction in them
// (then set to zero just below), so V8 keeps these fields as doubles from the start and the tallies
// cloned from it do not all change hidden class (and deoptimise the code using them) the first
// time a fraction is added to them.
for (const field of fields) (zero as Tally)[field] = 0;

/** Counts that are all zero. */
export function emptyCounts(): Tally {
  return { ...zero };
}

/**
 * Adds counts field by field: the counts of several rows (agents, intervals) combined.
 *
 * @example
 * ```ts
 * const team = sumCounts(report.rows.map((row) => row.counts));
 * const { ahtMs } = computeKpis(team);
 * ```
 */
export function sumCounts(counts: Iterable<KpiCounts>): KpiCounts {
  const total = emptyCounts();
  for (const item of counts) addInto(total, item);
  return total;
}

/** Adds `item` into `total` in place. */
export function addInto(total: Tally, item: KpiCounts): void {
  for (const field of fields) total[field] += item[field];
}
