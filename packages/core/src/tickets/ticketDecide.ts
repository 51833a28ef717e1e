import { produceWithPatches, type Draft } from 'immer';
import { SwitchboardError } from '../errors';
import type { Actor } from './actor';
import type { EscalationLevel } from './escalation';
import { resolutionSteps, type ResolutionStep, type Ticket, type TicketChanges } from './ticket';
import type { TicketBookEvent, TicketBookEventOf } from './ticketEvents';
import type { TicketChange } from './ticketHistory';
import { assertTransition, type TicketStatus } from './ticketStatus';

/** What the ticket decisions need beyond the ticket. */
export interface TicketDecisionContext {
  /** The current time. */
  readonly now: number;
  /** Who acts. */
  readonly actor: Actor;
  /** The escalation ladder, lowest first. */
  readonly levels: readonly EscalationLevel[];
  /** Validates the merged custom fields (throws `VALIDATION_FAILED`). */
  readonly parseCustomFields: (fields: Record<string, unknown>) => Record<string, unknown>;
}

type Recipe = (draft: Draft<Ticket>) => void;

/** Runs `recipe` on the ticket and returns its patches (empty when nothing changed). */
function changesOf(ticket: Ticket, recipe: Recipe, now: number): TicketChange[] {
  const [, patches] = produceWithPatches(ticket, recipe);
  if (patches.length === 0) return [];
  const changes = patches as TicketChange[];
  if (ticket.updatedAt !== now) changes.push({ op: 'replace', path: ['updatedAt'], value: now });
  return changes;
}

const same = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** `current` with `changes` set on it; a key set to `undefined` is removed. */
function mergeFields(
  current: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(merged, key);
    else merged[key] = value;
  }
  return merged;
}

/** The keys of `next` whose values differ from `current`'s, and the keys it dropped. */
export function diffFields(
  current: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): { set: [string, unknown][]; removed: string[] } {
  return {
    set: Object.entries(next).filter(([key, value]) => !same(current[key], value)),
    removed: Object.keys(current).filter((key) => !(key in next)),
  };
}

/** Refuses writes to a closed ticket: reopen it first. */
function assertWritable(ticket: Ticket, what: string): void {
  if (ticket.status !== 'closed') return;
  throw new SwitchboardError(
    'INVALID_TRANSITION',
    `Ticket ${ticket.id} is closed: reopen it before ${what}.`,
    { details: { ticketId: ticket.id, status: ticket.status } },
  );
}

/**
 * Decides an update: a `ticket.updated` event with the patches, or none when nothing changes.
 * Custom fields are merged into the current ones and validated whole. Pure.
 */
export function decideUpdate(
  ticket: Ticket,
  changes: TicketChanges,
  context: TicketDecisionContext,
): TicketBookEvent[] {
  assertWritable(ticket, 'updating it');
  const { customFields, ...plain } = changes;
  const parsed =
    customFields === undefined
      ? undefined
      : context.parseCustomFields(mergeFields(ticket.customFields, customFields));
  // Diff against the frozen ticket first: reading through immer's draft proxy costs ~50x more.
  const current = ticket as unknown as Record<string, unknown>;
  const plainChanges = (Object.entries(plain) as [string, unknown][]).filter(
    ([key, value]) => value !== undefined && !same(current[key], value),
  );
  const fieldChanges = parsed ? diffFields(ticket.customFields, parsed) : { set: [], removed: [] };
  const patches = changesOf(
    ticket,
    (draft) => {
      const target = draft as unknown as Record<string, unknown>;
      for (const [key, value] of plainChanges) target[key] = value;
      const fields = draft.customFields as Record<string, unknown>;
      for (const key of fieldChanges.removed) Reflect.deleteProperty(fields, key);
      for (const [key, value] of fieldChanges.set) fields[key] = value;
    },
    context.now,
  );
  if (patches.length === 0) return [];
  return [
    {
      type: 'ticket.updated',
      at: context.now,
      actor: context.actor,
      ticketId: ticket.id,
      changes: patches,
    },
  ];
}

