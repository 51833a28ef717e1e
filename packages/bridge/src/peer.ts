// @switchboard/bridge/peer: what a plugin frame or a CRM page loads to talk to a desk.
export { acceptBridge } from './acceptBridge';
export type { AcceptBridgeOptions, BridgePeer, HandshakeTarget } from './acceptBridge';
export type { DropReason } from './signedChannel';
