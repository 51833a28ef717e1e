import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import type { ContactCenter } from '../center/contactCenter';
import type { Contact } from '../model/contact';
import { agentIdSchema, contactIdSchema, type AgentId } from '../model/ids';
import { actionFor } from './actionFor';
import type { ActionDefinition, ActionSignature } from '../actions/actionTypes';
import type { Clock } from '../ports/clock';
import {
  agentBoard,
  queueBoard,
  type AgentBoardRow,
  type QueueBoardRow,
} from '../supervisor/boards';
import {
  evaluationSchema,
  monitorRequestSchema,
  type Evaluation,
  type MonitorRequest,
} from '../supervisor/supervision';

/** Payload of `supervisor.forceStatus`. */
export interface ForceStatusRequest {
  /** The agent whose status to set. */
  readonly agentId: string;
  /** The status to force. */
  readonly status: 'available' | 'notReady' | 'offline';
  /** The reason code, for `notReady`. */
  readonly reason?: string;
}

/** Payload of `supervisor.assignContact`. */
export interface AssignRequest {
  /** A waiting contact. */
  readonly contactId: string;
  /** Who gets the offer; the supervisor themselves (a pull) when absent. */
  readonly agentId?: string;
}

/** Payload of `supervisor.queues`. */
export interface QueueBoardRequest {
  /** Start of the service-level window (ms since epoch); the last 24 hours by default. */
  readonly since?: number;
}

declare module '../actions/actionTypes' {
  interface SwitchboardActions {
    /** The live queue board. */
    'supervisor.queues': ActionSignature<QueueBoardRequest, QueueBoardRow[]>;
    /** The live agent board. */
    'supervisor.agents': ActionSignature<Record<string, never>, AgentBoardRow[]>;
    /** Force an agent available, not ready (with a reason) or logged out. */
    'supervisor.forceStatus': ActionSignature<ForceStatusRequest, AgentState>;
    /** Offer a waiting contact to a chosen agent, or pull it to the supervisor. */
    'supervisor.assignContact': ActionSignature<AssignRequest, Contact>;
    /** Monitor, whisper to or barge into a contact in conversation. */
    'supervisor.monitor': ActionSignature<z.input<typeof monitorRequestSchema>, MonitorRequest>;
    /** Score an interaction against a scorecard. */
    'supervisor.evaluate': ActionSignature<z.input<typeof evaluationSchema>, Evaluation>;
  }
}

/** The supervisor's actions of a desk: open to the `supervisor` role only. */
export function supervisorActions(
  center: ContactCenter,
  supervisorId: AgentId,
  clock: Clock,
): ActionDefinition[] {
  const action = actionFor(['supervisor']);
  return [
    action('supervisor.queues', z.object({ since: z.optional(z.number()) }), ({ since }) => {
      const now = clock.now();
      return queueBoard(center.getSnapshot(), center.queues, now, since ?? now - 86_400_000);
    }),
    action('supervisor.agents', z.object({}), () => agentBoard(center.getSnapshot(), clock.now())),
    action(
      'supervisor.forceStatus',
      z.object({
        agentId: agentIdSchema,
        status: z.enum(['available', 'notReady', 'offline']),
        reason: z.optional(z.string().check(z.minLength(1))),
      }),
      ({ agentId, status, reason = 'supervisor' }) => {
        const presence = center.getSnapshot().agents.get(agentId)?.presence.status;
        if (status === 'offline') return center.agentCommand(agentId, { type: 'logout' });
        if (presence === 'offline') {
          center.agentCommand(agentId, {
            type: 'login',
            reason: status === 'notReady' ? reason : undefined,
          });
          return center.getSnapshot().agents.get(agentId) as AgentState;
        }
        return center.agentCommand(
          agentId,
          status === 'available' ? { type: 'setAvailable' } : { type: 'setNotReady', reason },
        );
      },
    ),
    action(
      'supervisor.assignContact',
      z.object({ contactId: contactIdSchema, agentId: z.optional(agentIdSchema) }),
      ({ contactId, agentId = supervisorId }) =>
        center.contactCommand(contactId, { type: 'offer', agentId }),
    ),
    action('supervisor.monitor', monitorRequestSchema, (request) =>
      center.requestMonitor(supervisorId, request),
    ),
    action('supervisor.evaluate', evaluationSchema, (input) =>
      center.recordEvaluation(supervisorId, input),
    ),
  ] as ActionDefinition[];
}
