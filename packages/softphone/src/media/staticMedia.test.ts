import { describe, expect, it } from 'vitest';
import { createStaticMedia } from './staticMedia';

const direction = (sdp: string) => /^a=(sendrecv|sendonly|recvonly|inactive)/m.exec(sdp)?.[1];
const plain = { held: false, iceRestart: false };
const held = { held: true, iceRestart: false };

describe('static media', () => {
  const media = () => createStaticMedia()({ callId: 'c', direction: 'outbound', iceServers: [] });

  it('offers sendrecv, and sendonly on hold, whatever the last answer was', async () => {
    const m = media();
    expect(direction(await m.getLocalDescription(plain))).toBe('sendrecv');
    await m.setRemoteDescription('a=sendrecv\r\n', plain);
    expect(direction(await m.getLocalDescription(held))).toBe('sendonly');
    await m.setRemoteDescription('a=recvonly\r\n', held);
    expect(direction(await m.getLocalDescription(plain))).toBe('sendrecv');
  });

  it('answers a far-end hold with recvonly and a resume with sendrecv', async () => {
    const m = media();
    await m.setRemoteDescription('a=sendonly\r\n', plain);
    expect(direction(await m.getLocalDescription(plain))).toBe('recvonly');
    await m.setRemoteDescription('a=inactive\r\n', plain);
    expect(direction(await m.getLocalDescription(plain))).toBe('inactive');
    await m.setRemoteDescription('a=sendrecv\r\n', plain);
    expect(direction(await m.getLocalDescription(plain))).toBe('sendrecv');
  });
});
