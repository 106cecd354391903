// The expect engine: one pending wait at a time over the receive buffer. Patterns
// are resolved lazily at every evaluation (so a driver switch mid-wait takes
// effect at once), the timeout is an inactivity limit restarted by each chunk,
// and an overall deadline bounds every call (AbortSignals end the whole session:
// cancel.ts). It runs once per
// received chunk, so the hot path allocates little: patterns resolved to the same
// object are not compared again, chunks only note the time for the inactivity
// limit (one Watchdog timer serves every wait), and debug text is built only when
// someone reads it.
import {
  BufferLimitError,
  ConnectionError,
  ExpectCancelledError,
  ProtocolError,
  StateError,
  TimeoutError,
  type NetxError,
} from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { PagerRule } from '../ports/driver.js';
import { findFirst, plainOf, TAIL_WINDOW, type SearchPattern } from './matcher.js';
import { clause } from './messages.js';
import { EraseFilter, findPager } from './pager.js';
import { ReceiveBuffer } from './receive-buffer.js';
import { streamKeep, type StreamSink } from './streamed-response.js';
import { Watchdog } from './watchdog.js';

export interface ResolvedPatterns {
  readonly patterns: readonly SearchPattern[];
  readonly clean?: ((text: string) => string) | undefined;
  /** Pager rules answered while waiting (prompt waits only). */
  readonly pagers?: readonly PagerRule[] | undefined;
}

export interface WaitRequest {
  /** Name of the call, for messages ('expect', 'expectPrompt', 'login'). */
  readonly op: string;
  resolve(): ResolvedPatterns;
  readonly consume: boolean;
  readonly timeout: number;
  readonly deadline: number;
  /** Quiet ms required before accepting a match that ends at the very end of the text (0 = at once). */
  readonly settle?: number | undefined;
  /** Keep this many characters ending at the match as `before` (taken before the match is consumed). */
  readonly keepBefore?: number | undefined;
  /**
   * Hand the response out as it comes instead of holding it: text no pattern can still
   * need goes to the sink (and out of the buffer) on every chunk, the rest at the match;
   * the result's `response` is then ''.
   */
  readonly stream?: StreamSink | undefined;
}

export interface WaitResult {
  index: number;
  match: RegExpExecArray;
  response: string;
  pattern: SearchPattern;
  start: number;
  end: number;
  /** The text ending at the match (keepBefore), from a line start. */
  before?: string;
}

export interface EngineDeps {
  readonly clock: Clock;
  maxBufferSize: number;
  maxPages: number;
  host(): string | undefined;
  /** Sends a pager answer. */
  sendRaw(text: string): Promise<void>;
  /** Called with the response of every match. */
  onMatch(response: string): void;
  redact(text: string): string;
  debug(level: 1 | 2 | 3 | 4 | 5, message: string): void;
  /** False when a debug line of this level would be dropped (so it need not be built). */
  debugEnabled(level: 1 | 2 | 3 | 4 | 5): boolean;
}

interface Pending {
  readonly req: WaitRequest;
  resolve(r: WaitResult): void;
  reject(e: unknown): void;
  scannedTo: number;
  lastResolved: ResolvedPatterns | undefined;
  /** clock.now() when the wait started and of the last chunk since; the watchdog compares against them. */
  startedAt: number;
  lastActivity: number;
  settleTimer: unknown;
  settled: boolean;
}

export class WaitEngine {
  readonly buffer = new ReceiveBuffer();
  private pending: Pending | undefined;
  private ended: { error: NetxError | undefined; local: ((op: string) => NetxError) | undefined } | undefined;
  private overflow: BufferLimitError | undefined;
  /** An error for the next wait (an output that failed: OutputError), reported once. */
  private reported: NetxError | undefined;
  private readonly erase = new EraseFilter();
  private pages = 0;
  /** The last consuming match ended at the end of the text: blanks it would have taken may still come. */
  private matchTail: MatchTail | undefined;
  private readonly watchdog: Watchdog;

  constructor(private readonly deps: EngineDeps) {
    this.watchdog = new Watchdog(deps.clock, () => this.checkLimits());
  }

  get isWaiting(): boolean {
    return this.pending !== undefined;
  }

  /** Appends received text (after pager erase sequences are dropped) and re-evaluates. */
  push(text: string): void {
    let kept = this.erase.feed(text);
    if (this.matchTail && kept.length > 0) kept = this.absorbBlanks(kept);
    this.buffer.append(kept);
    const p = this.pending;
    if (!p) {
      this.checkOverflow(undefined);
      return;
    }
    if (p.req.timeout > 0) p.lastActivity = this.deps.clock.now();
    if (p.settleTimer !== undefined || p.settled) this.unsettle(p);
    this.evaluate(p);
    if (this.pending === p) this.checkOverflow(p);
  }

