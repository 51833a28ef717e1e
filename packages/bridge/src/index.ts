// @switchboard/bridge: the desk side of the signed postMessage bridge.
export { defineBridgePlugin } from './bridgePlugin';
export type { BridgeApi, BridgePluginOptions, BridgeStatus, PeerWindow } from './bridgePlugin';
export type { DropReason, PortLike } from './signedChannel';
export { bridgeVersion } from './messages';
