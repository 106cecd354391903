// Options of WebSocketSerialTransport, with their defaults.
import type { Framing } from './framings/framing.js';
import type { FramingName } from './framings/index.js';
import type { WebSocketConstructor } from './wire/web-wire.js';

/**
 * Which WebSocket carries the connection: 'auto' (the platform's when the runtime has one
 * and no option needs ws, else ws), 'platform' (globalThis.WebSocket), 'ws' (the ws
 * package, Node), or a WHATWG-style WebSocket class.
 */
export type WebSocketImplementation = 'auto' | 'platform' | 'ws' | WebSocketConstructor;

export interface WebSocketTlsOptions {
  /** CA certificate(s) to trust (PEM), e.g. a console server's self-signed certificate. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate (PEM), for servers that want one. */
  cert?: string | Buffer;
  /** Client private key (PEM). */
  key?: string | Buffer;
  /** Verify the server certificate; default true. */
  rejectUnauthorized?: boolean;
  /** Name to check the certificate against (SNI); default the host. */
  servername?: string;
}

export interface WebSocketSerialOptions {
  /** Path and query of the endpoint, e.g. '/ws?token=abc'; default the framing's ('/' raw, '/ws' ttyd). */
  path?: string;
  /** 'raw' (websockify, default), 'ttyd', or your own Framing. */
  framing?: FramingName | Framing;
  /** wss:// instead of ws://; default false. */
  secure?: boolean;
  /** Extra HTTP headers on the upgrade request (Authorization, cookies). ws only: browsers cannot set them. */
  headers?: Record<string, string>;
  /** TLS settings for wss://. ws only: a browser uses its own trust store. */
  tls?: WebSocketTlsOptions;
  /** Sub-protocols to request instead of the framing's (e.g. ['binary'] for old websockify). */
  subprotocols?: string[];
  /** In-band token for framings that carry one (ttyd AuthToken); default ''. */
  authToken?: string;
  /**
   * Bytes sent right after connecting, because a serial line often prints nothing until poked.
   * true sends '\r'. Default false (nothing).
   */
  wakeUp?: boolean | string | Uint8Array;
  /**
   * Milliseconds of silence from the peer before a keepalive ping; 0 turns keepalive off. Default 15_000.
   * Pings need ws: on the platform's WebSocket keepalive is off (capabilities.keepalive false).
   */
  keepaliveInterval?: number;
  /**
   * Pings in a row with nothing from the peer (no pong, no message) after which the session ends
   * with TimeoutError (`operation: 'keepalive'`). Default 3. The same name as SSH's and telnet's.
   */
  keepaliveCountMax?: number;
  /** @deprecated Use `keepaliveCountMax` (same meaning); used only when keepaliveCountMax is not given. */
  keepaliveMaxMissed?: number;
  /** How long close() waits for the peer's close frame before dropping the socket. Default 2_000. */
  closeTimeout?: number;
  /** Largest message accepted from the server, in bytes. Default 16 MiB. ws only. */
  maxPayload?: number;
  /** The WebSocket implementation; default 'auto'. See WebSocketImplementation. */
  webSocket?: WebSocketImplementation;
}

export const DEFAULTS = {
  keepaliveInterval: 15_000,
  keepaliveCountMax: 3,
  closeTimeout: 2_000,
  maxPayload: 16 * 1024 * 1024,
} as const;
