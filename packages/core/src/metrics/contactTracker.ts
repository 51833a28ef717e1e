import type { ContactEvent } from '../events/domainEvents';
import type { Contact } from '../model/contact';
import type { AgentTimeTracker } from './agentTime';
import type { FcrTracker } from './fcrTracker';
import type { KpiBuckets } from './kpiBuckets';
import { customerKeyOf, defaultReasonOf, type ResolvedKpiOptions } from './kpiOptions';
import type { SurveyBook } from './surveys';
import { createDimensionCache, openTracked, type Tracked } from './trackedContact';

/** Turns contact events into KPI counts, keeping only open contacts in memory. */
export interface ContactTracker {
  /** Applies one contact event; events of contacts created before tracking began are ignored. */
  apply(event: ContactEvent): void;
  /** Queued contacts waiting now (never accepted yet) and the oldest one's queue entry time. */
  waiting(): { readonly count: number; readonly oldestSince: number | null };
}

/** The services a {@link ContactTracker} books into. */
export interface ContactTrackerDeps {
  /** Counts per interval and dimension. */
  readonly buckets: KpiBuckets;
  /** Agent time. */
  readonly agents: AgentTimeTracker;
  /** First-contact resolution. */
  readonly fcr: FcrTracker;
  /** Survey attribution. */
  readonly surveys: SurveyBook;
  /** Validated options. */
  readonly options: ResolvedKpiOptions;
}

