// The Wire port: one WebSocket connection as the transport needs it, whichever
// implementation carries it — the `ws` package (Node: headers, TLS options, pings,
// the HTTP status of a refused upgrade) or the platform's WebSocket (browsers, workers,
// Node 22+), which the transport reaches through the same few calls.
import type { OutgoingFrame } from '../framings/framing.js';
import type { WebSocketTlsOptions } from '../options.js';

export type WireState = 'connecting' | 'open' | 'closing' | 'closed';

/** What the transport hears from the connection. */
export interface WireHandlers {
  /** The upgrade succeeded; `protocol` is the sub-protocol the server chose ('' for none). */
  open(protocol: string): void;
  /** One message: binary frames as they are, text frames as their UTF-8 bytes. */
  message(data: Uint8Array, isBinary: boolean): void;
  /** The answer to our ping (ws only). */
  pong(): void;
  /** The server pinged us (ws only; the platform socket answers unseen). */
  ping(): void;
  /** The server answered the upgrade with this HTTP status instead (ws only). */
  refused(status: number): void;
  /** The upgrade went through; the server's `Server` header, for debug lines (ws only). */
  upgraded(server: string | undefined): void;
  /** A failure with its cause (ws only; the platform socket gives no reason, only `close`). */
  error(err: Error): void;
  close(code: number, reason: string): void;
}

/** What the transport asks of the connection. */
export interface Wire {
  /** Which implementation carries it, for debug lines. */
  readonly implementation: 'ws' | 'platform';
  state(): WireState;
  /** Resolves once the frame is handed to the socket. */
  send(frame: OutgoingFrame): Promise<void>;
  /** A WebSocket ping (only where `canPing`). */
  ping(): void;
  close(code: number, reason: string): void;
  /** Drops the connection without waiting for the peer. */
  terminate(): void;
  /** Calls `fn` once the connection is closed (at once if it is). */
  onceClosed(fn: () => void): void;
}

/** Everything one connection attempt needs. */
export interface DialRequest {
  url: URL;
  subprotocols: string[];
  headers: Record<string, string>;
  tls: WebSocketTlsOptions;
  maxPayload: number;
}

export type Dialer = (request: DialRequest, handlers: WireHandlers) => Wire;

const STATES: readonly WireState[] = ['connecting', 'open', 'closing', 'closed'];

/** A WebSocket readyState number (the same in both implementations) as a WireState. */
export function wireState(readyState: number): WireState {
  return STATES[readyState] ?? 'closed';
}
