import { describe, expect, it } from 'vitest';
import { createInProcessChatTransport } from './inProcess';
import type { ChatLink } from './link';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createInProcessChatTransport', () => {
  it('keeps a link dialled before anyone listens, and its frames until someone reads', async () => {
    const transport = createInProcessChatTransport();
    const client = await transport.dial();
    client.send('one');
    client.send('two');
    await tick();
    const got: string[] = [];
    transport.server.onConnection((link) => link.onMessage((data) => got.push(data)));
    await tick();
    expect(got).toEqual(['one', 'two']);
    expect(transport.open()).toBe(1);
  });

  it('delivers in order, on a later turn, and delivers what was sent before a close', async () => {
    const transport = createInProcessChatTransport();
    const got: string[] = [];
    let server: ChatLink | undefined;
    let closes = 0;
    transport.server.onConnection((link) => {
      server = link;
      link.onMessage((data) => got.push(data));
      link.onClose(() => (closes += 1));
    });
    const client = await transport.dial();
    client.onClose(() => (closes += 1));
    for (let index = 0; index < 100; index += 1) client.send(String(index));
    expect(got).toEqual([]);
    client.close();
    client.send('after close');
    await tick();
    expect(got).toEqual(Array.from({ length: 100 }, (_, index) => String(index)));
    expect(closes).toBe(2);
    server?.send('too late');
    expect(transport.open()).toBe(0);
  });

  it('drop cuts every link: frames in flight are lost, both ends hear the close', async () => {
    const transport = createInProcessChatTransport();
    const got: string[] = [];
    transport.server.onConnection((link) => link.onMessage((data) => got.push(data)));
    const links = await Promise.all([transport.dial(), transport.dial()]);
    let closes = 0;
    for (const link of links) link.onClose(() => (closes += 1));
    links[0].send('in flight');
    expect(transport.drop()).toBe(2);
    await tick();
    expect(got).toEqual([]);
    expect(closes).toBe(2);
    expect(transport.open()).toBe(0);
  });
});
