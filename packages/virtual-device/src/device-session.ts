// One connection to a VirtualDevice: greeting, login, then the command loop.
// Written as one async routine that waits for the client's lines, so the device
// behaves like a real CLI whatever the chunking of the client's writes.
import { ProtocolError } from '@netx/core';
import type { CommandIndex, Lookup } from './command-table.js';
import { normalizeCommand } from './command-table.js';
import { LineReader, SessionClosed } from './line-reader.js';
import { pageOut } from './pager.js';
import type { DeviceLink, PeerSession, TerminalInfo } from './peer.js';
import type { CommandContext, PagerState, SessionOptions } from './types.js';
import type { ResolvedDevice } from './resolve-options.js';

/** The longest delay a timer can hold (2^31 - 1 ms); longer ones fire after 1 ms in Node. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a test can see of a connection's device-side state. */
export interface DeviceSessionState {
  readonly mode: string;
  readonly hostname: string;
  readonly username: string | undefined;
  readonly loggedIn: boolean;
  readonly closed: boolean;
  /** Commands executed, as typed. */
  readonly commands: readonly string[];
  readonly terminal: TerminalInfo;
  readonly pager: Readonly<PagerState>;
}

export class DeviceSession implements PeerSession, DeviceSessionState {
  mode: string;
  hostname: string;
  username: string | undefined;
  loggedIn = false;
  closed = false;
  readonly commands: string[] = [];
  terminal: TerminalInfo;
  readonly pager: PagerState;
  private readonly state = new Map<string, unknown>();
  private readonly reader: LineReader;
  private readonly decoder: { decode(bytes: Uint8Array): string };
  private lastChar: string | undefined;
  private hangUpRequested = false;
  /** Sleeps in progress: cancelled (timer cleared, SessionClosed) when the session ends. */
  private readonly sleeps = new Set<{ timer: unknown; reject: (err: Error) => void }>();

  constructor(
    private readonly device: ResolvedDevice,
    private readonly tables: (mode: string) => readonly CommandIndex[],
    private readonly link: DeviceLink,
    private readonly options: SessionOptions = {},
  ) {
    this.mode = device.initialMode;
    this.hostname = device.hostname;
    this.terminal = link.terminal;
    this.pager = { ...(device.pager?.initial ?? { enabled: false, pageLength: 24 }) };
    this.reader = new LineReader((text) => this.out(text, false));
    if (device.encoding === 'utf8') {
      const td = new TextDecoder('utf-8');
      this.decoder = { decode: (b) => td.decode(b, { stream: true }) };
    } else {
      this.decoder = { decode: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1') };
    }
  }

  start(): void {
    void this.run();
  }

  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    this.reader.feed(this.decoder.decode(bytes));
  }

  resize(columns: number, rows: number): void {
    this.terminal = { ...this.terminal, columns, rows };
  }

  terminalType(type: string): void {
    this.terminal = { ...this.terminal, type };
  }

  clientClosed(): void {
    if (this.closed) return;
    this.end();
  }

  private async run(): Promise<void> {
    const d = this.device;
    const o = this.options;
    try {
      if (o.exec !== undefined) return await this.runOnce(o.exec);
      if (d.greetingDelay > 0) await this.sleep(d.greetingDelay);
      this.out(d.banner);
      if (o.authenticatedUser !== undefined) this.username = o.authenticatedUser;
      else if (!(await this.login())) return this.hangUp();
      this.loggedIn = true;
      this.out(d.motd);
      // One round per line the client sends; ends when either side hangs up.
      for (;;) {
        this.freshLine();
        this.out(this.promptText(), false);
        const line = await this.reader.readLine({ echo: d.echo, echoNewline: d.echo });
        await this.execute(line);
        if (this.hangUpRequested) return this.hangUp();
      }
    } catch (err) {
      if (err instanceof SessionClosed || this.closed) return;
      this.failed(err);
    }
  }

  /** SSH `exec`: one command, its whole output (no pager, no prompt), then hang up. */
  private async runOnce(command: string): Promise<void> {
    this.username = this.options.authenticatedUser;
    this.loggedIn = true;
    this.pager.enabled = false;
    await this.execute(command);
    this.hangUp();
  }

  private failed(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.end();
    this.link.fail(new ProtocolError(`Virtual device ${this.hostname}: a command handler failed: ${message}`, { cause: err }));
  }

