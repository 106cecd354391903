// A small scripted transport for unit tests: the "device" is a function that
// gets every input line and answers with out(). Output can be re-chunked
// (property tests) and the transport can declare protocol-level auth.
import { AbstractTransport, type Account, type ProtocolAuthContext, type TransportCapabilities, type TransportSession } from '../../src/index.js';

export interface FakeOptions {
  protocolAuth?: boolean;
  remoteVersion?: string;
  banner?: string;
  windowSize?: boolean;
  dummy?: boolean;
  /** Sent right after connect. */
  greeting?: string;
  /** Every input line (text before '\r'), after it was received. */
  onLine?: (line: string, dev: FakeTransport) => void;
  /** Every write as received (before line splitting). */
  onWrite?: (text: string, dev: FakeTransport) => void;
  /** Echo what is typed (like a terminal), except while `dev.echo` is false. */
  echo?: boolean;
  /** Splits each output into chunks. */
  chunker?: (text: string) => string[];
  /** Protocol-level login; throw to refuse. */
  authenticate?: (account: Account, ctx: ProtocolAuthContext, dev: FakeTransport) => Promise<void>;
  /** _open never finishes (connect timeout tests). */
  hang?: boolean;
}

export class FakeTransport extends AbstractTransport {
  readonly kind = 'fake';
  readonly defaultPort = 2323;
  readonly capabilities: TransportCapabilities;
  /** Everything written, latin1-decoded. */
  written = '';
  echo: boolean;
  session_: TransportSession | undefined;
  resized: [number, number][] = [];
  private line = '';

  constructor(readonly options: FakeOptions = {}) {
    super();
    this.echo = options.echo ?? false;
    this.capabilities = {
      protocolAuth: options.protocolAuth ?? false,
      banner: options.banner !== undefined,
      remoteVersion: options.remoteVersion !== undefined,
      windowSize: options.windowSize ?? false,
      keepalive: false,
      binarySafe: true,
      peerClose: true,
    };
  }

  /** Sends text (latin1) to the Protocol, through the chunker, asynchronously. */
  out(text: string): void {
    const chunks = this.options.chunker ? this.options.chunker(text) : [text];
    queueMicrotask(() => {
      for (const c of chunks) this.outBytes(new Uint8Array(Buffer.from(c, 'latin1')));
    });
  }

  /** Sends bytes now. */
  outBytes(bytes: Uint8Array): void {
    this.push(bytes);
  }

  /** The peer closes (optionally with an error). */
  hangUp(error?: unknown): void {
    queueMicrotask(() => this.end(error));
  }

  override getBanner(): string | undefined {
    return this.options.banner;
  }

  override getRemoteVersion(): string | undefined {
    return this.options.remoteVersion;
  }

  override isDummy(): boolean {
    return this.options.dummy ?? false;
  }

  protected async _open(session: TransportSession): Promise<void> {
    this.session_ = session;
    if (this.options.hang) await new Promise(() => undefined);
    if (this.options.greeting !== undefined) this.out(this.options.greeting);
  }

  protected async _write(bytes: Uint8Array): Promise<void> {
    const text = Buffer.from(bytes).toString('latin1');
    this.written += text;
    this.options.onWrite?.(text, this);
    if (this.echo) this.out(text.replace(/\r/g, '\r\n'));
    for (const ch of text) {
      if (ch === '\r') {
        const line = this.line;
        this.line = '';
        this.options.onLine?.(line, this);
      } else if (ch !== '\n') this.line += ch;
    }
  }

  protected async _close(): Promise<void> {}

  protected override async _authenticate(account: Account, context: ProtocolAuthContext): Promise<void> {
    if (this.options.authenticate) await this.options.authenticate(account, context, this);
  }

  protected override _resize(columns: number, rows: number): void {
    this.resized.push([columns, rows]);
  }
}

/** Splits text into pieces of the given sizes, cycling. */
export function chunkBy(sizes: readonly number[]): (text: string) => string[] {
  return (text) => {
    const out: string[] = [];
    let i = 0;
    let k = 0;
    while (i < text.length) {
      const n = Math.max(1, sizes[k++ % sizes.length] ?? 1);
      out.push(text.slice(i, i + n));
      i += n;
    }
    return out;
  };
}

/**
 * A CLI after login: `prompt` after every command; `commands` maps a command to
 * its output (without echo and prompt). The echo of the command comes first.
 */
export function cli(prompt: string, commands: Record<string, string> = {}): (line: string, dev: FakeTransport) => void {
  return (line, dev) => {
    const output = commands[line];
    dev.out(`${line}\r\n${output === undefined ? '' : output}${prompt}`);
  };
}
