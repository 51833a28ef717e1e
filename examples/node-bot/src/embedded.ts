// The embedded defaults: the centre, the chat gateway, the bot's desk and a person's desk in
// this one process, over the in-process chat transport.
import { createDesk } from '@switchboard/core';
import { chat, createChatGateway, createInProcessChatTransport } from '@switchboard/plugin-chat';
import { createBot } from './createBot';
import { demoCustomers, runCustomer, type CustomerScript } from './customers';
import { staffWithStandIn } from './humanStandIn';
import { botAgent, createShopCentre, humanAgent, humanQueueId } from './shop';

/**
 * Runs the bot on an embedded centre against `customers` (the demo's four by default), one
 * after another, and resolves with the bot's counts once they have all left.
 */
export async function runEmbeddedDemo(
  log: (line: string) => void = console.log,
  customers: readonly CustomerScript[] = demoCustomers,
  handoffQueueId = humanQueueId,
) {
  // #region wiring
  const center = createShopCentre();
  const transport = createInProcessChatTransport();
  const gateway = createChatGateway({ center, transport: transport.server });
  const plugins = [{ plugin: chat, config: { connect: transport.dial } }];
  const botDesk = createDesk({ agent: botAgent, center, plugins });
  const humanDesk = createDesk({ agent: humanAgent, center, plugins });
  await Promise.all([botDesk.ready, humanDesk.ready]);
  await botDesk.login();
  await humanDesk.login();

  const bot = createBot({
    desk: botDesk,
    chat: botDesk.plugin('chat'),
    handoffQueueId,
    log,
  });
  // #endregion wiring
  const stopHuman = staffWithStandIn(humanDesk, humanDesk.plugin('chat'), log);
  try {
    for (const script of customers) {
      log(`--- ${script.name} opens the chat`);
      await runCustomer(transport.dial, script);
    }
    await settle(() => center.getSnapshot().contacts.size === 0 || allDone(center));
    return bot.getSnapshot();
  } finally {
    bot.dispose();
    stopHuman();
    await botDesk.dispose();
    await humanDesk.dispose();
    gateway.dispose();
    center.dispose();
  }
}

/** Every contact finished (the customers have left and both desks completed their chats). */
const allDone = (center: ReturnType<typeof createShopCentre>) =>
  [...center.getSnapshot().contacts.values()].every(
    (contact) => contact.status === 'completed' || contact.status === 'abandoned',
  );

/** Waits (up to 5 s) for `check` to hold, polling every 10 ms. */
async function settle(check: () => boolean) {
  for (let waited = 0; waited < 5_000 && !check(); waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