  private async login(): Promise<boolean> {
    const l = this.device.login;
    if (l.style === 'none') return true;
    this.out(l.header);
    // maxAttempts may be Infinity (a device that keeps asking): each round waits for client input.
    let preset = this.options.presetUsername;
    for (let attempt = 1; attempt <= l.maxAttempts; attempt++) {
      let name: string | undefined;
      let password: string | undefined;
      if (l.style !== 'password' && preset !== undefined) {
        name = preset;
        preset = undefined;
      } else if (l.style !== 'password') {
        this.freshLine();
        this.out(l.usernamePrompt, false);
        name = await this.reader.readLine({ echo: this.device.echo, echoNewline: this.device.echo });
      }
      if (l.style === 'skey') {
        this.freshLine();
        this.out(l.skeyChallenge + '\n');
      }
      if (l.style !== 'username') {
        this.freshLine();
        this.out(l.passwordPrompt, false);
        password = await this.reader.readLine({ echo: this.device.echo && l.echoPassword, echoNewline: this.device.echo });
      }
      if (l.accepts(name, password)) {
        this.username = name;
        return true;
      }
      if (l.failureText) {
        this.freshLine();
        this.out(l.failureText);
      }
    }
    this.freshLine();
    this.out(l.lockoutText);
    return false;
  }

  private async execute(line: string): Promise<void> {
    const command = normalizeCommand(line);
    if (!command) return;
    if (this.device.recordSessions) this.commands.push(line);
    this.options.onCommand?.(line);
    let lookup: Lookup = { kind: 'none' };
    for (const table of this.tables(this.mode)) {
      const r = table.lookup(command, this.device.abbreviations);
      if (r.kind === 'found') {
        lookup = r;
        break;
      }
      if (r.kind === 'ambiguous') lookup = r;
    }
    // The handler context is built only when something reads it (canned text does not).
    const ctx = () => this.context(line, lookup.kind === 'found' ? lookup.found.match : undefined, lookup.kind === 'found' ? lookup.found.command : command);
    let text: string;
    if (lookup.kind === 'found') {
      const r = lookup.found.response;
      text = (typeof r === 'string' ? r : await r(ctx())) ?? '';
    } else if (lookup.kind === 'ambiguous') {
      text = this.device.ambiguousCommand(line, ctx());
    } else {
      text = this.device.unknownCommand(line, ctx());
    }
    if (this.device.responseDelay > 0) await this.sleep(this.device.responseDelay);
    await pageOut(this.normalize(text), this.pager, this.device.pager, {
      write: (t) => this.out(t, false),
      readKey: () => this.reader.readKey(),
    });
  }

  private context(line: string, match: RegExpExecArray | undefined, command: string): CommandContext {
    const session = this;
    const ctx: CommandContext = {
      line,
      command,
      words: command.split(' '),
      match,
      get mode() {
        return session.mode;
      },
      set mode(m: string) {
        session.mode = m;
      },
      get hostname() {
        return session.hostname;
      },
      set hostname(h: string) {
        session.hostname = h;
      },
      get username() {
        return session.username;
      },
      pager: session.pager,
      state: session.state,
      get terminal() {
        return session.terminal;
      },
      clock: session.link.clock,
      ask: async (prompt, opts) => {
        session.freshLine();
        session.out(prompt, false);
        const echo = session.device.echo && (opts?.echo ?? true);
        return session.reader.readLine({ echo, echoNewline: session.device.echo });
      },
      write: (text) => session.out(text),
      sleep: (ms) => session.sleep(ms),
      close: () => {
        session.hangUpRequested = true;
      },
      invalid: () => session.device.unknownCommand(line, ctx),
    };
    return ctx;
  }

  private promptText(): string {
    return this.device.prompt(this.mode, { hostname: this.hostname, username: this.username });
  }

  private hangUp(): void {
    if (this.closed) return;
    this.end();
    this.link.close();
  }

  /** Marks the session closed: no more reads, and every pending sleep is cancelled. */
  private end(): void {
    this.closed = true;
    this.reader.close();
    for (const s of this.sleeps) {
      this.link.clock.clearTimeout(s.timer);
      s.reject(new SessionClosed());
    }
    this.sleeps.clear();
  }

  /** Waits `ms` on the session clock; rejects with SessionClosed when the session ends first. */
  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new SessionClosed());
    return new Promise((resolve, reject) => {
      const entry = { timer: undefined as unknown, reject };
      this.sleeps.add(entry);
      // Infinity (or more than a timer can hold) means "never": no timer, only the close ends it.
      if (ms > MAX_TIMER_MS) return;
      entry.timer = this.link.clock.setTimeout(() => {
        this.sleeps.delete(entry);
        resolve();
      }, ms);
    });
  }

  private normalize(text: string): string {
    return text.replace(/\r?\n/g, this.device.newline);
  }

  /** The device starts a prompt on a new line, as real CLIs do. */
  private freshLine(): void {
    if (this.lastChar !== '\n') this.out(this.device.newline, false);
  }

  private out(text: string, normalize = true): void {
    if (this.closed || text.length === 0) return;
    const t = normalize ? this.normalize(text) : text;
    this.lastChar = t[t.length - 1];
    const bytes = new Uint8Array(Buffer.from(t, this.device.encoding));
    const size = this.device.chunkSize;
    if (!size || bytes.length <= size) {
      this.link.send(bytes);
      return;
    }
    for (let i = 0; i < bytes.length; i += size) this.link.send(bytes.subarray(i, i + size));
  }
}
