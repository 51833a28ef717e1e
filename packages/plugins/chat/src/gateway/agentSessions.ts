import type { ServerFrame } from '../protocol/frames';
import type { ChatLink } from '../transport/link';

/** The agents' open links (an agent may have several tabs), to send them frames by agent id. */
export function createAgentSessions() {
  const byAgent = new Map<string, Set<ChatLink>>();
  return {
    /** Registers `link` for `agentId` until it closes. */
    add(agentId: string, link: ChatLink) {
      const links = byAgent.get(agentId) ?? new Set();
      links.add(link);
      byAgent.set(agentId, links);
      link.onClose(() => {
        links.delete(link);
        if (links.size === 0) byAgent.delete(agentId);
      });
    },
    /** Sends `frame` to every link of every agent in `agentIds`. */
    send(agentIds: Iterable<string>, frame: ServerFrame) {
      let data: string | undefined;
      for (const agentId of agentIds) {
        for (const link of byAgent.get(agentId) ?? []) {
          data ??= JSON.stringify(frame);
          link.send(data);
        }
      }
    },
  };
}
