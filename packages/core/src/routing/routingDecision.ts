import type { AgentId, ContactId, QueueId } from '../model/ids';

/** What the router wants done next. The centre carries it out and files the result. */
export type RoutingDecision =
  | {
      /** Reserve the contact for the agent. */ readonly kind: 'offer';
      /** The contact. */ readonly contactId: ContactId;
      /** The agent. */ readonly agentId: AgentId;
    }
  | {
      /** End the contact: it fails with `reason`. */ readonly kind: 'end';
      /** The contact. */ readonly contactId: ContactId;
      /** Why it ends. */ readonly reason: 'queueClosed' | 'maxWait' | 'doNotCall';
      /** What to tell the customer. */ readonly message: string;
    }
  | {
      /** Move the contact to another queue (overflow). */ readonly kind: 'move';
      /** The contact. */ readonly contactId: ContactId;
      /** The queue to move it to. */ readonly queueId: QueueId;
    }
  | {
      /** Offer the customer a callback; the contact keeps waiting. */
      readonly kind: 'offerCallback';
      /** The contact. */ readonly contactId: ContactId;
      /** What prompted it. */ readonly reason: 'queueClosed' | 'maxWait' | 'escalation';
    };

/** Whether `agentId` is passed over for `contactId` (it declined or missed it just now). */
export type PassedOver = (contactId: ContactId, agentId: AgentId) => boolean;
