// The whole Telnet layer without I/O: parser + negotiator + encoder, with the
// policy netx uses. The transport feeds it socket chunks and writes what it returns.
import { encodeData, nawsMessage, terminalTypeMessage } from './encoder.js';
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
  TTYPE_SEND,
  WILL,
  WONT,
  commandName,
  optionName,
} from './telnet-constants.js';
import { DEFAULT_MAX_SUBNEGOTIATION, TelnetParser, type TelnetEvent, type ViolationReason } from './telnet-parser.js';

export interface TelnetCodecOptions {
  /** Answer to TTYPE SEND. */
  termType: string;
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
}

export class TelnetCodec {
  private readonly parser: TelnetParser;
  private readonly negotiator: TelnetNegotiator;
  private readonly termType: string;
  private columns: number;
  private rows: number;
  private readonly binary: boolean;
  private readonly trace: ((line: string) => void) | undefined;

  constructor(options: TelnetCodecOptions) {
    this.termType = options.termType;
    this.columns = options.columns;
    this.rows = options.rows;
    this.binary = options.binary ?? false;
    this.trace = options.trace;
    this.parser = new TelnetParser(options.maxSubnegotiation ?? DEFAULT_MAX_SUBNEGOTIATION);
    const local = new Set([OPT_TTYPE, OPT_NAWS, OPT_SGA]);
    const remote = new Set([OPT_ECHO, OPT_SGA]);
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

  /** What to send right after connecting. netx waits for the server to start
   *  negotiating (devices do), so this is empty unless `binary` was asked for. */
  start(): Uint8Array[] {
    if (!this.binary) return [];
    const replies: Uint8Array[] = [];
    this.apply(this.negotiator.request('local', OPT_BINARY), replies);
    this.apply(this.negotiator.request('remote', OPT_BINARY), replies);
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

  /** Records the window size; returns the NAWS message to send if NAWS is on. */
  resize(columns: number, rows: number): Uint8Array[] {
    this.columns = columns;
    this.rows = rows;
    return this.negotiator.isEnabled('local', OPT_NAWS) ? [nawsMessage(columns, rows)] : [];
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
        if (event.option === OPT_TTYPE && event.data[0] === TTYPE_SEND && this.negotiator.isEnabled('local', OPT_TTYPE)) {
          this.trace?.(`received TTYPE SEND, sent TTYPE IS ${this.termType}`);
          result.replies.push(terminalTypeMessage(this.termType));
        } else {
          this.trace?.(`ignored subnegotiation of ${optionName(event.option)} (${event.data.length} bytes)`);
        }
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

  private apply(negotiation: NegotiationResult, replies: Uint8Array[]): void {
    replies.push(...negotiation.replies);
    for (const change of negotiation.changes) {
      this.trace?.(`${change.side} ${optionName(change.option)} ${change.enabled ? 'on' : 'off'}`);
      if (change.option === OPT_BINARY && change.side === 'remote') this.parser.binary = change.enabled;
      if (change.option === OPT_NAWS && change.side === 'local' && change.enabled) {
        replies.push(nawsMessage(this.columns, this.rows));
      }
    }
  }
}
