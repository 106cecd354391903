// What a transport package hands to the kit: its test runner's functions and a target.
import type { Account, Transport, TransportCapabilities, TransportSession } from '@netx/core';
import type { ExpectStatic } from 'vitest';
import type { StartedPeer } from '../peer.js';
import type { SilentPeer } from '../silent-peer.js';
import type { TestId } from './test-ids.js';

type TestBody = () => Promise<void>;

/** A test-registering function with vitest's shape; `skip` is used when present. */
export interface KitIt {
  (name: string, fn: TestBody, timeout?: number): void;
  skip?: (name: string, fn: TestBody, timeout?: number) => void;
}

/** The runner's functions, injected so the kit never imports a runner of its own. */
export interface KitApi {
  describe: (name: string, fn: () => void) => void;
  it: KitIt;
  expect: ExpectStatic;
  beforeAll: (fn: () => Promise<unknown> | unknown, timeout?: number) => void;
  afterAll: (fn: () => Promise<unknown> | unknown, timeout?: number) => void;
}

/** TransportSession fields a target may set; the kit owns host, port, signal and the callbacks. */
export type SessionOptions = Partial<
  Pick<TransportSession, 'connectTimeout' | 'termType' | 'columns' | 'rows' | 'verifyFingerprint' | 'clock'>
>;

export interface TransportTarget<T extends Transport = Transport> {
  /** Shown in test titles ('ssh', 'telnet', ...). */
  name: string;
  /**
   * A fresh transport, not connected. Called once per test and by the capability check
   * (`capabilities.pinned`): no I/O here, and the peer may not be started yet.
   */
  createTransport: () => T;
  /**
   * The capabilities the transport must declare, pinned here by the test file. The kit skips by
   * these, never by what the transport says, and `[capabilities.pinned]` fails when the two
   * differ: a flipped flag fails the run instead of quietly turning tests into skips.
   */
  expectedCapabilities: TransportCapabilities;
  /** Starts the far side; called once before the group's tests (beforeAll), stopped afterwards. */
  startPeer: () => Promise<StartedPeer>;
  /** A far side that accepts and never speaks, for the connect-timeout and abort tests. Default: startSilentPeer(). */
  startSilentPeer?: () => Promise<SilentPeer>;
  /** How the kit gets a transport with keepalive on; required where capabilities.keepalive. */
  keepalive?: {
    /** A fresh transport pinging after `interval` ms of silence, ending after `countMax` unanswered pings. */
    createTransport: (settings: { interval: number; countMax: number }) => T;
    /**
     * Bytes the device side writes to answer one ping, where the answer rides in the device's
     * byte stream (telnet to a direct TCP peer: IAC WILL TIMING-MARK). Omit where the server
     * answers by itself (sshd, a WebSocket server's pong).
     */
    deviceAnswer?: Uint8Array;
  };
  /** The account protocolAuthenticate() uses; required where capabilities.protocolAuth. */
  account?: Account;
  /** An account the server must refuse. Default: `account.name` with a password nobody has. */
  badAccount?: Account;
  /** Answers keyboard-interactive one-time-password prompts. Default: fail the test saying so. */
  requestOtp?: (prompt: string) => Promise<string>;
  /**
   * The server writes bytes of its own before the relay starts (busybox telnetd's "\r\n",
   * an issue file, a MOTD). When true, the device side sends a printable marker on every new
   * connection and the kit drops what the client received up to and including it, so the
   * byte-exact device -> client tests still run. Default false.
   */
  serverPreamble?: boolean;
  /** Merged into every TransportSession the kit builds. */
  sessionOptions?: SessionOptions;
  /**
   * Per-test escape hatch, keyed by stable id, with the reason. An id the kit does not
   * know fails the suite, so stale entries cannot linger; `capabilities.pinned` cannot be
   * skipped. Prefer capabilities.
   */
  skip?: Partial<Record<TestId, string>>;
  /** Bound, in ms, on each single wait (connect, a read, a close). Default 10 000. */
  waitMs?: number;
  /** Runner timeout per test, in ms. Default 60 000 (kept above waitMs so the kit's message wins). */
  testTimeoutMs?: number;
  /** Size of the large-payload tests. Default 1 MiB. */
  largePayloadBytes?: number;
}