/** Decides a workflow move (not into `escalated`: see {@link decideEscalate}). Pure. */
export function decideTransition(
  ticket: Ticket,
  to: TicketStatus,
  context: TicketDecisionContext,
): TicketBookEventOf<'ticket.statusChanged'>[] {
  if (to === 'escalated') {
    throw new SwitchboardError(
      'INVALID_TRANSITION',
      `Ticket ${ticket.id}: escalate it with escalate(), which records a reason.`,
      { details: { ticketId: ticket.id, from: ticket.status, to } },
    );
  }
  assertTransition(ticket.id, ticket.status, to);
  const changes = changesOf(
    ticket,
    (draft) => {
      draft.status = to;
      draft.statusSince = context.now;
    },
    context.now,
  );
  return [
    {
      type: 'ticket.statusChanged',
      at: context.now,
      actor: context.actor,
      ticketId: ticket.id,
      from: ticket.status,
      to,
      changes,
    },
  ];
}

/** What an escalation says. */
export interface EscalationRequest {
  /** Why. */
  readonly reason: string;
  /** The level to go to; the next one up when absent. */
  readonly toLevel?: string | undefined;
  /** Who takes the ticket; the level's assignee (or nobody, for its team to pick) when absent. */
  readonly assignee?: string | undefined;
  /** The rule that called for it, if any. */
  readonly ruleId?: string | undefined;
}

/** Resolves the target level: above the current one, known, and not past the top. */
function targetLevel(
  ticket: Ticket,
  toLevel: string | undefined,
  levels: readonly EscalationLevel[],
): EscalationLevel {
  const current = levels.findIndex((level) => level.id === ticket.level);
  const index = toLevel === undefined ? current + 1 : levels.findIndex((l) => l.id === toLevel);
  if (toLevel !== undefined && index < 0) {
    throw new SwitchboardError('VALIDATION_FAILED', `Unknown escalation level "${toLevel}".`, {
      issues: [{ path: ['toLevel'], message: `Unknown escalation level "${toLevel}"` }],
      details: { toLevel },
    });
  }
  const level = levels[index];
  if (!level || index <= current) {
    throw new SwitchboardError(
      'INVALID_TRANSITION',
      `Ticket ${ticket.id} is at level ${ticket.level}: it can only be escalated higher.`,
      { details: { ticketId: ticket.id, level: ticket.level, toLevel: toLevel ?? null } },
    );
  }
  return level;
}

/**
 * Decides an escalation: moves the ticket to `escalated` (or keeps it there), raises its level,
 * reassigns it to the level's assignee and team, records the reason and completes the
 * procedure's `escalate` step. Pure.
 */
export function decideEscalate(
  ticket: Ticket,
  request: EscalationRequest,
  context: TicketDecisionContext,
): TicketBookEventOf<'ticket.escalated'>[] {
  if (ticket.status !== 'escalated') assertTransition(ticket.id, ticket.status, 'escalated');
  const level = targetLevel(ticket, request.toLevel, context.levels);
  const changes = changesOf(
    ticket,
    (draft) => {
      if (draft.status !== 'escalated') {
        draft.status = 'escalated';
        draft.statusSince = context.now;
      }
      draft.level = level.id;
      draft.assignee = request.assignee ?? level.assignee ?? null;
      if (level.team !== undefined) draft.team = level.team;
      draft.escalations.push({
        at: context.now,
        by: context.actor.id,
        from: ticket.level,
        to: level.id,
        reason: request.reason,
        ruleId: request.ruleId ?? null,
      });
      draft.procedure.escalate = { at: context.now, by: context.actor.id, summary: request.reason };
    },
    context.now,
  );
  return [
    {
      type: 'ticket.escalated',
      at: context.now,
      actor: context.actor,
      ticketId: ticket.id,
      fromLevel: ticket.level,
      toLevel: level.id,
      reason: request.reason,
      changes,
    },
  ];
}

/** Decides the completion of a step of the resolution procedure (again: its record is replaced). */
export function decideCompleteStep(
  ticket: Ticket,
  step: ResolutionStep,
  summary: string,
  context: TicketDecisionContext,
): TicketBookEventOf<'ticket.stepCompleted'>[] {
  assertWritable(ticket, 'working on it');
  const changes = changesOf(
    ticket,
    (draft) => {
      draft.procedure[step] = { at: context.now, by: context.actor.id, summary };
    },
    context.now,
  );
  return [
    {
      type: 'ticket.stepCompleted',
      at: context.now,
      actor: context.actor,
      ticketId: ticket.id,
      step,
      changes,
    },
  ];
}

/** A procedure with no step completed. */
export function emptyProcedure(): Record<ResolutionStep, null> {
  return Object.fromEntries(resolutionSteps.map((step) => [step, null])) as Record<
    ResolutionStep,
    null
  >;
}
