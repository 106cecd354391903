// Option negotiation with the RFC 1143 "Q method": per option and side a state
// (NO, YES, WANTNO, WANTYES) and a one-bit queue, so two endpoints can never
// loop acknowledging each other. Sans-IO: every call returns the bytes to send.
import { DO, DONT, IAC, WILL, WONT, commandName, optionName } from './telnet-constants.js';

/** `local`: an option we perform (WILL/WONT, asked with DO/DONT). `remote`: one the peer performs. */
export type Side = 'local' | 'remote';

export interface OptionChange {
  readonly side: Side;
  readonly option: number;
  readonly enabled: boolean;
}

export interface NegotiationResult {
  readonly replies: Uint8Array[];
  readonly changes: OptionChange[];
}

export interface NegotiationPolicy {
  /** Options we agree to perform when the peer sends DO. */
  readonly local: ReadonlySet<number>;
  /** Options we agree to let the peer perform when it sends WILL. */
  readonly remote: ReadonlySet<number>;
}

const NO = 0;
const YES = 1;
const WANTNO = 2;
const WANTYES = 3;
type Q = typeof NO | typeof YES | typeof WANTNO | typeof WANTYES;

interface OptionState {
  q: Q;
  /** RFC 1143 queue bit: OPPOSITE was requested while a request is pending. */
  opposite: boolean;
}

export class TelnetNegotiator {
  private readonly states = { local: new Map<number, OptionState>(), remote: new Map<number, OptionState>() };

  constructor(
    private readonly policy: NegotiationPolicy,
    private readonly trace?: (line: string) => void,
  ) {}

  isEnabled(side: Side, option: number): boolean {
    return this.states[side].get(option)?.q === YES;
  }

  /** Handles a received WILL, WONT, DO or DONT. Other commands are ignored. */
  receive(command: number, option: number): NegotiationResult {
    const result: NegotiationResult = { replies: [], changes: [] };
    switch (command) {
      case WILL:
        this.positive('remote', option, result);
        break;
      case WONT:
        this.negative('remote', option, result);
        break;
      case DO:
        this.positive('local', option, result);
        break;
      case DONT:
        this.negative('local', option, result);
        break;
    }
    return result;
  }

  /** Asks for an option to be enabled on one side (sends WILL or DO unless pending or on). */
  request(side: Side, option: number): NegotiationResult {
    const result: NegotiationResult = { replies: [], changes: [] };
    const s = this.state(side, option);
    switch (s.q) {
      case NO:
        s.q = WANTYES;
        this.send(result, agree(side), option);
        break;
      case WANTNO:
        s.opposite = true;
        break;
      case WANTYES:
        s.opposite = false;
        break;
    }
    return result;
  }

  /** Asks for an option to be disabled on one side (sends WONT or DONT unless pending or off). */
  release(side: Side, option: number): NegotiationResult {
    const result: NegotiationResult = { replies: [], changes: [] };
    const s = this.state(side, option);
    switch (s.q) {
      case YES:
        s.q = WANTNO;
        this.send(result, refuse(side), option);
        this.changed(result, side, option, false);
        break;
      case WANTNO:
        s.opposite = false;
        break;
      case WANTYES:
        s.opposite = true;
        break;
    }
    return result;
  }

  /** WILL for the remote side, DO for the local side. */
  private positive(side: Side, option: number, result: NegotiationResult): void {
    const s = this.state(side, option);
    switch (s.q) {
      case NO:
        if (this.policy[side].has(option)) {
          s.q = YES;
          this.send(result, agree(side), option);
          this.changed(result, side, option, true);
        } else {
          this.send(result, refuse(side), option);
        }
        break;
      case YES:
        break; // already on: answering would start a loop
      case WANTNO:
        // Our disable was answered by an enable: an error by the peer (RFC 1143).
        if (s.opposite) {
          s.q = YES;
          s.opposite = false;
          this.changed(result, side, option, true);
        } else {
          s.q = NO;
        }
        break;
      case WANTYES:
        if (s.opposite) {
          s.q = WANTNO;
          s.opposite = false;
          this.send(result, refuse(side), option);
        } else {
          s.q = YES;
          this.changed(result, side, option, true);
        }
        break;
    }
  }

  /** WONT for the remote side, DONT for the local side. */
  private negative(side: Side, option: number, result: NegotiationResult): void {
    const s = this.state(side, option);
    switch (s.q) {
      case NO:
        break;
      case YES:
        s.q = NO;
        this.send(result, refuse(side), option);
        this.changed(result, side, option, false);
        break;
      case WANTNO:
        if (s.opposite) {
          s.q = WANTYES;
          s.opposite = false;
          this.send(result, agree(side), option);
        } else {
          s.q = NO;
        }
        break;
      case WANTYES:
        s.q = NO;
        s.opposite = false;
        break;
    }
  }

  private state(side: Side, option: number): OptionState {
    const map = this.states[side];
    let s = map.get(option);
    if (!s) {
      s = { q: NO, opposite: false };
      map.set(option, s);
    }
    return s;
  }

  private send(result: NegotiationResult, command: number, option: number): void {
    result.replies.push(Uint8Array.of(IAC, command, option));
    this.trace?.(`sent ${commandName(command)} ${optionName(option)}`);
  }

  private changed(result: NegotiationResult, side: Side, option: number, enabled: boolean): void {
    result.changes.push({ side, option, enabled });
  }
}

function agree(side: Side): number {
  return side === 'remote' ? DO : WILL;
}

function refuse(side: Side): number {
  return side === 'remote' ? DONT : WONT;
}