  /**
   * A prompt read byte by byte matches as soon as `box#` is in, before the blank of
   * `box# ` arrives; whole, the same pattern takes the blank. Blanks that arrive
   * right after such a match are dropped when the pattern takes them too, so the
   * next response does not start with them and results do not depend on chunking.
   */
  private absorbBlanks(text: string): string {
    const tail = this.matchTail!;
    let n = 0;
    while (n < text.length && (text.charCodeAt(n) === 0x20 || text.charCodeAt(n) === 0x09)) n++;
    if (n === 0) {
      this.matchTail = undefined;
      return text;
    }
    for (let k = n; k > 0; k--) {
      const candidate = tail.text + text.slice(0, k);
      const searched = tail.clean ? tail.clean(candidate) : candidate;
      const m = tail.re.exec(searched);
      if (m && m.index === 0 && m[0].length === searched.length) {
        tail.text = candidate;
        if (k < text.length) this.matchTail = undefined;
        return text.slice(k);
      }
    }
    this.matchTail = undefined;
    return text;
  }

  /**
   * The stream ended; a pending wait that cannot match any more fails. `local`: the
   * client ended the session (close(), an abort): waits fail with its error at once.
   */
  end(error?: NetxError, local?: (op: string) => NetxError): void {
    if (this.ended) return;
    this.matchTail = undefined;
    this.watchdog.stop();
    this.buffer.append(this.erase.flush());
    this.ended = { error, local };
    const p = this.pending;
    if (p && local) this.finish(p, () => p.reject(local(p.req.op)));
    else if (p) this.evaluate(p);
  }

  /** Ends the pending wait with ExpectCancelledError; false when nothing waits. */
  cancel(): boolean {
    const p = this.pending;
    if (!p) return false;
    this.finish(p, () => p.reject(new ExpectCancelledError()));
    return true;
  }

  /**
   * Reports `err` to the next wait, not the pending one: the running call finishes
   * undisturbed and the next one starts with the error. The first report wins.
   */
  report(err: NetxError): void {
    this.reported ??= err;
  }

  /** The reported error no wait took yet (close() delivers it), once. */
  takeReported(): NetxError | undefined {
    const err = this.reported;
    this.reported = undefined;
    return err;
  }

  /** Drops the buffer up to absolute offset `to`. */
  consume(to: number): void {
    this.buffer.consume(to);
  }

  /**
   * Up to `n` characters of the live buffer ending at absolute offset `end`, from a
   * line start (a pattern anchored at the start must not take half a line for a
   * whole one) unless the window reaches the buffer's start.
   */
  textBefore(end: number, n: number): string {
    const from = Math.max(this.buffer.start, end - n);
    const text = this.buffer.slice(from, end);
    if (from === this.buffer.start) return text;
    const cut = text.search(/[\r\n]/);
    return cut < 0 ? '' : text.slice(cut);
  }

  /** Tries the patterns on the buffer now, without waiting. */
  peek(resolved: ResolvedPatterns): WaitResult | undefined {
    const found = findFirst(this.buffer, resolved.patterns, { scannedTo: this.buffer.start, clean: resolved.clean });
    if (!found) return undefined;
    return { ...found, pattern: resolved.patterns[found.index]!, response: this.buffer.slice(this.buffer.start, found.start) };
  }

  wait(req: WaitRequest): Promise<WaitResult> {
    if (this.pending) {
      return Promise.reject(new StateError(`${req.op}() while another wait (${this.pending.req.op}) is pending; await it first, or cancelExpect().`));
    }
    if (this.overflow) {
      const err = this.overflow;
      this.overflow = undefined;
      return Promise.reject(err);
    }
    const reported = this.takeReported();
    if (reported) return Promise.reject(reported);
    const local = this.ended?.local;
    if (local) return Promise.reject(local(req.op));
    this.pages = 0;
    return new Promise<WaitResult>((resolve, reject) => {
      const p: Pending = {
        req,
        resolve,
        reject,
        scannedTo: this.buffer.start,
        lastResolved: undefined,
        startedAt: this.deps.clock.now(),
        lastActivity: 0,
        settleTimer: undefined,
        settled: false,
      };
      p.lastActivity = p.startedAt;
      this.pending = p;
      this.watchdog.checkBy(nextCheck(p));
      this.evaluate(p);
    });
  }

