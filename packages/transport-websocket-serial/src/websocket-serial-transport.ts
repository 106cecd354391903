// A serial console behind a WebSocket (websockify, ttyd and alike), on `ws`.
// The framing decides how bytes and control messages ride in frames; this
// class does the connection: URL, TLS, headers, keepalive, close codes.
import {
  AbstractTransport,
  ConnectionError,
  isNetxError,
  type NetxError,
  type TransportCapabilities,
  type TransportSession,
} from '@netx/core';
import WebSocket from 'ws';
import { isPeerCloseQuirk, mapCloseCode, mapUpgradeRefused, mapWsError, type CloseContext } from './close-codes.js';
import type { Framing, OutgoingFrame } from './framings/framing.js';
import { resolveFraming } from './framings/index.js';
import { DEFAULTS, type WebSocketSerialOptions } from './options.js';
import { buildUrl } from './url.js';

const encoder = new TextEncoder();

function wakeUpBytes(wakeUp: WebSocketSerialOptions['wakeUp']): Uint8Array | undefined {
  if (wakeUp === undefined || wakeUp === false) return undefined;
  if (wakeUp === true) return encoder.encode('\r');
  const bytes = typeof wakeUp === 'string' ? encoder.encode(wakeUp) : wakeUp;
  return bytes.length > 0 ? bytes : undefined;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new TypeError(`WebSocketSerialTransport: ${name} must be a number >= 0, got ${String(value)}.`);
  }
  return value;
}

export class WebSocketSerialTransport extends AbstractTransport {
  readonly kind = 'websocket-serial';
  readonly capabilities: TransportCapabilities;
  readonly defaultPort: number;
  readonly framing: Framing;

  private readonly options: WebSocketSerialOptions;
  private readonly keepaliveInterval: number;
  private readonly keepaliveCountMax: number;
  private readonly closeTimeout: number;
  private ws: WebSocket | undefined;
  private context: (CloseContext & { path: string }) | undefined;

  constructor(options: WebSocketSerialOptions = {}) {
    super();
    this.options = { ...options };
    this.framing = resolveFraming(options.framing);
    this.keepaliveInterval = nonNegative('keepaliveInterval', options.keepaliveInterval, DEFAULTS.keepaliveInterval);
    // keepaliveMaxMissed: the old name, still read when keepaliveCountMax is not given.
    const countName = options.keepaliveCountMax === undefined && options.keepaliveMaxMissed !== undefined ? 'keepaliveMaxMissed' : 'keepaliveCountMax';
    this.keepaliveCountMax = nonNegative(countName, options.keepaliveCountMax ?? options.keepaliveMaxMissed, DEFAULTS.keepaliveCountMax);
    if (this.keepaliveCountMax < 1) throw new TypeError(`WebSocketSerialTransport: ${countName} must be at least 1.`);
    this.closeTimeout = nonNegative('closeTimeout', options.closeTimeout, DEFAULTS.closeTimeout);
    if (options.headers !== undefined && (typeof options.headers !== 'object' || options.headers === null)) {
      throw new TypeError('WebSocketSerialTransport: headers must be an object of header names to values.');
    }
    this.capabilities = Object.freeze({
      protocolAuth: false,
      banner: false,
      remoteVersion: false,
      windowSize: this.framing.windowSize && typeof this.framing.encodeResize === 'function',
      keepalive: this.keepaliveInterval > 0,
      binarySafe: this.framing.binarySafe,
      peerClose: true,
    });
    this.defaultPort = this.framing.defaultPort ?? (options.secure ? 443 : 80);
  }

