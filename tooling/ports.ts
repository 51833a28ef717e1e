// Free ports on 127.0.0.1 for the servers a test starts (Kamailio's listeners, sipp, proxies,
// Prism). Shared by packages/softphone, packages/crm-adapters and the SIP examples.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { SetupError } from './setupError';

/** A TCP port that is free on 127.0.0.1 right now (and, for `udp`, free for UDP too). */
export async function freePort(udp = false): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => {
          resolve(typeof address === 'object' && address ? address.port : 0);
        });
      });
    });
    if (!udp || (await udpFree(port))) return port;
  }
  throw new SetupError('No free port found on 127.0.0.1');
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => {
      socket.close(() => {
        resolve(true);
      });
    });
  });
}
