import type { AgentId } from '../model/ids';

/**
 * Whether a centre event concerns one agent: it names them (as agent, transferring agent,
 * consulted agent or conference participant) or its contact is held by them.
 */
export function concernsAgent(payload: unknown, agentId: AgentId): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const event = payload as Record<string, unknown>;
  if (
    event.agentId === agentId ||
    event.fromAgentId === agentId ||
    event.consultAgentId === agentId
  ) {
    return true;
  }
  if (Array.isArray(event.participants) && event.participants.includes(agentId)) return true;
  const state = event.state as Record<string, unknown> | undefined;
  return (
    state?.agentId === agentId || (state?.profile as { id?: unknown } | undefined)?.id === agentId
  );
}
