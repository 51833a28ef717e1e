import type * as z from 'zod/mini';
import { decodeFrame } from '../protocol/codec';
import type { ChatProblem } from '../protocol/codes';
import {
  chatProtocolVersion,
  customerFrameSchema,
  type customerHelloSchema,
} from '../protocol/frames';
import type { chatDraftSchema, ChatMessage } from '../protocol/message';
import type { ChatLink } from '../transport/link';
import type { Conversation } from './conversation';
import { problemFrame } from './problems';

/** A customer's `hello`, parsed. */
export type CustomerHello = z.output<typeof customerHelloSchema>;

/** The outcome of posting a draft: the stored message, and whether it was a resend. */
export interface Posted {
  /** The message as stored. */
  readonly message: ChatMessage;
  /** Whether the draft's `clientId` was already stored (nothing new was added). */
  readonly duplicate: boolean;
}

/** What a customer session asks of the gateway. */
export interface CustomerHandlers {
  /** The conversation with this id, if the gateway still holds it. */
  find(id: string): Conversation | undefined;
  /** Opens a new conversation (and its contact) for `link`. */
  open(hello: CustomerHello, link: ChatLink): Conversation | ChatProblem;
  /** The customer is (back) in: cancel the leave timer, bring the state up to date. */
  welcomed(conversation: Conversation): void;
  /** A message from the customer. */
  send(conversation: Conversation, draft: z.output<typeof chatDraftSchema>): Posted | ChatProblem;
  /** The customer started or stopped typing. */
  typing(conversation: Conversation, typing: boolean): void;
  /** The customer read agent messages up to `upTo`. */
  read(conversation: Conversation, upTo: number): void;
  /** The customer left on purpose. */
  leave(conversation: Conversation): void;
  /** One of the customer's links closed. */
  gone(conversation: Conversation): void;
}

/**
 * Returns the function that starts a customer session on a link after its `hello`: opens or
 * resumes the conversation, sends `welcome` and the messages after the resume point, and returns
 * the handler of the customer's later frames.
 */
export function openCustomerSession(on: CustomerHandlers) {
  return (link: ChatLink, hello: CustomerHello): ((data: string) => void) => {
    let conversation: Conversation;
    let afterSeq = 0;
    if (hello.resume) {
      const found = on.find(hello.resume.conversationId);
      if (!found || found.token !== hello.resume.token) {
        problemFrame(link, {
          code: 'UNKNOWN_CONVERSATION',
          message: 'No conversation with that id and token.',
        });
        link.close();
        return () => undefined;
      }
      conversation = found;
      conversation.customers.add(link);
      afterSeq = Math.min(hello.resume.lastSeq, conversation.messages.length);
    } else {
      const opened = on.open(hello, link);
      if ('code' in opened) {
        problemFrame(link, opened);
        link.close();
        return () => undefined;
      }
      conversation = opened;
    }
    link.send(
      JSON.stringify({
        type: 'welcome',
        v: chatProtocolVersion,
        conversationId: conversation.id,
        token: conversation.token,
        status: conversation.status,
        resumed: hello.resume !== undefined,
        agentReadUpTo: conversation.agentReadUpTo,
      }),
    );
    for (const message of conversation.messages.slice(afterSeq)) {
      link.send(JSON.stringify({ type: 'message', message }));
    }
    link.onClose(() => {
      conversation.customers.delete(link);
      on.gone(conversation);
    });
    on.welcomed(conversation);

    return (data) => {
      const decoded = decodeFrame(customerFrameSchema, data);
      if (!decoded.ok) {
        problemFrame(link, decoded.problem);
        return;
      }
      const frame = decoded.value;
      switch (frame.type) {
        case 'send': {
          const result = on.send(conversation, frame);
          if ('code' in result) problemFrame(link, result);
          else if (result.duplicate)
            link.send(JSON.stringify({ type: 'message', message: result.message }));
          return;
        }
        case 'typing':
          on.typing(conversation, frame.typing);
          return;
        case 'read':
          on.read(conversation, frame.upTo);
          return;
        case 'leave':
          on.leave(conversation);
          return;
      }
    };
  };
}
