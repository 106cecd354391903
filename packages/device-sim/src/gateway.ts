// The front of a shared Telnet (or WebSocket) port: asks `Username: `, echoes
// what is typed, and hands the session to the device named in `user@device`
// (or `user@<index>`). The device then continues its own login with that user.
import type { PeerSession } from '@netx/virtual-device';
import type { ByteSink } from './sim-link.js';

const PROMPT = 'Username: ';
const MAX_TRIES = 3;

export class LineGateway implements PeerSession {
  private line = '';
  private tries = 0;
  private device: PeerSession | undefined;
  private skipLf = false;
  private ended = false;
  private size: { columns: number; rows: number } | undefined;
  private type: string | undefined;

  constructor(
    private readonly sink: ByteSink,
    /** The device session for a typed answer, or undefined for an unknown device. */
    private readonly choose: (answer: string) => PeerSession | undefined,
  ) {
    this.say(PROMPT);
  }

  receive(bytes: Uint8Array): void {
    if (this.device) return this.device.receive(bytes);
    for (let i = 0; i < bytes.length && !this.ended; i++) {
      const b = bytes[i]!;
      if (this.skipLf && (b === 0x0a || b === 0x00)) {
        this.skipLf = false;
        continue;
      }
      this.skipLf = false;
      if (b === 0x0d || b === 0x0a) {
        this.skipLf = b === 0x0d;
        this.say('\r\n');
        const device = this.answer();
        if (!device) continue;
        // Whatever followed the line end belongs to the device now.
        const rest = bytes.subarray(this.skipLf && (bytes[i + 1] === 0x0a || bytes[i + 1] === 0x00) ? i + 2 : i + 1);
        this.skipLf = false;
        if (rest.length > 0) device.receive(rest);
        return;
      } else if (b === 0x7f || b === 0x08) {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.say('\b \b');
        }
      } else {
        this.line += String.fromCharCode(b);
        this.sink.write(Uint8Array.of(b));
      }
    }
  }

  resize(columns: number, rows: number): void {
    this.size = { columns, rows };
    this.device?.resize?.(columns, rows);
  }

  terminalType(type: string): void {
    this.type = type;
    this.device?.terminalType?.(type);
  }

  clientClosed(): void {
    this.ended = true;
    this.device?.clientClosed();
  }

  /** The device chosen by the typed line, or undefined (asked again, or hung up after MAX_TRIES). */
  private answer(): PeerSession | undefined {
    const typed = this.line.trim();
    this.line = '';
    const device = typed ? this.choose(typed) : undefined;
    if (device) {
      this.device = device;
      if (this.size) device.resize?.(this.size.columns, this.size.rows);
      if (this.type !== undefined) device.terminalType?.(this.type);
      return device;
    }
    if (++this.tries >= MAX_TRIES) {
      this.ended = true;
      this.say('% No such device; closing.\r\n');
      this.sink.end();
      return undefined;
    }
    this.say(`% No such device "${typed}"; answer user@device (e.g. admin@r1) or user@<index>.\r\n${PROMPT}`);
    return undefined;
  }

  private say(text: string): void {
    this.sink.write(Buffer.from(text, 'latin1'));
  }
}
