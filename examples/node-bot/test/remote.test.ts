import { afterEach, describe, expect, it } from 'vitest';
import { connectBot } from '../src/connectBot';
import { runCustomer } from '../src/customers';
import { serveShop } from '../src/serveShop';
import { dialChat } from '../src/wsDialer';

// A real server: the desk protocol and the chat gateway on `ws` sockets on 127.0.0.1. The bot
// connects as a remote desk; the customers connect to the gateway as widgets would.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('the bot against a server centre', () => {
  it('logs in over the desk protocol, answers over the chat gateway and hands off', async () => {
    const shop = await serveShop(0);
    closers.push(() => shop.close());
    const lines: string[] = [];
    const running = await connectBot({
      deskUrl: shop.deskUrl,
      chatUrl: shop.chatUrl,
      log: (line) => lines.push(line),
    });
    closers.push(() => running.stop());
    expect(shop.center.getSnapshot().agents.get('bot')?.presence.status).toBe('available');

    const grace = await runCustomer(dialChat(shop.chatUrl), {
      name: 'Grace',
      lines: ['How long does delivery take?'],
    });
    expect(grace).toEqual([
      'Grace: How long does delivery take?',
      expect.stringMatching(/^bot: Orders ship within one working day/),
    ]);

    const linus = await runCustomer(dialChat(shop.chatUrl), {
      name: 'Linus',
      lines: ['I would like to speak to a human'],
      expectsPerson: true,
    });
    expect(linus).toEqual([
      'Linus: I would like to speak to a human',
      'bot: Let me get you a person; one moment please.',
      expect.stringMatching(/^ada: Hi Linus, Ada here/),
    ]);
    expect(running.bot.getSnapshot()).toMatchObject({ accepted: 2, answered: 1, handedOff: 1 });
    expect(running.desk.connection()).toBe('open');
  }, 60_000);

  it('refuses an agent the centre does not know', async () => {
    const shop = await serveShop(0);
    closers.push(() => shop.close());
    await expect(
      connectBot({ deskUrl: shop.deskUrl, chatUrl: shop.chatUrl, agentId: 'mallory' }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  }, 30_000);
});
