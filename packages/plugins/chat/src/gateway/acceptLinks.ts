import type { Logger } from '@switchboard/core';
import * as z from 'zod/mini';
import { decodeFrame } from '../protocol/codec';
import { chatProtocolVersion, helloSchema } from '../protocol/frames';
import type { ChatLink, ChatServerTransport, Unsubscribe } from '../transport/link';
import type { AgentHello } from './agentSession';
import type { CustomerHello } from './customerSession';
import { problemFrame, refusal } from './problems';

/** How the gateway takes links: limits, and who handles each kind of session. */
export interface AcceptOptions {
  /** Longer frames are refused with `FRAME_TOO_LARGE`. */
  readonly maxFrameLength: number;
  /** Where a handler's failure is reported. */
  readonly logger: Logger;
  /** Every open link, for dispose. */
  readonly links: Set<ChatLink>;
  /** Starts a customer session; returns its frame handler. */
  customer(link: ChatLink, hello: CustomerHello): (data: string) => void;
  /** Starts an agent session; resolves to its frame handler, or `undefined` when refused. */
  agent(link: ChatLink, hello: AgentHello): Promise<((data: string) => void) | undefined>;
}

const anyHello = z.object({ type: z.literal('hello') });

/**
 * Takes every link of `transport`: refuses oversized frames, requires `hello` first (in the
 * protocol version this build speaks), then hands the link's frames to its session. A handler
 * that throws is logged; the link and the gateway go on.
 */
export function acceptLinks(transport: ChatServerTransport, options: AcceptOptions): Unsubscribe {
  return transport.onConnection((link) => {
    options.links.add(link);
    let session: ((data: string) => void) | undefined;
    let opening = false;
    link.onClose(() => options.links.delete(link));
    const open = (data: string) => {
      const decoded = decodeFrame(helloSchema, data);
      if (!decoded.ok) {
        const isHello = decodeFrame(anyHello, data).ok;
        problemFrame(
          link,
          isHello ? decoded.problem : refusal('HELLO_REQUIRED', 'Say hello first.'),
        );
        return;
      }
      const hello = decoded.value;
      if (hello.v !== chatProtocolVersion) {
        const message = `This gateway speaks version ${chatProtocolVersion}.`;
        problemFrame(link, refusal('VERSION_UNSUPPORTED', message));
        link.close();
        return;
      }
      if (hello.role === 'customer') {
        session = options.customer(link, hello);
        return;
      }
      opening = true; // frames sent before the agent is authorised are dropped
      options.agent(link, hello).then(
        (handler) => {
          session = handler;
        },
        (error: unknown) => {
          options.logger.error('Authorising a chat agent failed', { error });
          link.close();
        },
      );
    };
    link.onMessage((data) => {
      try {
        if (data.length > options.maxFrameLength) {
          const message = `Frames are limited to ${options.maxFrameLength} characters.`;
          problemFrame(link, refusal('FRAME_TOO_LARGE', message));
        } else if (session) session(data);
        else if (!opening) open(data);
      } catch (error) {
        options.logger.error('The chat gateway failed on a frame', { error });
      }
    });
  });
}
