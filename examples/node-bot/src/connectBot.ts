// The bot against a server centre: its desk over the desk protocol (`connectDesk`), its chats
// over the chat gateway's WebSocket. A remote desk hosts no plugins, so the bot hosts the chat
// plugin itself with the core's `createPluginHost`, reading the remote desk's state.
import {
  createActionRegistry,
  createEventBus,
  createPluginHost,
  SwitchboardError,
  type SwitchboardEvents,
} from '@switchboard/core';
import { connectDesk, fromWebSocket, type RemoteDesk } from '@switchboard/core/client';
import type { ClientMessage, ServerMessage } from '@switchboard/core/client';
import { chat } from '@switchboard/plugin-chat';
import { WebSocket } from 'ws';
import { dialChat } from './wsDialer';
import { createBot, type Bot } from './createBot';
import { botAgent, humanQueueId } from './shop';

/** Options of {@link connectBot}. */
export interface ConnectBotOptions {
  /** The centre's desk-protocol WebSocket, e.g. `ws://127.0.0.1:8787/desk`. */
  readonly deskUrl: string;
  /** The chat gateway's WebSocket, e.g. `ws://127.0.0.1:8787/chat`. */
  readonly chatUrl: string;
  /** The bot's agent id on the centre's roster. Default `bot`. */
  readonly agentId?: string;
  /** Where it hands chats off. Default `support`. */
  readonly handoffQueueId?: string;
  /** One line per thing the bot does. */
  readonly log?: (line: string) => void;
}

/** A bot logged in to a server centre. */
export interface ConnectedBot {
  /** Its remote desk. */
  readonly desk: RemoteDesk;
  /** The bot. */
  readonly bot: Bot;
  /** Stops the bot, unloads the chat plugin and closes the connection. */
  stop(): Promise<void>;
}

/** Connects, loads the chat plugin, logs in and starts the bot. */
export async function connectBot(options: ConnectBotOptions): Promise<ConnectedBot> {
  // #region connect
  const desk = await connectDesk({
    agentId: options.agentId ?? botAgent.id,
    connect: () => fromWebSocket<ClientMessage, ServerMessage>(new WebSocket(options.deskUrl)),
  });
  const plugins = createPluginHost({
    events: createEventBus<SwitchboardEvents>(),
    actions: createActionRegistry(),
    state: desk,
  });
  const close = async () => {
    await plugins.dispose();
    await desk.dispose();
  };
  const [report] = await plugins.load([
    { plugin: chat, config: { connect: dialChat(options.chatUrl) } },
  ]);
  if (report?.state !== 'ready') {
    await close();
    throw (
      report?.error ?? new SwitchboardError('PLUGIN_SETUP_FAILED', 'The chat plugin did not load.')
    );
  }
  await desk.login();
  // #endregion connect
  const bot = createBot({
    desk,
    chat: plugins.api('chat'),
    handoffQueueId: options.handoffQueueId ?? humanQueueId,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    desk,
    bot,
    async stop() {
      bot.dispose();
      await close();
    },
  };
}
