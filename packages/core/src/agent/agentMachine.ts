import { SwitchboardError } from '../errors';
import type { AgentStatusChanged } from '../events/domainEvents';
import type { AgentCommand } from './agentCommands';
import type { AgentPresence, AgentState, AgentStatus } from './agentState';

/** Which commands each presence status accepts; anything else is `INVALID_TRANSITION`. */
export const agentTransitions: Readonly<Record<AgentStatus, readonly AgentCommand['type'][]>> = {
  offline: ['login'],
  available: ['setNotReady', 'logout'],
  notReady: ['setAvailable', 'setNotReady', 'logout'],
};

/** What the agent machine needs to know beyond the agent's own state. */
export interface AgentDecisionContext {
  /** The current time. */
  readonly now: number;
  /** Reason codes the centre accepts. */
  readonly reasonCodes: ReadonlySet<string>;
}

/**
 * Decides what a command does to an agent: the events it produces, or a `SwitchboardError`
 * (`INVALID_TRANSITION`, or `VALIDATION_FAILED` for an unknown reason code) that changes nothing.
 * Pure: the same state, command and context always give the same result.
 */
export function decideAgent(
  agent: AgentState,
  command: AgentCommand,
  context: AgentDecisionContext,
): AgentStatusChanged[] {
  const from = agent.presence;
  const refuse = (why: string): never => {
    throw new SwitchboardError(
      'INVALID_TRANSITION',
      `Agent ${agent.profile.id} cannot ${command.type} while ${from.status}: ${why}.`,
      {
        details: { agentId: agent.profile.id, status: from.status, command: command.type },
      },
    );
  };
  if (!agentTransitions[from.status].includes(command.type)) refuse('not allowed in this status');

  let to: AgentPresence;
  switch (command.type) {
    case 'login':
      to =
        command.reason === undefined ? { status: 'available' } : notReady(command.reason, context);
      break;
    case 'setAvailable':
      to = { status: 'available' };
      break;
    case 'setNotReady':
      if (from.status === 'notReady' && from.reason === command.reason)
        refuse('already in that reason');
      to = notReady(command.reason, context);
      break;
    case 'logout':
      if (agent.contactIds.length > 0) refuse('contacts are still in hand');
      to = { status: 'offline' };
      break;
  }
  return [
    {
      type: 'agent.statusChanged',
      at: context.now,
      agentId: agent.profile.id,
      presence: to,
      previous: from,
    },
  ];
}

function notReady(reason: string, context: AgentDecisionContext): AgentPresence {
  if (!context.reasonCodes.has(reason)) {
    throw new SwitchboardError('VALIDATION_FAILED', `Unknown reason code "${reason}".`, {
      issues: [{ path: ['reason'], message: `Unknown reason code "${reason}"` }],
      details: { reason },
    });
  }
  return { status: 'notReady', reason };
}
