// The baseline the routing benchmark compares against: routing the way a simple project would
// write it, with Maps of skills and a scan of every queued contact or every agent per decision.

interface NaiveAgent {
  id: string;
  skills: Map<string, number>;
  available: boolean;
  busy: boolean;
  idleSince: number;
}

interface NaiveContact {
  id: string;
  skills: { skill: string; minProficiency: number }[];
  priority: number;
  queuedAt: number;
}

const qualifies = (agent: NaiveAgent, contact: NaiveContact) =>
  contact.skills.every((need) => (agent.skills.get(need.skill) ?? 0) >= need.minProficiency);

/** A router that scans: every queued contact when an agent frees, every agent when a contact arrives. */
export class NaiveRouter {
  readonly agents = new Map<string, NaiveAgent>();
  readonly queued = new Map<string, NaiveContact>();

  /** Files an agent. */
  setAgent(agent: NaiveAgent): void {
    this.agents.set(agent.id, agent);
  }

  /** The best queued contact for a freed agent: highest priority, then longest waiting. */
  agentFreed(agentId: string): string | null {
    const agent = this.agents.get(agentId);
    if (!agent) return null;
    let best: NaiveContact | null = null;
    for (const contact of this.queued.values()) {
      if (!qualifies(agent, contact)) continue;
      if (
        !best ||
        contact.priority > best.priority ||
        (contact.priority === best.priority && contact.queuedAt < best.queuedAt)
      )
        best = contact;
    }
    return best?.id ?? null;
  }

  /** The longest-idle free agent who qualifies for an arriving contact. */
  contactArrived(contact: NaiveContact): string | null {
    let best: NaiveAgent | null = null;
    for (const agent of this.agents.values()) {
      if (!agent.available || agent.busy || !qualifies(agent, contact)) continue;
      if (!best || agent.idleSince < best.idleSince) best = agent;
    }
    return best?.id ?? null;
  }
}
