// What a link (the in-process DummyTransport, or a simulator's SSH, Telnet or
// WebSocket server) connects to. A VirtualPeer is the far side of a connection:
// VirtualDevice (a scripted CLI) and RawDevice (bytes controlled by a test) both
// implement it, and so can a family's own simulator.
import type { Clock, NetxError } from '@netx/core';
import type { SessionOptions } from './types.js';

/** The terminal the client asked for (from the TransportSession). */
export interface TerminalInfo {
  readonly type: string;
  readonly columns: number;
  readonly rows: number;
}

/** The device's handle on one connection: everything it sends goes through here. */
export interface DeviceLink {
  readonly host: string;
  readonly port: number;
  /** The client's clock (TransportSession.clock): every device delay must use it. */
  readonly clock: Clock;
  readonly terminal: TerminalInfo;
  /** Device -> client. Delivered in order, each call as its own chunk, on a later event-loop turn (like a socket). */
  send(bytes: Uint8Array): void;
  /** The device hangs up cleanly; output sent before is delivered first. */
  close(): void;
  /** The connection breaks with an error (after pending output). */
  fail(error: NetxError): void;
  /** Resolves once everything sent so far reached the client (or the connection ended). */
  whenDelivered(): Promise<void>;
}

/** The device side of one open connection, as the transport drives it. */
export interface PeerSession {
  /** Client -> device bytes, in order. */
  receive(bytes: Uint8Array): void;
  /** The client changed the window size. */
  resize?(columns: number, rows: number): void;
  /** The client told its terminal type after the connection opened (Telnet TTYPE). */
  terminalType?(type: string): void;
  /** The client closed the connection (or it ended). Idempotent. */
  clientClosed(): void;
}

export interface VirtualPeer {
  /** SSH-style server identification string for getRemoteVersion() (OS guessing), if any. */
  readonly remoteVersion?: string | undefined;
  /** SSH-style pre-login banner for getBanner(), if any. */
  readonly protocolBanner?: string | undefined;
  /** Milliseconds (on the session clock) before the connection is accepted; Infinity never accepts. */
  readonly connectDelay?: number | undefined;
  /** A new connection arrived; `options` say what the link already did (authentication) or wants (one command). */
  open(link: DeviceLink, options?: SessionOptions): PeerSession;
}
