import { SwitchboardError } from '../errors';

/** Every status of a ticket, in workflow order. */
export const ticketStatuses = [
  'new',
  'open',
  'pending',
  'escalated',
  'resolved',
  'closed',
] as const;

/** A ticket's workflow status; see {@link ticketTransitions}. */
export type TicketStatus = (typeof ticketStatuses)[number];

/**
 * Which status each status may move to; any other move is `INVALID_TRANSITION`.
 *
 * ```text
 *  new ─────► open ◄──────► pending
 *   │  ╲       │  ▲           │  ▲
 *   │   ╲      ▼  │           ▼  │
 *   │    ╲──► escalated ◄─────────┘   (escalated ─► open | pending, too)
 *   │
 *   │     open | pending | escalated ──► resolved ──► closed
 *   │                                       │           │
 *   │                                       └─ reopen ──┴──► open
 *   └──────────────────────────────────────────────► closed   (spam, duplicate)
 * ```
 *
 * `new` may also go straight to `escalated`. Moves into `escalated` go through
 * `escalate()` (which needs a reason); an escalated ticket may be escalated again to a higher level.
 */
export const ticketTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'escalated', 'closed'],
  open: ['pending', 'escalated', 'resolved'],
  pending: ['open', 'escalated', 'resolved'],
  escalated: ['open', 'pending', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Whether the workflow allows `from` → `to`. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ticketTransitions[from].includes(to);
}

/** Throws `INVALID_TRANSITION` unless the workflow allows `from` → `to`. */
export function assertTransition(ticketId: string, from: TicketStatus, to: TicketStatus): void {
  if (canTransition(from, to)) return;
  throw new SwitchboardError(
    'INVALID_TRANSITION',
    `Ticket ${ticketId} cannot move from ${from} to ${to}.`,
    { details: { ticketId, from, to } },
  );
}
