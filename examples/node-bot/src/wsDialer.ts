// Node 20 has no global WebSocket: the chat dialer gets the `ws` package's. Its handler types
// (`(event: Event) => void`) are narrower than the dialer's `WebSocketLike` (`unknown` events),
// hence the cast; the dialer only reads `data` from message events, which `ws` provides.
import {
  fromWebSocketUrl,
  type ChatDialer,
  type WebSocketConstructor,
} from '@switchboard/plugin-chat/client';
import { WebSocket } from 'ws';

/** A chat dialer to the gateway at `url` over `ws`. */
export const dialChat = (url: string): ChatDialer =>
  fromWebSocketUrl(url, { WebSocket: WebSocket as unknown as WebSocketConstructor });