  private evaluate(p: Pending): void {
    let resolved: ResolvedPatterns;
    try {
      resolved = p.req.resolve();
    } catch (err) {
      this.finish(p, () => p.reject(err));
      return;
    }
    // New patterns (driver switched, prompt changed): search the whole buffer again.
    const last = p.lastResolved;
    if (resolved !== last && (!last || !samePatterns(last.patterns, resolved.patterns) || last.clean !== resolved.clean)) {
      p.scannedTo = this.buffer.start;
    }
    p.lastResolved = resolved;
    let found;
    try {
      found = findFirst(this.buffer, resolved.patterns, { scannedTo: p.scannedTo, clean: resolved.clean });
    } catch (err) {
      this.finish(p, () => p.reject(err));
      return;
    }
    if (found && this.mustSettle(p, found.end)) return;
    if (found) {
      const pattern = resolved.patterns[found.index]!;
      let response = this.buffer.slice(this.buffer.start, found.start);
      const before = p.req.keepBefore ? this.textBefore(found.end, p.req.keepBefore) : undefined;
      if (p.req.stream) {
        if (!this.toSink(p, response)) return;
        response = '';
      }
      if (p.req.consume) {
        this.matchTail =
          found.end === this.buffer.end && found.end > found.start
            ? { re: plainOf(pattern.re), clean: resolved.clean, text: this.buffer.slice(found.start, found.end) }
            : undefined;
        this.buffer.consume(found.end);
      }
      if (this.deps.debugEnabled(3)) this.deps.debug(3, `${p.req.op}: pattern ${found.index} (${short(pattern.re)}) matched`);
      this.deps.onMatch(response);
      const result: WaitResult = { index: found.index, match: found.match, start: found.start, end: found.end, pattern, response, ...(before !== undefined ? { before } : {}) };
      this.finish(p, () => p.resolve(result));
      return;
    }
    p.scannedTo = this.buffer.end;
    if (p.req.stream && !this.ended && !this.streamOut(p, resolved)) return;
    if (resolved.pagers && resolved.pagers.length > 0 && !this.ended && this.answerPager(p, resolved.pagers)) return;
    if (this.ended) {
      const { error } = this.ended;
      const text = this.deps.redact(this.buffer.text());
      const host = this.deps.host();
      const reason = error instanceof ConnectionError ? error.reason : 'closed';
      const why = error ? `: ${clause(error.message)}` : '';
      this.finish(p, () =>
        p.reject(
          new ConnectionError(reason, `The connection${host ? ` to ${host}` : ''} ended during ${p.req.op}() before a match${why}. ${this.lastSeen()}`, {
            ...(host ? { host } : {}),
            response: text,
            ...(error ? { cause: error } : {}),
          }),
        ),
      );
    }
  }

  /** Streams what no pattern can still need (all but streamKeep() characters of the tail); false when the sink threw. */
  private streamOut(p: Pending, resolved: ResolvedPatterns): boolean {
    const upTo = this.buffer.end - streamKeep(resolved);
    if (upTo <= this.buffer.start) return true;
    const text = this.buffer.slice(this.buffer.start, upTo);
    this.buffer.consume(upTo);
    return this.toSink(p, text);
  }

  /** Text to the wait's sink; a sink that throws ends the wait with its error. */
  private toSink(p: Pending, text: string): boolean {
    if (text.length === 0) return true;
    try {
      p.req.stream!.write(text);
      return true;
    } catch (err) {
      this.finish(p, () => p.reject(err));
      return false;
    }
  }

  /**
   * A match at the very end of the text may be the start of longer output (a
   * `Device#` line read byte by byte): with `settle`, accept it only after that
   * many quiet ms. New data restarts the judgement.
   */
  private mustSettle(p: Pending, end: number): boolean {
    const ms = p.req.settle ?? 0;
    if (!(ms > 0) || p.settled || this.ended || end < this.buffer.end) return false;
    p.settleTimer ??= this.deps.clock.setTimeout(() => {
      p.settleTimer = undefined;
      p.settled = true;
      if (this.pending === p) this.evaluate(p);
    }, ms);
    return true;
  }

  private unsettle(p: Pending): void {
    if (p.settleTimer !== undefined) this.deps.clock.clearTimeout(p.settleTimer);
    p.settleTimer = undefined;
    p.settled = false;
  }

