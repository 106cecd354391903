// A serial console behind a WebSocket (websockify, ttyd and alike), on the platform's
// WebSocket or `ws` (wire/choose.ts).
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
import { isPeerCloseQuirk, mapCloseCode, mapUpgradeRefused, mapWsError, type CloseContext } from './close-codes.js';
import type { Framing, OutgoingFrame } from './framings/framing.js';
import { resolveFraming } from './framings/index.js';
import { DEFAULTS, type WebSocketSerialOptions } from './options.js';
import { buildUrl } from './url.js';
import { chooseImplementation, type Chosen } from './wire/choose.js';
import type { DialRequest, Wire } from './wire/wire.js';

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
  private readonly chosen: Chosen;
  private wire: Wire | undefined;
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
    this.chosen = chooseImplementation(options);
    this.capabilities = Object.freeze({
      protocolAuth: false,
      banner: false,
      remoteVersion: false,
      windowSize: this.framing.windowSize && typeof this.framing.encodeResize === 'function',
      keepalive: this.keepaliveInterval > 0 && this.chosen.canPing,
      binarySafe: this.framing.binarySafe,
      peerClose: true,
    });
    this.defaultPort = this.framing.defaultPort ?? (options.secure ? 443 : 80);
  }

  protected override async _open(session: TransportSession): Promise<void> {
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
    const request: DialRequest = {
      url,
      subprotocols: this.options.subprotocols ?? [...this.framing.subprotocols],
      headers: { ...(this.options.headers ?? {}) },
      tls: this.options.tls ?? {},
      maxPayload: this.options.maxPayload ?? DEFAULTS.maxPayload,
    };
    const dialer = await this.chosen.dialer();
    // The connect may have timed out or been aborted while ws was loading.
    if (this.closingOrClosed) throw new ConnectionError('closed', `The connection to ${session.host}:${session.port} was closed while it was being set up.`, { host: session.host });
    this.debug(1, `opening ${url.protocol}//${url.host}${url.pathname} (framing ${this.framing.name}, ${this.chosen.implementation} WebSocket)`);

    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let opened = false;
      const fail = (err: NetxError): void => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      const wire = dialer(request, {
        refused: (status) => fail(mapUpgradeRefused(status, context)),
        upgraded: (server) => {
          if (server) this.debug(2, `upgraded by ${server}`);
        },
        open: (protocol) => {
          if (settled) return;
          settled = true;
          opened = true;
          this.debug(1, `open${protocol ? ` (sub-protocol ${protocol})` : ''}`);
          this.started(session, wire);
          resolve();
        },
        message: (data, isBinary) => {
          this.peerAlive(); // control messages carry no data but show the peer is there
          this.onMessage(data, isBinary);
        },
        pong: () => {
          this.keepaliveAnswered();
          this.debug(5, 'pong');
        },
        ping: () => {
          this.peerAlive();
          this.debug(5, 'ping from the server');
        },
        error: (err) => {
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
        },
        close: (code, text) => {
          if (!opened) {
            fail(
              mapCloseCode(code, text, context, { opening: true, implementation: wire.implementation }) ??
                new ConnectionError('closed', `${context.host}:${context.port} closed the WebSocket during the upgrade (code ${code}).`, { host: context.host }),
            );
            return;
          }
          if (this.closingOrClosed) return;
          this.debug(1, `closed by the peer (code ${code}${text ? `, ${text}` : ''})`);
          this.end(mapCloseCode(code, text, context));
        },
      });
      this.wire = wire;
    });
  }

  /** The connection is open: the framing's first messages, the wake-up bytes, keepalive. */
  private started(session: TransportSession, wire: Wire): void {
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
    if (!this.chosen.canPing) {
      if (this.keepaliveInterval > 0) this.debug(2, 'keepalive off: the platform WebSocket cannot send pings');
      return;
    }
    this.startKeepalive(
      { interval: this.keepaliveInterval, countMax: this.keepaliveCountMax },
      { what: 'WebSocket ping', ping: () => wire.state() === 'open' && wire.ping() },
    );
  }

  protected override async _write(bytes: Uint8Array): Promise<void> {
    const wire = this.wire;
    if (!wire || wire.state() !== 'open') {
      throw new ConnectionError('closed', `The WebSocket to ${this.context?.host ?? 'the console'} is not open; connect again with a new transport.`);
    }
    await wire.send(this.framing.encodeInput(bytes));
  }

  protected override _resize(columns: number, rows: number): void {
    if (!this.framing.encodeResize) return;
    this.debug(2, `resize ${columns}x${rows}`);
    this.sendFrame(this.framing.encodeResize(columns, rows));
  }

  protected override async _close(force: boolean): Promise<void> {
    const wire = this.wire;
    if (!wire || wire.state() === 'closed') return;
    if (force || wire.state() === 'connecting') {
      wire.terminate();
      return;
    }
    // Always send 1000: websockify echoes a code-less close as the invalid code 1005.
    if (wire.state() === 'open') wire.close(1000, 'netx closing');
    const clock = this.clock;
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(() => {
        this.debug(1, `no close frame from the peer within ${this.closeTimeout} ms; dropping the socket`);
        wire.terminate();
        resolve();
      }, this.closeTimeout);
      wire.onceClosed(() => {
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

  private onMessage(data: Uint8Array, isBinary: boolean): void {
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
    const wire = this.wire;
    if (!wire || wire.state() !== 'open') return;
    wire.send(frame).catch((err: unknown) => this.debug(2, `send failed: ${err instanceof Error ? err.message : String(err)}`));
  }
}
