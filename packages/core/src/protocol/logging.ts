// Where the conversation goes (stdout, logfile, debug lines) and how secrets are
// kept out of it: every secret the Protocol sends is registered, and every copy
// of received text passes the redactor, which also hides a device's echo of a
// secret split across chunks.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DebugLevel } from '../ports/transport.js';

const MASK = '********';

export class SecretRedactor {
  private secrets: string[] = [];
  private held = '';

  add(secret: string | undefined): void {
    if (!secret || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.secrets.length;
  }

  /** Replaces every known secret in a whole text. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }

  /**
   * For a stream of chunks: redacts, and holds back a tail that could be the
   * start of a secret until the next chunk shows whether it is.
   */
  stream(text: string): string {
    const all = this.redact(this.held + text);
    let hold = 0;
    for (const s of this.secrets) {
      for (let n = Math.min(s.length - 1, all.length); n > hold; n--) {
        if (all.endsWith(s.slice(0, n))) {
          hold = n;
          break;
        }
      }
    }
    this.held = all.slice(all.length - hold);
    return all.slice(0, all.length - hold);
  }

  /** The held tail (the stream ended, so it cannot become a secret any more). */
  flush(): string {
    const out = this.held;
    this.held = '';
    return out;
  }
}

/**
 * The device's output for people: `\r` dropped (as Exscript does), to stdout and the
 * log file. The file gets the text in the connection's encoding (the device's bytes).
 */
export class ConversationLog {
  private fd: number | undefined;

  constructor(
    private readonly stdout: ((text: string) => void) | undefined,
    private readonly logfile: string | undefined,
    private readonly encode: (text: string) => Uint8Array = (text) => new Uint8Array(Buffer.from(text, 'utf8')),
  ) {}

  /** False when nobody reads the conversation: callers may skip preparing it. */
  get active(): boolean {
    return this.stdout !== undefined || this.logfile !== undefined;
  }

  write(text: string): void {
    if (text.length === 0 || !this.active) return;
    const clean = text.replace(/\r/g, '');
    if (clean.length === 0) return;
    this.stdout?.(clean);
    if (this.logfile !== undefined) {
      this.fd ??= openSync(this.logfile, 'a');
      let bytes: Uint8Array;
      try {
        bytes = this.encode(clean);
      } catch {
        bytes = new Uint8Array(Buffer.from(clean, 'utf8'));
      }
      writeSync(this.fd, bytes);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Debug lines at levels 1 (connection) to 5 (every byte), secrets redacted. */
export class DebugLog {
  constructor(
    public level: DebugLevel,
    private readonly sink: (line: string) => void,
    private readonly redactor: SecretRedactor,
    private readonly prefix: () => string,
  ) {}

  log(level: DebugLevel, message: string): void {
    if (level > this.level || level <= 0) return;
    this.sink(`${this.prefix()} [${level}] ${this.redactor.redact(message)}`);
  }

  enabled(level: DebugLevel): boolean {
    return level <= this.level && level > 0;
  }
}

/** Printable form of device text for debug lines. */
export function visible(text: string, max = 2000): string {
  const shown = text.length > max ? `${text.slice(0, max)}...(${text.length - max} more)` : text;
  return JSON.stringify(shown);
}
