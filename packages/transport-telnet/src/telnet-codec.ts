// The whole Telnet layer without I/O: parser + negotiator + encoder, with the
// option policy of one role. The client role is what TelnetTransport uses; the
// server role is what a Telnet server (the device simulator) negotiates with.
// The caller feeds it socket chunks and writes what it returns.
import { encodeData, nawsMessage, subnegotiation, terminalTypeMessage } from './encoder.js';
import { TelnetNegotiator, type NegotiationResult, type Side } from './negotiator.js';
import {
  DO,
  IAC,
  OPT_BINARY,
  OPT_ECHO,
  OPT_NAWS,
  OPT_SGA,
  OPT_TIMING_MARK,
  OPT_TTYPE,
  TTYPE_IS,
  TTYPE_SEND,
  WILL,
  WONT,
  commandName,
  optionName,
} from './telnet-constants.js';
import { DEFAULT_MAX_SUBNEGOTIATION, TelnetParser, type TelnetEvent, type ViolationReason } from './telnet-parser.js';

/**
 * `client`: performs TTYPE, NAWS and SGA when asked, lets the server ECHO and SGA, answers TTYPE
 * SEND, reports the window with NAWS; waits for the server to start negotiating.
 * `server`: offers WILL ECHO and WILL SGA, asks DO TTYPE and DO NAWS at start(), sends TTYPE SEND
 * once the client agrees, and reads TTYPE IS / NAWS into `terminal`. Both refuse everything else.
 */
export type TelnetRole = 'client' | 'server';

export interface TelnetCodecOptions {
  /** default 'client' */
  role?: TelnetRole;
  /** Client: the answer to TTYPE SEND. Server: the type until the client tells its own. */
  termType: string;
  /** Client: the window sent with NAWS. Server: the size until the client reports one. */
  columns: number;
  rows: number;
  /** Ask for BINARY in both directions at start() and accept it when offered. Default false. */
  binary?: boolean;
  /** Longest subnegotiation accepted, in bytes. Default 8192. */
  maxSubnegotiation?: number;
  /** Receives one line per negotiation step (never data). */
  trace?: (line: string) => void;
}

export interface Violation {
  readonly reason: ViolationReason;
  readonly detail: string;
}

export interface ReceiveResult {
  /** Data for the application, in order (IAC IAC undone, CR NUL -> CR). */
  readonly data: Uint8Array[];
  /** Bytes to send back to the peer, in order. */
  readonly replies: Uint8Array[];
  readonly violations: Violation[];
  /** WILL/WONT TIMING-MARK answers to our pings in this chunk. */
  timingMarks: number;
  /** Server role: the client reported its terminal type or window size in this chunk (see `terminal`). */
  terminalChanged?: boolean;
}

/** The peer's terminal as a server knows it (a client's own for the client role). */
export interface TelnetTerminal {
  readonly type: string;
  readonly columns: number;
  readonly rows: number;
}

/** Options each role performs itself (`local`) and lets the peer perform (`remote`). */
const POLICY: Record<TelnetRole, { local: readonly number[]; remote: readonly number[] }> = {
  client: { local: [OPT_TTYPE, OPT_NAWS, OPT_SGA], remote: [OPT_ECHO, OPT_SGA] },
  server: { local: [OPT_ECHO, OPT_SGA], remote: [OPT_TTYPE, OPT_NAWS, OPT_SGA] },
};

export class TelnetCodec {
  readonly role: TelnetRole;
  private readonly parser: TelnetParser;
  private readonly negotiator: TelnetNegotiator;
  private termType: string;
  private columns: number;
  private rows: number;
  private readonly binary: boolean;
  private readonly trace: ((line: string) => void) | undefined;

  constructor(options: TelnetCodecOptions) {
    this.role = options.role ?? 'client';
    if (this.role !== 'client' && this.role !== 'server') {
      throw new TypeError(`telnet: role must be 'client' or 'server', got ${String(options.role)}.`);
    }
    this.termType = options.termType;
    this.columns = options.columns;
    this.rows = options.rows;
    this.binary = options.binary ?? false;
    this.trace = options.trace;
    this.parser = new TelnetParser(options.maxSubnegotiation ?? DEFAULT_MAX_SUBNEGOTIATION);
    const local = new Set(POLICY[this.role].local);
    const remote = new Set(POLICY[this.role].remote);
    if (this.binary) {
      local.add(OPT_BINARY);
      remote.add(OPT_BINARY);
    }
    this.negotiator = new TelnetNegotiator({ local, remote }, options.trace);
  }

  /** Our side sends in BINARY mode: no CR NUL padding. */
  get binarySend(): boolean {
    return this.negotiator.isEnabled('local', OPT_BINARY);
  }

  /** The peer sends in BINARY mode: CR NUL is data. */
  get binaryReceive(): boolean {
    return this.negotiator.isEnabled('remote', OPT_BINARY);
  }

  isEnabled(side: Side, option: number): boolean {
    return this.negotiator.isEnabled(side, option);
  }

