import type * as z from 'zod/mini';
import { decodeFrame } from '../protocol/codec';
import type { ChatProblem } from '../protocol/codes';
import {
  agentFrameSchema,
  chatProtocolVersion,
  type agentHelloSchema,
  type ServerFrame,
} from '../protocol/frames';
import type { chatDraftSchema } from '../protocol/message';
import type { ChatLink } from '../transport/link';
import type { createAgentSessions } from './agentSessions';
import { chatFrame, type Conversation } from './conversation';
import type { Posted } from './customerSession';
import { problemFrame, refusal } from './problems';

/** An agent's `hello`, parsed. */
export type AgentHello = z.output<typeof agentHelloSchema>;

/** What an agent session asks of the gateway. */
export interface AgentHandlers {
  /** Whether the agent may open a session. */
  authorize(hello: AgentHello): boolean | Promise<boolean>;
  /** The conversations the agent has open. */
  held(agentId: string): Conversation[];
  /** The conversation with this id. */
  find(id: string): Conversation | undefined;
  /** The agents' links. */
  agents: ReturnType<typeof createAgentSessions>;
  /** A message from the agent. */
  post(
    conversation: Conversation,
    draft: z.output<typeof chatDraftSchema>,
    agentId: string,
  ): Posted | ChatProblem;
  /** Sends a frame to the customer's links. */
  toCustomer(conversation: Conversation, frame: ServerFrame): void;
}

/**
 * Returns the function that starts an agent session after its `hello`: authorises the agent,
 * sends `welcome` and a `chat` frame per conversation the agent holds (messages after the resume
 * point), and resolves to the handler of the agent's later frames (`undefined` when refused).
 */
export function openAgentSession(on: AgentHandlers) {
  const onFrame = (agentId: string, link: ChatLink, data: string) => {
    const decoded = decodeFrame(agentFrameSchema, data);
    if (!decoded.ok) {
      problemFrame(link, decoded.problem);
      return;
    }
    const frame = decoded.value;
    const conversation = on.find(frame.contactId);
    if (!conversation || !conversation.holders.has(agentId)) {
      const message = `Agent ${agentId} does not hold ${frame.contactId}.`;
      problemFrame(link, refusal('NOT_YOUR_CHAT', message), frame.contactId);
      return;
    }
    switch (frame.type) {
      case 'send': {
        const result = on.post(conversation, frame, agentId);
        if ('code' in result) problemFrame(link, result, frame.contactId);
        else if (result.duplicate) {
          const echo = { type: 'message', contactId: conversation.id, message: result.message };
          link.send(JSON.stringify(echo));
        }
        return;
      }
      case 'typing':
        on.toCustomer(conversation, { type: 'typing', typing: frame.typing });
        return;
      case 'read': {
        const mark = Math.min(frame.upTo, conversation.messages.length);
        if (mark <= conversation.agentReadUpTo) return;
        conversation.agentReadUpTo = mark;
        on.toCustomer(conversation, { type: 'read', upTo: mark });
        return;
      }
    }
  };

  return async (link: ChatLink, hello: AgentHello) => {
    if (!(await on.authorize(hello))) {
      problemFrame(link, refusal('UNAUTHORIZED', `Agent ${hello.agentId} may not chat.`));
      link.close();
      return undefined;
    }
    on.agents.add(hello.agentId, link);
    const held = on.held(hello.agentId);
    const contactIds = held.map((conversation) => conversation.id);
    link.send(JSON.stringify({ type: 'welcome', v: chatProtocolVersion, contactIds }));
    for (const conversation of held) {
      link.send(JSON.stringify(chatFrame(conversation, hello.resume[conversation.id] ?? 0)));
    }
    return (data: string) => {
      onFrame(hello.agentId, link, data);
    };
  };
}
