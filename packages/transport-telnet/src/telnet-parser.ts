// Sans-IO Telnet receive parser (RFC 854/855): turns the byte stream from the
// peer into data and commands. It keeps its state between chunks, so an IAC
// sequence split anywhere across reads parses the same as in one read, and it
// never throws: broken input becomes a `violation` event.

// The codes of telnet-constants.ts, as file-local constants: the per-byte loop below
// then reads constants, not imported bindings (which vitest's transform turns into
// property lookups). The parser tests, written with the RFC numbers, pin them.
const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
const NUL = 0, CR = 13;

export type ViolationReason =
  /** IAC followed by a byte below 240 that is no command. The two bytes are dropped. */
  | 'bad-command'
  /** IAC SB ... ended by IAC <command> instead of IAC SE. The subnegotiation is dropped. */
  | 'subnegotiation-aborted'
  /** IAC SB ran past the size limit without IAC SE. The parser returns to data. */
  | 'subnegotiation-too-long';

export type TelnetEvent =
  | { readonly type: 'data'; readonly bytes: Uint8Array }
  /** Two-byte command: NOP, GA, AYT, DM, BRK, ... (and SE outside a subnegotiation). */
  | { readonly type: 'command'; readonly command: number }
  /** WILL/WONT/DO/DONT <option>. */
  | { readonly type: 'negotiate'; readonly command: number; readonly option: number }
  /** IAC SB <option> <data, IAC IAC undone> IAC SE. */
  | { readonly type: 'subnegotiation'; readonly option: number; readonly data: Uint8Array }
  | { readonly type: 'violation'; readonly reason: ViolationReason; readonly detail: string };

const S_DATA = 0;
const S_IAC = 1;
const S_NEGOTIATE = 2;
const S_SB_OPTION = 3;
const S_SB_DATA = 4;
const S_SB_IAC = 5;
type State = typeof S_DATA | typeof S_IAC | typeof S_NEGOTIATE | typeof S_SB_OPTION | typeof S_SB_DATA | typeof S_SB_IAC;

export const DEFAULT_MAX_SUBNEGOTIATION = 8192;

export class TelnetParser {
  /**
   * The peer sends in BINARY mode (RFC 856): CR NUL is then plain data.
   * May be changed from inside the event callback; it applies to the next byte.
   */
  binary = false;

  private state: State = S_DATA;
  private negotiateCommand = 0;
  private sbOption = 0;
  private sbBuffer: Uint8Array;
  private sbLength = 0;
  /** The previous data byte was a CR, so a NUL now is the padding of CR NUL. */
  private afterCr = false;

  constructor(readonly maxSubnegotiation = DEFAULT_MAX_SUBNEGOTIATION) {
    this.sbBuffer = new Uint8Array(Math.min(64, maxSubnegotiation));
  }

  /**
   * Parses one chunk. Events are delivered in stream order; a data event is
   * always flushed before the command that follows it.
   */
  feed(chunk: Uint8Array, emit: (event: TelnetEvent) => void): void {
    const out = new Uint8Array(chunk.length);
    let start = 0;
    let n = 0;
    const flush = (): void => {
      if (n > start) {
        emit({ type: 'data', bytes: out.subarray(start, n) });
        start = n;
      }
    };
    const send = (event: TelnetEvent): void => {
      flush();
      emit(event);
    };

    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case S_DATA:
          if (b === IAC) {
            this.state = S_IAC;
          } else if (b === NUL && this.afterCr && !this.binary) {
            this.afterCr = false; // CR NUL -> CR (RFC 854)
          } else {
            this.afterCr = b === CR;
            out[n++] = b;
          }
          break;

        case S_IAC:
          this.afterCr = false;
          if (b === IAC) {
            out[n++] = IAC;
            this.state = S_DATA;
          } else if (b >= WILL && b <= DONT) {
            this.negotiateCommand = b;
            this.state = S_NEGOTIATE;
          } else if (b === SB) {
            this.state = S_SB_OPTION;
          } else if (b >= SE) {
            this.state = S_DATA;
            send({ type: 'command', command: b });
          } else {
            this.state = S_DATA;
            send({ type: 'violation', reason: 'bad-command', detail: `IAC followed by ${b}, which is no telnet command` });
          }
          break;

        case S_NEGOTIATE:
          this.state = S_DATA;
          send({ type: 'negotiate', command: this.negotiateCommand, option: b });
          break;

        case S_SB_OPTION:
          this.sbOption = b;
          this.sbLength = 0;
          this.state = S_SB_DATA;
          break;

        case S_SB_DATA:
          if (b === IAC) this.state = S_SB_IAC;
          else this.appendSb(b, send);
          break;

        case S_SB_IAC:
          if (b === IAC) {
            this.state = S_SB_DATA;
            this.appendSb(IAC, send);
          } else if (b === SE) {
            this.state = S_DATA;
            send({ type: 'subnegotiation', option: this.sbOption, data: this.sbBuffer.slice(0, this.sbLength) });
          } else {
            // RFC 855 has no IAC <cmd> inside SB; treat it as the end of a broken SB
            // and handle the command, so one lost SE cannot swallow the session.
            send({ type: 'violation', reason: 'subnegotiation-aborted', detail: `subnegotiation of option ${this.sbOption} ended by IAC ${b} instead of IAC SE` });
            this.state = S_IAC;
            i--;
          }
          break;
      }
    }
    flush();
  }

  private appendSb(b: number, send: (event: TelnetEvent) => void): void {
    if (this.sbLength >= this.maxSubnegotiation) {
      this.state = S_DATA;
      send({ type: 'violation', reason: 'subnegotiation-too-long', detail: `subnegotiation of option ${this.sbOption} exceeded ${this.maxSubnegotiation} bytes without IAC SE` });
      return;
    }
    if (this.sbLength === this.sbBuffer.length) {
      const grown = new Uint8Array(Math.min(this.maxSubnegotiation, this.sbBuffer.length * 2));
      grown.set(this.sbBuffer);
      this.sbBuffer = grown;
    }
    this.sbBuffer[this.sbLength++] = b;
  }
}