  /** The terminal: for a server, what the client reported (TTYPE IS, NAWS) over the defaults. */
  get terminal(): TelnetTerminal {
    return { type: this.termType, columns: this.columns, rows: this.rows };
  }

  /** What to send right after connecting. A client waits for the server to start
   *  negotiating (devices do), so it sends nothing unless `binary` was asked for;
   *  a server offers ECHO and SGA and asks for TTYPE and NAWS. */
  start(): Uint8Array[] {
    const replies: Uint8Array[] = [];
    if (this.role === 'server') {
      for (const option of POLICY.server.local) this.apply(this.negotiator.request('local', option), replies);
      this.apply(this.negotiator.request('remote', OPT_TTYPE), replies);
      this.apply(this.negotiator.request('remote', OPT_NAWS), replies);
    }
    if (this.binary) {
      this.apply(this.negotiator.request('local', OPT_BINARY), replies);
      this.apply(this.negotiator.request('remote', OPT_BINARY), replies);
    }
    return replies;
  }

  receive(chunk: Uint8Array): ReceiveResult {
    const result: ReceiveResult = { data: [], replies: [], violations: [], timingMarks: 0 };
    this.parser.feed(chunk, (event) => this.handle(event, result));
    return result;
  }

  /** Escapes data for the wire. */
  encode(bytes: Uint8Array): Uint8Array {
    return encodeData(bytes, this.binarySend);
  }

  /**
   * A ping: IAC DO TIMING-MARK. The answer (WILL or WONT) is counted in
   * ReceiveResult.timingMarks and kept away from option negotiation: each DO is a
   * new question, the option never stays on (RFC 860).
   */
  timingMark(): Uint8Array {
    this.trace?.('sent DO TIMING-MARK (keepalive)');
    return Uint8Array.of(IAC, DO, OPT_TIMING_MARK);
  }

  /** Records the window size; a client returns the NAWS message to send if NAWS is on. */
  resize(columns: number, rows: number): Uint8Array[] {
    this.columns = columns;
    this.rows = rows;
    return this.role === 'client' && this.negotiator.isEnabled('local', OPT_NAWS) ? [nawsMessage(columns, rows)] : [];
  }

  private handle(event: TelnetEvent, result: ReceiveResult): void {
    switch (event.type) {
      case 'data':
        result.data.push(event.bytes);
        break;
      case 'negotiate':
        this.trace?.(`received ${commandName(event.command)} ${optionName(event.option)}`);
        if (event.option === OPT_TIMING_MARK && (event.command === WILL || event.command === WONT)) {
          result.timingMarks++;
          break;
        }
        this.apply(this.negotiator.receive(event.command, event.option), result.replies);
        break;
      case 'subnegotiation':
        this.subnegotiation(event.option, event.data, result);
        break;
      case 'command':
        this.trace?.(`received ${commandName(event.command)}`);
        break;
      case 'violation':
        this.trace?.(`peer broke the protocol: ${event.detail}`);
        result.violations.push({ reason: event.reason, detail: event.detail });
        break;
    }
  }

  private subnegotiation(option: number, data: Uint8Array, result: ReceiveResult): void {
    if (option === OPT_TTYPE && data[0] === TTYPE_SEND && this.role === 'client' && this.negotiator.isEnabled('local', OPT_TTYPE)) {
      this.trace?.(`received TTYPE SEND, sent TTYPE IS ${this.termType}`);
      result.replies.push(terminalTypeMessage(this.termType));
    } else if (option === OPT_TTYPE && data[0] === TTYPE_IS && this.role === 'server' && this.negotiator.isEnabled('remote', OPT_TTYPE)) {
      this.termType = Buffer.from(data.subarray(1)).toString('latin1');
      this.trace?.(`received TTYPE IS ${this.termType}`);
      result.terminalChanged = true;
    } else if (option === OPT_NAWS && data.length === 4 && this.role === 'server' && this.negotiator.isEnabled('remote', OPT_NAWS)) {
      this.columns = (data[0]! << 8) | data[1]!;
      this.rows = (data[2]! << 8) | data[3]!;
      this.trace?.(`received NAWS ${this.columns}x${this.rows}`);
      result.terminalChanged = true;
    } else {
      this.trace?.(`ignored subnegotiation of ${optionName(option)} (${data.length} bytes)`);
    }
  }

  private apply(negotiation: NegotiationResult, replies: Uint8Array[]): void {
    replies.push(...negotiation.replies);
    for (const change of negotiation.changes) {
      this.trace?.(`${change.side} ${optionName(change.option)} ${change.enabled ? 'on' : 'off'}`);
      if (change.option === OPT_BINARY && change.side === 'remote') this.parser.binary = change.enabled;
      if (change.option === OPT_NAWS && change.side === 'local' && change.enabled) {
        replies.push(nawsMessage(this.columns, this.rows));
      }
      // RFC 1091: once the client agreed to TTYPE, the server asks for the name.
      if (change.option === OPT_TTYPE && change.side === 'remote' && change.enabled && this.role === 'server') {
        replies.push(subnegotiation(OPT_TTYPE, [TTYPE_SEND]));
        this.trace?.('sent TTYPE SEND');
      }
    }
  }
}