/** Creates a {@link ContactTracker}. */
export function createContactTracker(deps: ContactTrackerDeps): ContactTracker {
  const { buckets, agents, fcr, surveys, options } = deps;
  const contacts = new Map<string, Tracked>();
  const { channelKey, dimensionsOf, transferDimensions, soleHolder } = createDimensionCache();
  const noHolders: readonly string[] = [];
  const free: Tracked[] = []; // records of ended contacts, for reuse
  const reasonOf = options.reasonOf ?? defaultReasonOf;
  const customerOf = options.customerOf ?? customerKeyOf;
  const resolvedCodes = new Set(options.dispositions.filter((d) => d.resolved).map((d) => d.code));
  const escalationCodes = new Set(options.escalationDispositions);
  const shortMs = options.shortAbandonSeconds * 1000;
  const slMs = (queueId: string | null) =>
    ((queueId === null ? undefined : options.serviceLevelSecondsByQueue[queueId]) ??
      options.serviceLevelSeconds) * 1000;

  const track = (contact: Contact, at: number) => {
    const customer = customerOf(contact);
    const reason = customer === null ? null : reasonOf(contact);
    const c = openTracked(free.pop(), noHolders);
    c.createdAt = at;
    c.channelKey = channelKey(contact.channel);
    c.fcrKey = customer === null || reason === null ? null : `${customer}\u0000${reason}`;
    c.escalatedAttribute = contact.attributes.escalated === true;
    c.inbound = contact.direction === 'inbound';
    c.queueId = contact.queueId;
    contacts.set(contact.id, c);
  };

  const endHold = (c: Tracked, at: number) => {
    if (c.heldSince !== null) c.holdMs += at - c.heldSince;
    c.heldSince = null;
  };
  const endEngaged = (c: Tracked, at: number) => {
    endHold(c, at);
    if (c.engagedSince !== null) c.engagedMs += at - c.engagedSince;
    c.engagedSince = null;
  };
  const setHolders = (c: Tracked, holders: readonly string[], at: number) => {
    for (const agentId of c.holders)
      if (!holders.includes(agentId)) agents.holding(agentId, -1, at);
    for (const agentId of holders) if (!c.holders.includes(agentId)) agents.holding(agentId, 1, at);
    c.holders = holders;
  };

  const answered = (c: Tracked, agentId: string, at: number) => {
    const dimensions = dimensionsOf(c, agentId);
    const queuedAt = c.waitEnded ? null : c.queuedAt;
    c.waitEnded = true;
    const sl = slMs(c.queueId);
    for (const tally of buckets.tallies(at, dimensions)) {
      if (c.inbound) {
        tally.responded += 1;
        tally.responseMs += at - c.createdAt;
      }
      if (queuedAt === null) continue;
      tally.offered += 1;
      tally.answered += 1;
      tally.answerWaitMs += at - queuedAt;
      if (at - queuedAt <= sl) tally.answeredInSl += 1;
    }
  };

  const abandoned = (c: Tracked, at: number) => {
    if (c.queuedAt === null || c.waitEnded) return;
    const wait = at - c.queuedAt;
    const inSl = wait <= slMs(c.queueId);
    for (const tally of buckets.tallies(at, dimensionsOf(c, null))) {
      tally.offered += 1;
      if (wait < shortMs) {
        tally.shortAbandoned += 1;
        continue;
      }
      tally.abandoned += 1;
      tally.abandonWaitMs += wait;
      if (inSl) tally.abandonedInSl += 1;
    }
  };

  const completed = (
    id: string,
    c: Tracked,
    agentId: string | null,
    disposition: string | null,
    at: number,
  ) => {
    const handled = c.connected;
    const dimensions = dimensionsOf(c, agentId);
    if (c.fcrEntry !== -1) {
      const resolved = disposition !== null && resolvedCodes.has(disposition);
      fcr.ended(c.fcrEntry, id, at, dimensions, resolved);
    }
    if (!handled) return;
    const escalated =
      c.escalatedAttribute || (disposition !== null && escalationCodes.has(disposition));
    for (const tally of buckets.tallies(at, dimensions)) {
      tally.handled += 1;
      tally.talkMs += Math.max(0, c.engagedMs - c.holdMs);
      tally.holdMs += c.holdMs;
      tally.wrapUpMs += c.wrapUpAt === null ? 0 : at - c.wrapUpAt;
      if (c.transferred) tally.transferred += 1;
      if (escalated) tally.escalated += 1;
    }
    surveys.completed(id, at, dimensions);
  };

  /** Ends a contact that was never completed by an agent. */
  const dropped = (id: string, c: Tracked, at: number) => {
    if (c.fcrEntry !== -1) fcr.ended(c.fcrEntry, id, at, null, false);
  };

  return {
    waiting() {
      let count = 0;
      let oldestSince: number | null = null;
      for (const c of contacts.values()) {
        if (c.waitEnded || c.queuedAt === null) continue;
        count += 1;
        oldestSince = oldestSince === null ? c.queuedAt : Math.min(oldestSince, c.queuedAt);
      }
      return { count, oldestSince };
    },
    apply(event) {
      if (event.type === 'contact.created') {
        track(event.contact, event.at);
        return;
      }
      const id = event.contactId;
      const c = contacts.get(id);
      if (!c) return;
      const { at } = event;
      switch (event.type) {
        case 'contact.ivrEntered':
        case 'contact.callbackRequested':
        case 'contact.annotated':
        case 'contact.erased':
          return;
        case 'contact.queued':
          endEngaged(c, at);
          c.status = 'waiting';
          if (c.queueId !== event.queueId) c.dimensions = null;
          c.queueId = event.queueId;
          c.agentId = null;
          c.queuedAt ??= at;
          break;
        case 'contact.offered':
          endEngaged(c, at);
          c.status = 'offered';
          c.agentId = event.agentId;
          break;
        case 'contact.accepted':
          if (!c.waitEnded) answered(c, event.agentId, at);
          c.status = 'engaged';
          c.agentId = event.agentId;
          break;
        case 'contact.rejected':
        case 'contact.missed':
          c.status = 'waiting';
          c.agentId = null;
          break;
        case 'contact.connected':
          endHold(c, at);
          if (!c.connected && c.fcrKey !== null)
            c.fcrEntry = fcr.connected(c.fcrKey, id, c.createdAt);
          c.connected = true;
          c.status = 'engaged';
          c.agentId = event.agentId;
          c.engagedSince ??= at;
          break;
        case 'contact.held':
          c.heldSince = at;
          return;
        case 'contact.consultStarted':
          c.heldSince ??= at;
          setHolders(
            c,
            c.agentId === null ? [event.consultAgentId] : [c.agentId, event.consultAgentId],
            at,
          );
          return;
        case 'contact.resumed':
        case 'contact.consultEnded':
          endHold(c, at);
          break;
        case 'contact.conferenced':
          endHold(c, at);
          setHolders(c, event.participants, at);
          return;
        case 'contact.transferred':
          endHold(c, at);
          c.transferred = true;
          for (const tally of buckets.tallies(
            at,
            transferDimensions(c.channelKey, event.fromAgentId),
          ))
            tally.transfersOut += 1;
          return;
        case 'contact.wrapUpStarted':
          endEngaged(c, at);
          c.status = 'wrapUp';
          c.agentId = event.agentId;
          c.wrapUpAt = at;
          break;
        case 'contact.completed':
          setHolders(c, noHolders, at);
          contacts.delete(id);
          completed(id, c, event.agentId ?? c.agentId, event.disposition, at);
          free.push(c);
          return;
        case 'contact.abandoned':
        case 'contact.failed':
          endEngaged(c, at);
          setHolders(c, noHolders, at);
          contacts.delete(id);
          if (event.type === 'contact.abandoned') abandoned(c, at);
          dropped(id, c, at);
          free.push(c);
          return;
      }
      const holder = c.status === 'engaged' || c.status === 'wrapUp' ? c.agentId : null;
      const same =
        holder === null
          ? c.holders.length === 0
          : c.holders.length === 1 && c.holders[0] === holder;
      if (!same) setHolders(c, holder === null ? noHolders : soleHolder(holder), at);
    },
  };
}
