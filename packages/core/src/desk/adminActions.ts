import * as z from 'zod/mini';
import type { AgentState } from '../agent/agentState';
import type { AgentChanges, ContactCenter } from '../center/contactCenter';
import { agentSchema, roleSchema, skillLevelSchema, type AgentInput } from '../model/agent';
import { capacitySchema } from '../model/channel';
import {
  dispositionSchema,
  reasonCodeSchema,
  type Disposition,
  type ReasonCode,
} from '../model/codes';
import { agentIdSchema } from '../model/ids';
import { queueSchema, type Queue, type QueueInput } from '../model/queue';
import { actionFor } from './actionFor';
import { defineAction } from '../actions/defineAction';
import {
  customerErasureRequestSchema,
  type CustomerErasure,
  type CustomerErasureRequest,
} from '../center/centerErasure';
import type { ActionDefinition, ActionSignature } from '../actions/actionTypes';

/** Payload of `admin.updateAgent`. */
export interface UpdateAgentRequest {
  /** The agent to change. */
  readonly agentId: string;
  /** The fields to replace. */
  readonly changes: AgentChanges;
}

declare module '../actions/actionTypes' {
  interface SwitchboardActions {
    /** Add a queue or replace its rules (skills, priority, strategy, escalation, hours, ...). */
    'admin.upsertQueue': ActionSignature<QueueInput, Queue>;
    /** Add a user (agent, supervisor or admin) to the roster. */
    'admin.registerAgent': ActionSignature<AgentInput, AgentState>;
    /** Change a user's name, roles, skills or capacity. */
    'admin.updateAgent': ActionSignature<UpdateAgentRequest, AgentState>;
    /** Add or replace a not-ready reason code. */
    'admin.upsertReasonCode': ActionSignature<z.input<typeof reasonCodeSchema>, ReasonCode>;
    /** Add or replace a disposition. */
    'admin.upsertDisposition': ActionSignature<z.input<typeof dispositionSchema>, Disposition>;
    /** Erase a customer's personal data from every contact of theirs in the centre (tombstones). */
    'admin.eraseCustomer': ActionSignature<CustomerErasureRequest, CustomerErasure>;
  }
}

/** The admin's actions of a desk: open to the `admin` role only. */
export function adminActions(center: ContactCenter): ActionDefinition[] {
  const action = actionFor(['admin']);
  return [
    action('admin.upsertQueue', queueSchema, (queue) => center.upsertQueue(queue)),
    action('admin.registerAgent', agentSchema, (agent) => center.registerAgent(agent)),
    action(
      'admin.updateAgent',
      z.object({
        agentId: agentIdSchema,
        changes: z.object({
          name: z.optional(z.string().check(z.minLength(1))),
          roles: z.optional(z.array(roleSchema).check(z.minLength(1))),
          skills: z.optional(z.array(skillLevelSchema)),
          capacity: z.optional(capacitySchema),
        }),
      }),
      ({ agentId, changes }) => center.updateAgent(agentId, changes),
    ),
    action('admin.upsertReasonCode', reasonCodeSchema, (reason) => {
      center.upsertReasonCode(reason);
      return reason;
    }),
    action('admin.upsertDisposition', dispositionSchema, (disposition) => {
      center.upsertDisposition(disposition);
      return disposition;
    }),
    defineAction({
      name: 'admin.eraseCustomer',
      schema: customerErasureRequestSchema,
      roles: ['admin'],
      sensitive: true,
      run: (request, { caller }) =>
        center.eraseCustomer(request, {
          id: caller.agentId ?? caller.plugin ?? 'admin',
          roles: caller.roles,
        }),
    }),
  ] as ActionDefinition[];
}
