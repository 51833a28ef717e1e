// @switchboard/core/client: a desk whose centre runs elsewhere, without the embedded centre.
export { connectDesk } from './connectDesk';
export type { ConnectDeskOptions, ConnectionStatus, RemoteDesk } from './connectDesk';
export { fromWebSocket } from '../protocol/webSocketTransport';
export type { WebSocketLike } from '../protocol/webSocketTransport';
export { protocolVersion } from '../protocol/messages';
export type { ClientMessage, ServerMessage, Transport } from '../protocol/messages';
export type { DeskControls } from '../desk/deskControls';
export type { ChannelActivity, ChannelLoad, DeskSnapshot } from '../desk/deskSnapshot';
export { isSwitchboardError, SwitchboardError } from '../errors';
export type { ErrorCode } from '../errors';
