import type { CrmTicket, CrmTicketStatus } from '../../model/ticket';
import type { DynamicsIncident } from './dynamicsSchemas';

/** Incident `statuscode`s the adapter writes and reads (Dataverse defaults). */
const statusCode = {
  inProgress: 1,
  onHold: 2,
  waitingForDetails: 3,
  problemSolved: 5,
  informationProvided: 1000,
} as const;

/**
 * The columns that put an active case in `status`, or the resolution status to close it with
 * (`CloseIncident`): Dataverse refuses a resolved state through a plain update.
 */
export function caseStatus(
  status: CrmTicketStatus,
): { readonly active: Record<string, unknown> } | { readonly close: number } {
  switch (status) {
    case 'resolved':
      return { close: statusCode.problemSolved };
    case 'closed':
      return { close: statusCode.informationProvided };
    case 'pending':
      return { active: { statuscode: statusCode.waitingForDetails, isescalated: false } };
    default:
      return { active: { statuscode: statusCode.inProgress, isescalated: status === 'escalated' } };
  }
}

/** A case's status in the core's words. */
export function statusOfCase(incident: DynamicsIncident): CrmTicketStatus {
  if (incident.statecode === 1)
    return incident.statuscode === statusCode.informationProvided ? 'closed' : 'resolved';
  if (incident.statecode === 2) return 'closed';
  if (incident.isescalated) return 'escalated';
  return incident.statuscode === statusCode.waitingForDetails ||
    incident.statuscode === statusCode.onHold
    ? 'pending'
    : 'open';
}

/** Priority to `prioritycode` (1 High, 2 Normal, 3 Low). */
export const toPriorityCode = { low: 3, normal: 2, high: 1, urgent: 1 } as const;
const fromPriorityCode: Record<number, CrmTicket['priority']> = {
  1: 'high',
  2: 'normal',
  3: 'low',
};

/** A case as a {@link CrmTicket}. */
export function ticketOfCase(incident: DynamicsIncident): CrmTicket {
  return {
    id: incident.incidentid,
    subject: incident.title ?? '',
    description: incident.description ?? '',
    status: statusOfCase(incident),
    priority: fromPriorityCode[incident.prioritycode ?? 2] ?? 'normal',
    customerId: incident._customerid_value ?? null,
  };
}