  private answerPager(p: Pending, rules: readonly PagerRule[]): boolean {
    const tail = this.buffer.tail(TAIL_WINDOW);
    const hit = findPager(tail, rules);
    if (!hit) return false;
    if (++this.pages > this.deps.maxPages) {
      this.finish(p, () =>
        p.reject(new ProtocolError(`Answered ${this.deps.maxPages} pager prompts during ${p.req.op}() and the device still pages; switch paging off (autoInit()) or raise maxPages.`)),
      );
      return true;
    }
    this.buffer.truncate(this.buffer.end - hit.length);
    p.scannedTo = Math.min(p.scannedTo, this.buffer.end);
    this.erase.activate();
    if (this.deps.debugEnabled(3)) this.deps.debug(3, `${p.req.op}: pager ${hit.rule.pattern} answered with ${JSON.stringify(hit.rule.answer)}`);
    this.deps.sendRaw(hit.rule.answer).catch((err: unknown) => {
      if (this.pending === p) this.finish(p, () => p.reject(err));
    });
    return true;
  }

  private checkOverflow(p: Pending | undefined): void {
    const max = this.deps.maxBufferSize;
    if (this.buffer.length <= max) return;
    const err = new BufferLimitError(
      max,
      `The receive buffer grew past maxBufferSize (${max} characters) without a match${p ? ` during ${p.req.op}()` : ''}; raise maxBufferSize, wait for something that appears earlier, or read long output in parts. The oldest text was dropped.`,
      this.errorOptions(),
    );
    this.buffer.consume(this.buffer.end - Math.floor(max / 2));
    if (p) this.finish(p, () => p.reject(err));
    else this.overflow = err;
  }

  /** The watchdog fired: end the pending wait if a limit passed, else check again when the next one is due. */
  private checkLimits(): void {
    const p = this.pending;
    if (!p) return;
    const now = this.deps.clock.now();
    // A clock stepped backwards must not stretch a limit.
    if (p.lastActivity > now) p.lastActivity = now;
    if (p.startedAt > now) p.startedAt = now;
    const { timeout, deadline, op } = p.req;
    if (isLimit(timeout) && now - p.lastActivity >= timeout) {
      this.finish(p, () =>
        p.reject(
          new TimeoutError(op, timeout, `${op}: nothing matched and no data came for ${timeout} ms. ${this.lastSeen()} Check the pattern/prompt or raise the timeout.`, {
            ...this.errorOptions(),
            response: this.redactedTail(ERROR_TAIL),
          }),
        ),
      );
    } else if (isLimit(deadline) && now - p.startedAt >= deadline) {
      this.finish(p, () =>
        p.reject(
          new TimeoutError(op, deadline, `${op}: no match within the overall deadline of ${deadline} ms (data kept coming). ${this.lastSeen()} Raise the deadline option or wait for something that appears sooner.`, {
            ...this.errorOptions(),
            response: this.redactedTail(ERROR_TAIL),
          }),
        ),
      );
    } else this.watchdog.checkBy(nextCheck(p));
  }

  private finish(p: Pending, fn: () => void): void {
    if (this.pending !== p) return;
    this.pending = undefined;
    if (p.settleTimer !== undefined) this.deps.clock.clearTimeout(p.settleTimer);
    fn();
  }

  private errorOptions(): { host?: string } {
    const host = this.deps.host();
    return host ? { host } : {};
  }

  /**
   * The last `n` characters, secrets masked. Redacted with some text before it, so a
   * secret the cut would split is still recognised whole (secrets are short).
   */
  private redactedTail(n: number): string {
    return this.deps.redact(this.buffer.tail(n + 256)).slice(-n);
  }

  private lastSeen(): string {
    const tail = this.redactedTail(200);
    return tail.length > 0 ? `Last received: ${JSON.stringify(tail)}.` : 'Nothing is in the buffer.';
  }
}

const isLimit = (ms: number): boolean => ms > 0 && ms < Infinity;

/** Characters of the buffer's tail a TimeoutError carries as `response` (a 100 MB buffer is not copied into an error). */
export const ERROR_TAIL = 4096;

/** Clock time at which one of the wait's limits may be reached. */
function nextCheck(p: Pending): number {
  const { timeout, deadline } = p.req;
  return Math.min(isLimit(timeout) ? p.lastActivity + timeout : Infinity, isLimit(deadline) ? p.startedAt + deadline : Infinity);
}

interface MatchTail {
  readonly re: RegExp;
  readonly clean: ((text: string) => string) | undefined;
  /** The matched text plus the blanks taken since. */
  text: string;
}

function samePatterns(a: readonly SearchPattern[], b: readonly SearchPattern[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.re !== y.re || x.from !== y.from || x.disabled !== y.disabled) return false;
  }
  return true;
}

function short(re: RegExp): string {
  const s = String(re);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
