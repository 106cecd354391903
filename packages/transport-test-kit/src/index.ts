// @netx/transport-test-kit: the contract every netx transport runs, plus the
// peers (relay hub, direct TCP, in-memory) those tests talk to.
export { startRelayHub, tcpPeer, relayScriptPath, type RelayHub } from './relay-hub.js';
export { SocketPeerConnection, type PeerConnection, type StartedPeer } from './peer.js';
export { DEFAULT_WAIT_MS, DeadlineError, withDeadline } from './deadline.js';
export { ALL_BYTE_VALUES, concatBytes, describeByteDifference, patternBytes } from './bytes.js';
export {
  createMemoryPeerPair,
  startMemoryPeer,
  type MemoryClientEnd,
  type MemoryPeer,
  type MemoryPeerPair,
} from './memory-peer.js';
export { startSilentPeer, closedPort, type SilentPeer } from './silent-peer.js';
export { startFreezeProxy, type FreezeProxy } from './freeze-proxy.js';
export { startTcpTap, liveResources, whenResourcesBackTo, type TcpTap } from './tcp-tap.js';
export { abortStepTests, abortWhenSeen, expectAbortedStep, type AbortedSession, type AbortStepTarget } from './abort-check.js';
export { createTextSession, type TextSession, type TextSessionInit } from './text-session.js';
export {
  transportContractSuite,
  lifecycleTests,
  ioTests,
  closeTests,
  errorMappingTests,
  timeoutTests,
  protocolAuthTests,
  resizeTests,
  keepaliveTests,
} from './suite/index.js';
export { TEST_GROUPS, TEST_IDS, type TestId, type TestGroupName } from './suite/test-ids.js';
export type { KitApi, KitIt, SessionOptions, TransportTarget } from './suite/types.js';
export { KitContext, type CapabilityGate, type OpenSession } from './suite/context.js';
export { SessionRecorder } from './suite/session-recorder.js';
