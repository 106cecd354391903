// Turns the bytes a client types into lines and keys, the way a device's line
// discipline does: '\r', '\n', '\r\n' and telnet's '\r\0' each end one line,
// backspace edits, and typed characters are echoed only while the device is
// reading with echo on.

/** Thrown into a pending read when the connection goes away. */
export class SessionClosed extends Error {
  constructor() {
    super('The virtual device session is closed.');
    this.name = 'SessionClosed';
  }
}

export interface ReadLineOptions {
  /** Echo typed characters (off for passwords). */
  echo: boolean;
  /** Echo '\r\n' when the line ends (a device with echo off echoes nothing at all). */
  echoNewline: boolean;
}

type Waiter =
  | { kind: 'line'; opts: ReadLineOptions; resolve: (line: string) => void; reject: (e: Error) => void }
  | { kind: 'key'; resolve: (key: string) => void; reject: (e: Error) => void };

const BACKSPACES = new Set(['\x7f', '\b']);

export class LineReader {
  private pending = '';
  private partial = '';
  private waiter: Waiter | undefined;
  /** The previous line ended in '\r': a '\n' or '\0' right after belongs to it. */
  private skipAfterCr = false;
  private closed = false;

  /** `echo` receives what the device echoes back. */
  constructor(private readonly echo: (text: string) => void) {}

  feed(text: string): void {
    if (this.closed || text.length === 0) return;
    this.pending += text;
    this.drain();
  }

  readLine(opts: ReadLineOptions): Promise<string> {
    return this.wait((resolve, reject) => ({ kind: 'line', opts, resolve, reject }));
  }

  /** One key (a pager waiting for space / return / q). */
  readKey(): Promise<string> {
    return this.wait((resolve, reject) => ({ kind: 'key', resolve, reject }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(new SessionClosed());
  }

  private wait<T extends string>(make: (resolve: (v: T) => void, reject: (e: Error) => void) => Waiter): Promise<T> {
    if (this.closed) return Promise.reject(new SessionClosed());
    if (this.waiter) return Promise.reject(new Error('virtual device: a second read started while one is pending.'));
    return new Promise<T>((resolve, reject) => {
      this.waiter = make(resolve as (v: string) => void, reject);
      this.drain();
    });
  }

  private drain(): void {
    let i = 0;
    let echoed = '';
    const text = this.pending;
    while (this.waiter && i < text.length) {
      const c = text[i++]!;
      if (this.skipAfterCr) {
        this.skipAfterCr = false;
        if (c === '\n' || c === '\0') continue;
      }
      const w = this.waiter;
      if (w.kind === 'key') {
        if (c === '\r') this.skipAfterCr = true;
        this.waiter = undefined;
        w.resolve(c);
        continue;
      }
      if (c === '\r' || c === '\n') {
        if (c === '\r') this.skipAfterCr = true;
        const line = this.partial;
        this.partial = '';
        this.waiter = undefined;
        if (w.opts.echoNewline) echoed += '\r\n';
        w.resolve(line);
      } else if (BACKSPACES.has(c)) {
        if (this.partial.length > 0) {
          this.partial = this.partial.slice(0, -1);
          if (w.opts.echo) echoed += '\b \b';
        }
      } else {
        this.partial += c;
        if (w.opts.echo) echoed += c;
      }
    }
    this.pending = text.slice(i);
    // One echo chunk per read; a resolved reader continues only after this returns.
    if (echoed) this.echo(echoed);
  }
}
