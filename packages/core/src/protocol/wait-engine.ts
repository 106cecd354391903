// The expect engine: one pending wait at a time over the receive buffer. Patterns
// are resolved lazily at every evaluation (so a driver switch mid-wait takes
// effect at once), the timeout is an inactivity limit restarted by each chunk,
// and an overall deadline and an AbortSignal bound every call.
import {
  AbortedError,
  BufferLimitError,
  ConnectionError,
  ExpectCancelledError,
  ProtocolError,
  StateError,
  TimeoutError,
  isNetxError,
  type NetxError,
} from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { PagerRule } from '../ports/driver.js';
import { findFirst, TAIL_WINDOW, type SearchPattern } from './matcher.js';
import { EraseFilter, findPager } from './pager.js';
import { ReceiveBuffer } from './receive-buffer.js';

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
  readonly signal?: AbortSignal | undefined;
  /** Quiet ms required before accepting a match that ends at the very end of the text (0 = at once). */
  readonly settle?: number | undefined;
}

export interface WaitResult {
  index: number;
  match: RegExpExecArray;
  response: string;
  pattern: SearchPattern;
  start: number;
  end: number;
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
}

interface Pending {
  readonly req: WaitRequest;
  resolve(r: WaitResult): void;
  reject(e: unknown): void;
  scannedTo: number;
  lastPatterns: readonly SearchPattern[] | undefined;
  lastClean: unknown;
  idleTimer: unknown;
  deadlineTimer: unknown;
  settleTimer: unknown;
  settled: boolean;
  onAbort: (() => void) | undefined;
}

export class WaitEngine {
  readonly buffer = new ReceiveBuffer();
  private pending: Pending | undefined;
  private ended: { error: NetxError | undefined } | undefined;
  private overflow: BufferLimitError | undefined;
  private readonly erase = new EraseFilter();
  private pages = 0;

  constructor(private readonly deps: EngineDeps) {}

