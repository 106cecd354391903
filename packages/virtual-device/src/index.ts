// @netx/virtual-device: the virtual network device model (login, prompts, modes,
// pager, command tables) and its profiles, with no transport attached. A
// transport or server hands each connection to VirtualPeer.open() as a DeviceLink.
export { VirtualDevice } from './virtual-device.js';
export { RawDevice, RawConnection, type RawDeviceOptions } from './raw-device.js';
export { authorizeHandler } from './authorize.js';
export { normalizeCommand } from './command-table.js';
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
  SessionOptions,
  VirtualDeviceOptions,
} from './types.js';
export * from './profiles/index.js';
