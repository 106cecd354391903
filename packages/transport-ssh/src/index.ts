// @netx/transport-ssh public API.
export { SshTransport } from './ssh-transport.js';
export type { SshTransportOptions, JumpHost, HostKeyPolicy } from './options.js';
export { LEGACY_ALGORITHMS, defaultKnownHostsPath } from './options.js';
export {
  parseKnownHosts,
  lookupHostKey,
  hostFieldMatches,
  knownHostsName,
  formatKnownHostsLine,
  sha256Fingerprint,
  keyBlobType,
  type KnownHostsEntry,
  type KnownHostsMarker,
  type HostKeyLookup,
  type ParsedKnownHosts,
} from './known-hosts.js';
export { classifyPrompt, type PromptKind } from './keyboard-interactive.js';