  get isWaiting(): boolean {
    return this.pending !== undefined;
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  /** A new connection: empty buffer, nothing ended. */
  reset(): void {
    this.buffer.clear();
    this.ended = undefined;
    this.overflow = undefined;
    this.erase.flush();
    this.pages = 0;
  }

  /** Appends received text (after pager erase sequences are dropped) and re-evaluates. */
  push(text: string): void {
    const kept = this.erase.feed(text);
    this.buffer.append(kept);
    const p = this.pending;
    if (!p) {
      this.checkOverflow(undefined);
      return;
    }
    this.armIdle(p);
    this.unsettle(p);
    this.evaluate(p);
    if (this.pending === p) this.checkOverflow(p);
  }

  /** The stream ended; a pending wait that cannot match any more fails. */
  end(error?: NetxError): void {
    if (this.ended) return;
    this.buffer.append(this.erase.flush());
    this.ended = { error };
    if (this.pending) this.evaluate(this.pending);
  }

  /** Ends the pending wait with ExpectCancelledError; false when nothing waits. */
  cancel(): boolean {
    const p = this.pending;
    if (!p) return false;
    this.finish(p, () => p.reject(new ExpectCancelledError()));
    return true;
  }

  /** Drops the buffer up to absolute offset `to`. */
  consume(to: number): void {
    this.buffer.consume(to);
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
    if (req.signal?.aborted) return Promise.reject(this.abortError(req));
    this.pages = 0;
    return new Promise<WaitResult>((resolve, reject) => {
      const p: Pending = {
        req,
        resolve,
        reject,
        scannedTo: this.buffer.start,
        lastPatterns: undefined,
        lastClean: undefined,
        idleTimer: undefined,
        deadlineTimer: undefined,
        settleTimer: undefined,
        settled: false,
        onAbort: undefined,
      };
      this.pending = p;
      this.armIdle(p);
      if (req.deadline > 0 && Number.isFinite(req.deadline)) {
        p.deadlineTimer = this.deps.clock.setTimeout(() => {
          this.finish(p, () =>
            p.reject(
              new TimeoutError(req.op, req.deadline, `${req.op}: no match within the overall deadline of ${req.deadline} ms (data kept coming). ${this.lastSeen()} Raise the deadline option or wait for something that appears sooner.`, this.errorOptions()),
            ),
          );
        }, req.deadline);
      }
      if (req.signal) {
        p.onAbort = () => this.finish(p, () => p.reject(this.abortError(req)));
        req.signal.addEventListener('abort', p.onAbort, { once: true });
      }
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
    if (!samePatterns(p.lastPatterns, resolved.patterns) || p.lastClean !== resolved.clean) {
      p.scannedTo = this.buffer.start;
      p.lastPatterns = resolved.patterns;
      p.lastClean = resolved.clean;
    }
    let found;
    try {
      found = findFirst(this.buffer, resolved.patterns, { scannedTo: p.scannedTo, clean: resolved.clean });
    } catch (err) {
      this.finish(p, () => p.reject(err));
      return;
    }
    if (found && this.mustSettle(p, found.end)) return;
    if (found) {
      const response = this.buffer.slice(this.buffer.start, found.start);
      if (p.req.consume) this.buffer.consume(found.end);
      this.deps.debug(3, `${p.req.op}: pattern ${found.index} (${short(resolved.patterns[found.index]!.re)}) matched`);
      this.deps.onMatch(response);
      const result: WaitResult = { ...found, pattern: resolved.patterns[found.index]!, response };
      this.finish(p, () => p.resolve(result));
      return;
    }
    p.scannedTo = this.buffer.end;
    if (resolved.pagers && resolved.pagers.length > 0 && !this.ended && this.answerPager(p, resolved.pagers)) return;
    if (this.ended) {
      const { error } = this.ended;
      const text = this.deps.redact(this.buffer.text());
      const host = this.deps.host();
      const reason = error instanceof ConnectionError ? error.reason : 'closed';
      const why = error ? `: ${error.message}` : '';
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
    this.deps.debug(3, `${p.req.op}: pager ${hit.rule.pattern} answered with ${JSON.stringify(hit.rule.answer)}`);
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

  private armIdle(p: Pending): void {
    const { clock } = this.deps;
    if (p.idleTimer !== undefined) clock.clearTimeout(p.idleTimer);
    const ms = p.req.timeout;
    if (!(ms > 0) || !Number.isFinite(ms)) return;
    p.idleTimer = clock.setTimeout(() => {
      this.finish(p, () =>
        p.reject(
          new TimeoutError(p.req.op, ms, `${p.req.op}: nothing matched and no data came for ${ms} ms. ${this.lastSeen()} Check the pattern/prompt or raise the timeout.`, {
            ...this.errorOptions(),
            response: this.deps.redact(this.buffer.text()),
          }),
        ),
      );
    }, ms);
  }

  private finish(p: Pending, fn: () => void): void {
    if (this.pending !== p) return;
    this.pending = undefined;
    const { clock } = this.deps;
    if (p.idleTimer !== undefined) clock.clearTimeout(p.idleTimer);
    if (p.deadlineTimer !== undefined) clock.clearTimeout(p.deadlineTimer);
    if (p.settleTimer !== undefined) clock.clearTimeout(p.settleTimer);
    if (p.onAbort) p.req.signal?.removeEventListener('abort', p.onAbort);
    fn();
  }

  private abortError(req: WaitRequest): NetxError {
    const reason: unknown = req.signal?.reason;
    if (isNetxError(reason)) return reason;
    const host = this.deps.host();
    return new AbortedError(`${req.op}() was aborted by its AbortSignal.`, { ...(host ? { host } : {}), ...(reason !== undefined ? { cause: reason } : {}) });
  }

  private errorOptions(): { host?: string } {
    const host = this.deps.host();
    return host ? { host } : {};
  }

  private lastSeen(): string {
    const tail = this.deps.redact(this.buffer.tail(200));
    return tail.length > 0 ? `Last received: ${JSON.stringify(tail)}.` : 'Nothing is in the buffer.';
  }
}

function samePatterns(a: readonly SearchPattern[] | undefined, b: readonly SearchPattern[]): boolean {
  if (!a || a.length !== b.length) return false;
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
