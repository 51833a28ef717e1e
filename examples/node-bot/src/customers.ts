// Simulated customers: each opens the chat widget, writes its lines one reply at a time, and
// leaves. What a real customer's page does with `@switchboard/plugin-chat/client`.
import { SwitchboardError } from '@switchboard/core';
import { createChatClient, type ChatDialer } from '@switchboard/plugin-chat/client';
import { botQueueId } from './shop';

/** One simulated customer. */
export interface CustomerScript {
  /** The name the widget gives. */
  readonly name: string;
  /** What they write, each line after the previous one was answered. */
  readonly lines: readonly string[];
  /** Whether they wait for a person to write before leaving. */
  readonly expectsPerson?: boolean;
}

/** The demo's customers: two the bot helps, two it hands off. */
export const demoCustomers: readonly CustomerScript[] = [
  { name: 'Grace', lines: ['Hi! When are you open on Saturday?', 'Thanks, bye!'] },
  { name: 'Alan', lines: ['Where is my parcel?', 'Can I return it if it does not fit?'] },
  { name: 'Linus', lines: ['Can I talk to a person please?'], expectsPerson: true },
  {
    name: 'Barbara',
    lines: ['My invoice shows the wrong VAT number', 'The VAT id on invoice 1234 is not ours'],
    expectsPerson: true,
  },
];

/** Resolves once `check()` holds, re-checking on every change of the client; rejects after `ms`. */
function whenClient(client: ReturnType<typeof createChatClient>, check: () => boolean, ms: number) {
  return new Promise<void>((resolve, reject) => {
    const done = (settle: () => void) => {
      stop();
      clearTimeout(timer);
      settle();
    };
    const stop = client.subscribe(() => {
      if (check()) done(resolve);
    });
    const timer = setTimeout(() => {
      done(() => {
        reject(
          new SwitchboardError('UNAVAILABLE', `No reply within ${String(ms)} ms.`, { details: {} }),
        );
      });
    }, ms);
    if (check()) done(resolve);
  });
}

/**
 * Runs one customer through their script on `connect` and resolves with the conversation's
 * messages as `author: text` lines once they have left.
 */
export async function runCustomer(
  connect: ChatDialer,
  script: CustomerScript,
  timeoutMs = 10_000,
): Promise<string[]> {
  const client = createChatClient({
    connect,
    queueId: botQueueId,
    customer: { name: script.name },
  });
  const replies = () =>
    client.getSnapshot().messages.filter((message) => message.from !== 'customer').length;
  try {
    for (const line of script.lines) {
      const before = replies();
      if (client.send(line) === null)
        throw new SwitchboardError(
          'UNAVAILABLE',
          client.getSnapshot().error?.message ?? 'The gateway refused the message.',
        );
      await whenClient(client, () => replies() > before, timeoutMs);
    }
    if (script.expectsPerson)
      await whenClient(
        client,
        () =>
          client
            .getSnapshot()
            .messages.some((message) => message.from === 'agent' && message.agentId !== 'bot'),
        timeoutMs,
      );
    return client
      .getSnapshot()
      .messages.map(
        (message) =>
          `${message.from === 'customer' ? script.name : (message.agentId ?? message.from)}: ${message.text}`,
      );
  } finally {
    client.leave();
  }
}
