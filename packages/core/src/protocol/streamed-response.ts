// A response handed out as it arrives (execute(cmd, { onData }), stream(cmd)) instead
// of held until the prompt. The engine passes it only text no pattern can still need
// (streamKeep); this side checks it for command errors line by line, the line cut by a
// chunk carried to the next one, exactly as findCommandError checks a whole response:
// every line after the first (the echo), each error pattern in list order.
import { plainOf, MATCH_WINDOW, TAIL_WINDOW, anchorOf } from './matcher.js';
import type { CommandErrorHit } from './command-errors.js';
import type { ResolvedPatterns } from './wait-engine.js';

/** Where a streaming wait delivers the response. */
export interface StreamSink {
  write(text: string): void;
}

/** A line longer than this is checked for errors on its first this-many characters (the rest is not held). */
export const STREAM_LINE_LIMIT = 64 * 1024;
/** Characters of output kept from the first error line on (the InvalidCommandError's `response`). */
const SAID_LIMIT = 4096;

/**
 * Characters at the end of the buffer a streaming wait must hold back: a prompt
 * anchored at the end is searched in the last TAIL_WINDOW (pagers too), any other in
 * new text plus MATCH_WINDOW. A pattern anchored at the start is tried where the
 * response starts: nothing is streamed while one is in the list.
 */
export function streamKeep(resolved: ResolvedPatterns): number {
  let cached = keepCache.get(resolved);
  if (cached === undefined) {
    cached = TAIL_WINDOW;
    for (const p of resolved.patterns) {
      if (p.disabled) continue;
      const anchor = anchorOf(p.re);
      if (anchor === 'start') cached = Infinity;
      else if (anchor === 'free') cached = Math.max(cached, MATCH_WINDOW);
    }
    keepCache.set(resolved, cached);
  }
  return cached;
}
const keepCache = new WeakMap<ResolvedPatterns, number>();

export class StreamedResponse implements StreamSink {
  /** Characters delivered so far. */
  length = 0;
  /** The first line that matched an error pattern (1-based; line 1 is the echo). */
  hit: CommandErrorHit | undefined;
  /** Output from the first error line on, at most SAID_LIMIT characters. */
  said = '';
  private line = '';
  private lineNo = 1;
  /** The current line was checked already (it grew past STREAM_LINE_LIMIT). */
  private lineDone = false;

  constructor(
    private readonly deliver: (text: string) => void,
    private readonly errors: () => readonly RegExp[],
  ) {}

  write(text: string): void {
    if (text.length === 0) return;
    this.length += text.length;
    this.scan(text);
    this.deliver(text);
  }

  /** The response is complete: its last line (the one the prompt follows) is checked too. */
  end(): void {
    if (!this.lineDone) this.check(this.line);
    this.line = '';
  }

  private scan(text: string): void {
    if (this.hit) {
      this.keepSaid(text);
      return;
    }
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && !this.hit; nl = text.indexOf('\n', from)) {
      const line = this.line + text.slice(from, nl);
      if (!this.lineDone) this.check(line);
      this.line = '';
      this.lineDone = false;
      this.lineNo++;
      from = nl + 1;
      if (this.hit) this.keepSaid(`\n${text.slice(from)}`);
    }
    if (this.hit) return;
    if (this.lineDone) return;
    this.line += text.slice(from);
    if (this.line.length > STREAM_LINE_LIMIT) {
      this.check(this.line.slice(0, STREAM_LINE_LIMIT));
      this.line = '';
      this.lineDone = true;
    }
  }

  /** Line 1 is the echo of the command; every later line is checked. */
  private check(line: string): void {
    if (this.lineNo < 2 || this.hit) return;
    for (const re of this.errors()) {
      if (plainOf(re).test(line)) {
        this.hit = { line: this.lineNo, pattern: re };
        this.said = line.slice(0, SAID_LIMIT);
        return;
      }
    }
  }

  private keepSaid(text: string): void {
    if (this.said.length < SAID_LIMIT) this.said += text.slice(0, SAID_LIMIT - this.said.length);
  }
}
