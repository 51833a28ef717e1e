// @switchboard/plugin-chat/node: the gateway's transport over the `ws` package's server.

export { fromWsServer } from './transport/wsServer';