  protected override _open(session: TransportSession): Promise<void> {
    const path = this.options.path ?? this.framing.defaultPath;
    const url = buildUrl(session.host, session.port, this.options.secure ?? false, path);
    const context = {
      host: session.host,
      port: session.port,
      framing: this.framing.name,
      policyCloseMeansAuth: this.framing.policyCloseMeansAuth,
      path: url.pathname,
    };
    this.context = context;
    const tls = this.options.tls ?? {};
    const subprotocols = this.options.subprotocols ?? [...this.framing.subprotocols];
    this.debug(1, `opening ${url.protocol}//${url.host}${url.pathname} (framing ${this.framing.name})`);

    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let opened = false;
      const fail = (err: NetxError): void => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      const ws = new WebSocket(url, subprotocols, {
        headers: { ...(this.options.headers ?? {}) },
        perMessageDeflate: false,
        followRedirects: false,
        maxPayload: this.options.maxPayload ?? DEFAULTS.maxPayload,
        ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
        ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
        ...(tls.key !== undefined ? { key: tls.key } : {}),
        ...(tls.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
        ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
      });
      ws.binaryType = 'nodebuffer';
      this.ws = ws;

      ws.on('unexpected-response', (req, res) => {
        res.resume();
        req.destroy();
        fail(mapUpgradeRefused(res.statusCode ?? 0, context));
      });
      ws.on('upgrade', (res) => {
        const server = res.headers.server;
        if (server) this.debug(2, `upgraded by ${server}`);
      });
      ws.on('open', () => {
        if (settled) return;
        settled = true;
        opened = true;
        this.debug(1, `open${ws.protocol ? ` (sub-protocol ${ws.protocol})` : ''}`);
        const opening = this.framing.open({
          columns: session.columns,
          rows: session.rows,
          termType: session.termType,
          ...(this.options.authToken !== undefined ? { authToken: this.options.authToken } : {}),
        });
        for (const frame of opening) this.sendFrame(frame);
        const wake = wakeUpBytes(this.options.wakeUp);
        if (wake) {
          this.debug(3, `wake-up: ${wake.length} byte(s)`);
          this.sendFrame(this.framing.encodeInput(wake));
        }
        this.startKeepalive(
          { interval: this.keepaliveInterval, countMax: this.keepaliveCountMax },
          { what: 'WebSocket ping', ping: () => ws.readyState === WebSocket.OPEN && ws.ping() },
        );
        resolve();
      });
      ws.on('message', (data, isBinary) => {
        this.peerAlive(); // control messages carry no data but show the peer is there
        this.onMessage(data as Buffer, isBinary);
      });
      ws.on('pong', () => {
        this.keepaliveAnswered();
        this.debug(5, 'pong');
      });
      ws.on('ping', () => {
        this.peerAlive();
        this.debug(5, 'ping from the server');
      });
      ws.on('error', (err) => {
        if (!opened) {
          fail(this.mapError(err, 'connect'));
          return;
        }
        if (this.closingOrClosed) {
          this.debug(2, `error while closing: ${err.message}`);
          return;
        }
        if (isPeerCloseQuirk(err)) {
          // websockify echoes a code-less close as 1005, which ws rejects: the peer closed.
          this.debug(1, 'closed by the peer (close code 1005)');
          this.end();
          return;
        }
        this.end(this.mapError(err, 'read'));
      });
      ws.on('close', (code, reason) => {
        const text = reason.toString('utf8');
        if (!opened) {
          fail(
            mapCloseCode(code, text, context) ??
              new ConnectionError('closed', `${context.host}:${context.port} closed the WebSocket during the upgrade (code ${code}).`, { host: context.host }),
          );
          return;
        }
        if (this.closingOrClosed) return;
        this.debug(1, `closed by the peer (code ${code}${text ? `, ${text}` : ''})`);
        this.end(mapCloseCode(code, text, context));
      });
    });
  }

  protected override async _write(bytes: Uint8Array): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      throw new ConnectionError('closed', `The WebSocket to ${this.context?.host ?? 'the console'} is not open; connect again with a new transport.`);
    }
    const frame = this.framing.encodeInput(bytes);
    await new Promise<void>((resolve, reject) => {
      ws.send(frame, { binary: typeof frame !== 'string' }, (err) => (err ? reject(err) : resolve()));
    });
  }

  protected override _resize(columns: number, rows: number): void {
    if (!this.framing.encodeResize) return;
    this.debug(2, `resize ${columns}x${rows}`);
    this.sendFrame(this.framing.encodeResize(columns, rows));
  }

  protected override async _close(force: boolean): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    if (force || ws.readyState === WebSocket.CONNECTING) {
      ws.terminate();
      return;
    }
    // Always send 1000: websockify echoes a code-less close as the invalid code 1005.
    if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'netx closing');
    const clock = this.clock;
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(() => {
        this.debug(1, `no close frame from the peer within ${this.closeTimeout} ms; dropping the socket`);
        ws.terminate();
        resolve();
      }, this.closeTimeout);
      ws.once('close', () => {
        clock.clearTimeout(timer);
        resolve();
      });
    });
  }

  protected override mapError(err: unknown, during: string): NetxError {
    if (isNetxError(err)) return err;
    const context = this.context ?? { host: '?', port: this.defaultPort, framing: this.framing.name, policyCloseMeansAuth: false };
    return mapWsError(err, during, context);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    let decoded;
    try {
      decoded = this.framing.decode(data, isBinary);
    } catch (err) {
      this.end(this.mapError(err, 'read'));
      return;
    }
    if (decoded.kind === 'data') {
      this.debug(5, `received ${decoded.bytes.length} byte(s)`);
      this.push(decoded.bytes);
    } else {
      this.debug(3, `ignored ${decoded.what} message`);
    }
  }

  /** Fire-and-forget send for control frames; a failure shows up as the socket's error/close. */
  private sendFrame(frame: OutgoingFrame): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(frame, { binary: typeof frame !== 'string' }, (err) => {
      if (err) this.debug(2, `send failed: ${err.message}`);
    });
  }
}
