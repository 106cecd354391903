// TelnetTransport: the Telnet adapter over node:net. All protocol work happens
// in the sans-IO TelnetCodec; this file only moves bytes and maps errors.
import { connect as netConnect, type Socket } from 'node:net';
import { AbstractTransport, ConnectionError, ProtocolError, type TransportCapabilities, type TransportSession } from '@netx/core';
import { TelnetCodec } from './telnet-codec.js';

export interface TelnetTransportOptions {
  /**
   * Ask the server for BINARY (RFC 856) in both directions. When it agrees, a bare
   * CR is sent as is and a received CR NUL is kept. Default false: devices rarely
   * offer it, and the NVT rules are what their CLIs expect.
   */
  binary?: boolean;
  /** Longest subnegotiation accepted from the server, in bytes; longer ends the connection. Default 8192. */
  maxSubnegotiation?: number;
  /**
   * Milliseconds of silence from the server before netx pings it with DO TIMING-MARK
   * (RFC 860); 0 disables. Also turns on TCP keepalive with this delay. Default 0.
   */
  keepaliveInterval?: number;
  /**
   * Unanswered pings in a row after which the connection ends with TimeoutError
   * (`operation: 'keepalive'`). Only counted once the server has answered a ping:
   * a server that ignores TIMING-MARK (busybox telnetd) is kept warm, never ended. Default 3.
   */
  keepaliveCountMax?: number;
  /**
   * How long close() waits, on the session clock, for what is queued to be flushed before it
   * drops the socket (a peer that stops reading cannot hold close()). Default 2000.
   */
  closeTimeout?: number;
}

export const TELNET_CAPABILITIES: TransportCapabilities = Object.freeze({
  protocolAuth: false,
  banner: false,
  remoteVersion: false,
  windowSize: true,
  // DO TIMING-MARK pings (keepaliveInterval); see keepalive.ts for servers that never answer.
  keepalive: true,
  // CR NUL / CR LF rules of the NVT (and telnetd's own CR LF -> CR) change some byte sequences.
  binarySafe: false,
  peerClose: true,
});

export class TelnetTransport extends AbstractTransport {
  readonly kind = 'telnet';
  readonly capabilities = TELNET_CAPABILITIES;
  readonly defaultPort = 23;

  private readonly options: TelnetTransportOptions;
  private socket: Socket | undefined;
  private codec: TelnetCodec | undefined;

  constructor(options: TelnetTransportOptions = {}) {
    super();
    const max = options.maxSubnegotiation;
    if (max !== undefined && (!Number.isInteger(max) || max < 16)) {
      throw new TypeError(`telnet: maxSubnegotiation must be an integer of at least 16, got ${String(max)}.`);
    }
    for (const [name, value, min] of [['keepaliveInterval', options.keepaliveInterval, 0], ['keepaliveCountMax', options.keepaliveCountMax, 1], ['closeTimeout', options.closeTimeout, 0]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < min)) {
        throw new TypeError(`telnet: ${name} must be an integer of at least ${min}, got ${String(value)}.`);
      }
    }
    this.options = { ...options };
  }

  protected _open(session: TransportSession): Promise<void> {
    const codec = new TelnetCodec({
      termType: session.termType,
      columns: session.columns,
      rows: session.rows,
      ...(this.options.binary !== undefined ? { binary: this.options.binary } : {}),
      ...(this.options.maxSubnegotiation !== undefined ? { maxSubnegotiation: this.options.maxSubnegotiation } : {}),
      trace: (line) => this.debug(4, line),
    });
    this.codec = codec;
    const host = unbracket(session.host);
    return new Promise<void>((resolve, reject) => {
      let connected = false;
      const socket = netConnect({ host, port: session.port });
      this.socket = socket;
      socket.once('connect', () => {
        connected = true;
        // Small CLI writes must not wait for Nagle + delayed ACK: with Nagle on, a short write that
        // follows unacknowledged data waits for the peer's delayed ACK (up to ~40 ms on Linux).
        socket.setNoDelay(true);
        this.debug(2, `connected to ${host}:${session.port}`);
        this.send(codec.start());
        this.startTelnetKeepalive(socket, codec);
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
      socket.on('error', (err) => {
        if (connected) this.end(err);
        else reject(err);
      });
      socket.on('close', () => {
        if (connected) this.end();
        else reject(new ConnectionError('closed', `${host}:${session.port} closed the telnet connection before it was set up.`, { host: session.host }));
      });
    });
  }

  protected _write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    const codec = this.codec;
    if (!socket || !codec) throw new ConnectionError('closed', 'telnet: no socket; connect first.');
    const encoded = codec.encode(bytes);
    return new Promise<void>((resolve, reject) => {
      socket.write(encoded, (err) => (err ? reject(err) : resolve()));
    });
  }

  protected async _close(force: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (force) {
      socket.destroy();
      return;
    }
    // Telnet has no goodbye: flush what is queued, send FIN, then let go without
    // waiting for the peer, so a peer that never closes cannot hang us. A peer that stops
    // reading would hold the flush forever: closeTimeout bounds it.
    const clock = this.clock;
    const ms = this.options.closeTimeout ?? 2_000;
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(() => {
        this.debug(1, `${socket.writableLength} queued byte(s) not flushed within ${ms} ms; dropping the socket`);
        socket.destroy();
      }, ms);
      socket.once('close', () => {
        clock.clearTimeout(timer);
        resolve();
      });
      socket.end(() => socket.destroy());
    });
  }

  protected override _resize(columns: number, rows: number): void {
    if (!this.codec) return;
    this.send(this.codec.resize(columns, rows));
  }

  private onSocketData(chunk: Buffer): void {
    const codec = this.codec;
    const socket = this.socket;
    if (!codec || !socket) return;
    const { data, replies, violations, timingMarks } = codec.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const fatal = violations.find((v) => v.reason === 'subnegotiation-too-long');
    if (fatal) {
      const { host, port } = this.session;
      this.end(new ProtocolError(`telnet: ${host}:${port} sent a ${fatal.detail}; this does not look like a telnet server (check the port), or raise maxSubnegotiation.`, { host }));
      return;
    }
    // Any byte from the server is life; a TIMING-MARK reply answers a keepalive ping.
    this.peerAlive();
    if (timingMarks > 0) this.keepaliveAnswered();
    this.send(replies);
    if (data.length === 1) this.push(data[0]!);
    else if (data.length > 1) this.push(Buffer.concat(data));
  }

  /** DO TIMING-MARK pings (RFC 860) on the base class's keepalive; busybox telnetd ignores them. */
  private startTelnetKeepalive(socket: Socket, codec: TelnetCodec): void {
    const interval = this.options.keepaliveInterval ?? 0;
    if (interval <= 0) return;
    socket.setKeepAlive(true, interval);
    this.startKeepalive(
      { interval, countMax: this.options.keepaliveCountMax ?? 3 },
      { what: 'TIMING-MARK', ping: () => this.send([codec.timingMark()]), mayIgnorePings: true },
    );
  }

  /** Negotiation bytes, in one write (a flood of requests must not cost a syscall each); dropped once the socket is going away. */
  private send(messages: Uint8Array[]): void {
    const socket = this.socket;
    if (!socket || socket.destroyed || !socket.writable || messages.length === 0) return;
    socket.write(messages.length === 1 ? messages[0]! : Buffer.concat(messages));
  }
}

/** Accepts `[2001:db8::1]` (URL style) as well as `2001:db8::1`. */
function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
