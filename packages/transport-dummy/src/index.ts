// @netx/transport-dummy: in-process virtual devices for tests and demos.
export { DummyTransport, type DummyTransportOptions, type ProtocolLogin, type WindowSize } from './dummy-transport.js';
export { VirtualDevice } from './virtual-device.js';
export { RawDevice, RawConnection, type RawDeviceOptions } from './raw-device.js';
export { authorizeHandler } from './authorize.js';
export type { DeviceSessionState } from './device-session.js';
export type { DeviceLink, PeerSession, TerminalInfo, VirtualPeer } from './peer.js';
export type {
  CommandContext,
  CommandResponse,
  CommandTable,
  DeviceAccount,
  EnableOptions,
  LoginOptions,
  LoginStyle,
  PagerAction,
  PagerOptions,
  PagerState,
  PromptInfo,
  PromptSpec,
  VirtualDeviceOptions,
} from './types.js';
export * from './profiles/index.js';
