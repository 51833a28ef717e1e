// The public API of @switchboard/softphone: named exports only, no sip.js type.

export { createSoftphone } from './createSoftphone';
export type { KeepAliveOptions, ReconnectOptions, SoftphoneOptions } from './softphoneOptions';
export type { RecordingAction, RecordingControlOptions } from './softphoneOptions';
export type { CallOptions, Softphone, SoftphoneEvents, SoftphoneSnapshot } from './softphoneTypes';
export type { Conference } from './softphoneTypes';
export type { AnswerOptions, PauseRecordingOptions, TransferResult } from './call';
export type {
  Call,
  CallEndReason,
  CallParty,
  CallSnapshot,
  CallStatus,
  RejectOptions,
} from './call';
export type { RegistrationFailure, RegistrationState } from './core/registrationMachine';
export { isSoftphoneError, SoftphoneError, softphoneErrorCodes } from './errors';
export type { SoftphoneErrorCode, SoftphoneErrorOptions, SoftphoneIssue } from './errors';
export type {
  CallMedia,
  IceServer,
  MediaContext,
  MediaDescriptionOptions,
  MediaFactory,
  MediaStatsSample,
} from './media/callMedia';
export { createStaticMedia } from './media/staticMedia';
export { createWebRtcMedia } from './media/webRtcMedia';
export type { WebRtcMediaOptions } from './media/webRtcMedia';
export type { StaticMediaOptions } from './media/staticMedia';
export type { WebSocketConstructor } from './sip/webSocketTransport';
export type { DialogStorage } from './sip/dialogMemory';
export { createDeviceManager } from './web/devices';
export { createSharedSoftphone } from './tabs/createSharedSoftphone';
export type {
  SharedSoftphone,
  SharedSoftphoneOptions,
  TabChannel,
  TabLockRequest,
  TabLocks,
  TabMessageEvent,
  TabOptions,
  TabRole,
} from './tabs/sharedSoftphoneTypes';
export type {
  AudioDevice,
  DeviceEvents,
  DeviceManager,
  DeviceManagerOptions,
  DeviceSnapshot,
  ListedDevice,
  MediaDevicesPort,
} from './web/devices';
export type { WakeEventTarget, WakeOptions, WakeReason } from './web/wakeWatcher';
export { bindSoftphone } from './bindSoftphone';
export type { BindSoftphoneOptions, SoftphoneBinding } from './bindSoftphone';
export type { DeskTransferTarget, TransferMapping } from './binding/transferMirror';
