// The Transport port. A transport moves bytes between a Protocol and a device;
// it knows nothing of prompts or logins above the protocol level.
import type { Account } from '../account.js';
import type { NetxError } from '../errors.js';
import type { Clock } from './clock.js';

/** What an adapter can do. The engine and the test kits read this; nobody skips by name. */
export interface TransportCapabilities {
  /** The protocol itself authenticates (SSH): protocolAuthenticate() must run before data flows. */
  readonly protocolAuth: boolean;
  /** getBanner() can return a pre-login banner from the protocol (SSH auth banner). */
  readonly banner: boolean;
  /** getRemoteVersion() can return the server's identification string (SSH). */
  readonly remoteVersion: boolean;
  /** resize() reaches the remote side (SSH window-change, telnet NAWS, ttyd resize). */
  readonly windowSize: boolean;
  /** The adapter can detect a dead peer with keepalives. */
  readonly keepalive: boolean;
  /** Every byte value 0..255 travels unchanged in both directions. */
  readonly binarySafe: boolean;
  /** The adapter can tell a clean close by the peer from a failure. */
  readonly peerClose: boolean;
}

/** Debug verbosity, 0 (silent) to 5 (every byte). */
export type DebugLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** Everything a transport needs from the Protocol for one connection. */
export interface TransportSession {
  readonly host: string;
  readonly port: number;
  readonly connectTimeout: number;
  /** How long to wait for the protocol banner/greeting (SSH), in ms; the Protocol passes its bannerTimeout. */
  readonly bannerTimeout?: number;
  readonly termType: string;
  readonly columns: number;
  readonly rows: number;
  readonly verifyFingerprint: boolean;
  readonly clock: Clock;
  /** Aborts the connect attempt. */
  readonly signal?: AbortSignal;
  /** Debug line at a level; the Protocol filters and forwards it. Never pass secrets. */
  debug(level: DebugLevel, message: string): void;
  /** False when debug() drops lines of this level: skip building them (e.g. a per-packet trace). Absent = assume true. */
  debugEnabled?(level: DebugLevel): boolean;
  /** Bytes received from the device, in order. Called only between connect and close. */
  onData(bytes: Uint8Array): void;
  /** The stream ended: `error` undefined for a clean close by the peer. Called at most once. */
  onClose(error?: NetxError): void;
}

/** What protocolAuthenticate() may ask the Protocol for while the server asks questions. */
export interface ProtocolAuthContext {
  readonly clock: Clock;
  debug(level: DebugLevel, message: string): void;
  /**
   * The server asked for a one-time password or passcode (keyboard-interactive).
   * The Protocol answers via the `otpRequested` listeners / AccountFactory.
   */
  requestOtp(prompt: string): Promise<string>;
}

/** The Transport port. Adapters usually extend AbstractTransport rather than implement this by hand. */
export interface Transport {
  /** Short name for messages and debug lines ('ssh', 'telnet', 'websocket-serial', 'dummy'). */
  readonly kind: string;
  readonly capabilities: TransportCapabilities;
  readonly defaultPort: number;
  /** Connects (TCP, key exchange, host key check, negotiation). Needs no credentials. */
  connect(session: TransportSession): Promise<void>;
  /** Protocol-level login where the protocol has one; absent or a no-op otherwise. */
  protocolAuthenticate?(account: Account, context: ProtocolAuthContext): Promise<void>;
  isProtocolAuthenticated(): boolean;
  /** Sends bytes to the device as they are. */
  write(bytes: Uint8Array): Promise<void>;
  /** Tells the remote side the window size, where `capabilities.windowSize`. */
  resize?(columns: number, rows: number): void;
  getBanner(): string | undefined;
  getRemoteVersion(): string | undefined;
  /** True for in-process virtual devices. */
  isDummy(): boolean;
  /** Closes; `force` tears down now without a polite goodbye. Idempotent. */
  close(force?: boolean): Promise<void>;
}

export function hasProtocolAuth(t: Transport): t is Transport & Required<Pick<Transport, 'protocolAuthenticate'>> {
  return t.capabilities.protocolAuth && typeof t.protocolAuthenticate === 'function';
}
