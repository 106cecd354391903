// Where the conversation goes (stdout, the log sink, debug lines) and how secrets
// are kept out of it: every secret the Protocol sends is registered, and every copy
// of received text passes the redactor, which also hides a device's echo of a
// secret split across chunks. An output that fails (a throwing callback, a full
// disk) is switched off and reported once; it never throws into the data path.
import { OutputError } from '../errors.js';
import type { DebugLevel } from '../ports/transport.js';
import { utf8 } from './bytes.js';
import type { LogSink } from './log-sink.js';
import { reasonOf } from './messages.js';

const MASK = '********';

export class SecretRedactor {
  private secrets: string[] = [];
  private held = '';

  add(secret: string | undefined): void {
    if (!secret || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
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

/** Hears the first failure of each output (OutputError); the output is off from then on. */
export type OutputFailure = (err: OutputError) => void;

/**
 * The device's output for people: `\r` dropped (as Exscript does), to stdout and the
 * log sink. The sink gets the text in the connection's encoding (the device's bytes).
 */
export class ConversationLog {
  private stdout: ((text: string) => void) | undefined;
  private sink: LogSink | undefined;
  private opened = false;
  private closing: Promise<void> | undefined;

  constructor(
    stdout: ((text: string) => void) | undefined,
    sink: LogSink | undefined,
    private readonly encode: (text: string) => Uint8Array,
    private readonly failed: OutputFailure,
  ) {
    this.stdout = stdout;
    this.sink = sink;
  }

  /** False when nobody reads the conversation: callers may skip preparing it. */
  get active(): boolean {
    return this.stdout !== undefined || this.sink !== undefined;
  }

  /** True while there is a sink that open() has not opened yet. */
  get needsOpen(): boolean {
    return this.sink !== undefined && !this.opened;
  }

  /** Opens the sink (connect() calls it first): OutputError when it cannot be written. */
  async open(): Promise<void> {
    const sink = this.sink;
    if (!sink || this.opened) return;
    try {
      await sink.open((err) => this.sinkFailed(sink, err));
    } catch (err) {
      this.sink = undefined;
      throw new OutputError('logfile', `Cannot open the log file ${JSON.stringify(sink.name)} (${reasonOf(err)}); check that its directory exists and that it is a file you may write, or leave out the logfile option.`, { cause: err });
    }
    this.opened = true;
  }

  write(text: string): void {
    if (text.length === 0 || !this.active) return;
    const clean = text.replace(/\r/g, '');
    if (clean.length === 0) return;
    if (this.stdout) {
      try {
        this.stdout(clean);
      } catch (err) {
        this.stdout = undefined;
        this.failed(new OutputError('stdout', `The stdout callback threw (${reasonOf(err)}); the device's output is no longer passed to it. Make the callback catch its own errors.`, { cause: err }));
      }
    }
    if (this.sink && this.opened) this.sink.write(this.bytes(clean));
  }

  /** Writes what is queued and releases the sink; the same promise for every caller. */
  close(): Promise<void> {
    const sink = this.sink;
    return (this.closing ??= sink && this.opened ? sink.close().catch((err: unknown) => this.sinkFailed(sink, err)) : Promise.resolve());
  }

  private bytes(text: string): Uint8Array {
    try {
      return this.encode(text);
    } catch {
      return utf8.encode(text);
    }
  }

  private sinkFailed(sink: LogSink, err: unknown): void {
    if (this.sink !== sink) return;
    this.sink = undefined;
    this.failed(new OutputError('logfile', `Writing the log file ${JSON.stringify(sink.name)} failed (${reasonOf(err)}); the log stops here, the session goes on.`, { cause: err }));
  }
}

/** Debug lines at levels 1 (connection) to 5 (every byte), secrets redacted. */
export class DebugLog {
  constructor(
    public level: DebugLevel,
    private readonly sink: (line: string) => void,
    private readonly redactor: SecretRedactor,
    private readonly prefix: () => string,
    private readonly failed: OutputFailure,
  ) {}

  log(level: DebugLevel, message: string): void {
    if (level > this.level || level <= 0) return;
    try {
      this.sink(`${this.prefix()} [${level}] ${this.redactor.redact(message)}`);
    } catch (err) {
      this.level = 0;
      this.failed(new OutputError('stderr', `The stderr callback threw (${reasonOf(err)}); debug lines are off for this session. Make the callback catch its own errors.`, { cause: err }));
    }
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
