// The conversation with the device: what goes out (write, sendSecret) and the waits
// for what comes back (expect, waitFor, expectPrompt, execute), under the connection's
// limits. The login loop talks through the same object (LoginChannel), so every wait
// has the same limits, the same engine and the same way out.
import { InvalidCommandError, StateError } from '../errors.js';
import { toRegExps, type MatchResult, type Pattern } from '../ports/driver.js';
import type { TextCodec } from './decoder.js';
import { FACT_TEXT } from '../guess/dialogue.js';
import type { DriverContext } from './driver-context.js';
import { findCommandError, type CommandErrorHit } from './command-errors.js';
import type { Link } from './link.js';
import type { LoginChannel } from './login.js';
import { visible, type DebugLog, type SecretRedactor } from './logging.js';
import type { PromptWaitOptions, WaitOptions } from './options.js';
import { StreamedResponse } from './streamed-response.js';
import type { ResolvedPatterns, WaitEngine, WaitResult } from './wait-engine.js';

/** The limits of every wait; a call's WaitOptions override them for that call. */
export interface Limits {
  timeout: number;
  deadline: number;
  settle: number;
}

export class Conversation implements LoginChannel {
  response: string | undefined;

  constructor(
    readonly engine: WaitEngine,
    readonly limits: Limits,
    private readonly link: Link,
    private readonly codec: TextCodec,
    private readonly drivers: DriverContext,
    private readonly redactor: SecretRedactor,
    private readonly dbg: DebugLog,
  ) {}

  /** Encodes and writes; the one place text goes out (send, execute, pager answers, login). */
  write(data: string): Promise<void> {
    this.link.assertOpen('send');
    if (this.dbg.enabled(5)) this.dbg.log(5, `send ${visible(data)}`);
    else if (this.dbg.enabled(4)) this.dbg.log(4, `send ${data.length} characters`);
    return this.link.write(this.codec.encode(data));
  }

  send(text: string): Promise<void> {
    return this.write(text);
  }

  async sendSecret(text: string): Promise<void> {
    this.link.assertOpen('send');
    this.redactor.add(text.replace(/\r$/, ''));
    this.dbg.log(4, 'send [secret]');
    await this.link.write(this.codec.encode(text));
  }

  async execute(command: string, opts: PromptWaitOptions): Promise<MatchResult> {
    this.link.assertConnected('execute');
    checkOnData('execute', opts);
    if (this.engine.isWaiting) throw new StateError('execute() while another wait is pending; await it first, or cancelExpect(). Nothing was sent.');
    if (this.dbg.enabled(3)) this.dbg.log(3, `execute ${visible(command)}`);
    // Wait first, then send: the answer can never be missed, and nothing waits on the
    // write's completion before the wait exists (a round trip costs less that way).
    const answer = this.promptWait('execute', opts, command);
    answer.catch(() => undefined); // rejections reach the caller below, not the process
    try {
      await this.write(`${command}\r`);
    } catch (err) {
      this.engine.cancel();
      throw this.link.explain('execute', err);
    }
    return answer;
  }

  patternWait(op: string, pattern: Pattern | Pattern[], consume: boolean, opts: WaitOptions): Promise<MatchResult> {
    let resolved: ResolvedPatterns;
    try {
      resolved = { patterns: nonEmptyPatterns(op, pattern).map((re) => ({ re })) };
      this.link.assertConnected(op);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.engine.wait({ op, consume, ...this.limitsFor(opts), resolve: () => resolved }).then(toMatchResult);
  }

  async promptWait(op: string, opts: PromptWaitOptions, command?: string): Promise<MatchResult> {
    this.link.assertConnected(op);
    checkOnData(op, opts);
    // The first prompts after a login revise the OS guess: keep the text of the prompt line.
    const keepBefore = this.drivers.wantsPrompt() ? FACT_TEXT : undefined;
    const stream = opts.onData ? new StreamedResponse(opts.onData, () => this.drivers.patterns('error')) : undefined;
    const r = await this.engine.wait({ op, consume: opts.consume ?? true, ...this.limitsFor(opts), keepBefore, stream, resolve: () => this.drivers.promptPatterns(true) });
    if (r.before !== undefined) this.drivers.promptSeen(r.before);
    if (!stream) {
      this.checkErrors(findCommandError(this.drivers.patterns('error'), r.response), r.response, command);
      return toMatchResult(r);
    }
    stream.end();
    this.checkErrors(stream.hit, stream.said, command);
    return { ...toMatchResult(r), streamed: stream.length };
  }

  /** Consumes the prompt a login left at the end; no command-error check. */
  async eatPrompt(): Promise<void> {
    await this.engine.wait({ op: 'login', consume: true, ...this.limits, resolve: () => this.drivers.promptPatterns(false) });
  }

  // ---- LoginChannel

  get receivedTo(): number {
    return this.engine.buffer.end;
  }

  peek(resolved: ResolvedPatterns): WaitResult | undefined {
    return this.engine.peek(resolved);
  }

  consume(to: number): void {
    this.engine.consume(to);
  }

  textBefore(end: number): string {
    return this.engine.textBefore(end, FACT_TEXT);
  }

  wait(op: string, consume: boolean, resolve: () => ResolvedPatterns): Promise<WaitResult> {
    return this.engine.wait({ op, consume, ...this.limits, resolve });
  }

  // ----

  /** Exscript: every line of the response after the first (the echo) is searched for the error patterns (`hit`); `text` is what the error carries. */
  private checkErrors(hit: CommandErrorHit | undefined, text: string, command?: string): void {
    if (!hit) return;
    const said = this.redactor.redact(text);
    const host = this.link.host;
    throw new InvalidCommandError(
      `${host ?? 'The device'} reported an error${command !== undefined ? ` for ${JSON.stringify(command)}` : ''} (line ${hit.line} matched ${hit.pattern}). Device said:\n${said}`,
      said,
      { ...(host ? { host } : {}), ...(command !== undefined ? { command } : {}) },
    );
  }

  private limitsFor(opts: WaitOptions): Limits {
    return { timeout: opts.timeout ?? this.limits.timeout, deadline: opts.deadline ?? this.limits.deadline, settle: opts.settleTime ?? this.limits.settle };
  }
}

function checkOnData(op: string, opts: PromptWaitOptions): void {
  if (opts.onData !== undefined && typeof opts.onData !== 'function') throw new TypeError(`${op}(): onData must be a function (or left out).`);
}

function toMatchResult(r: WaitResult): MatchResult {
  return { index: r.index, match: r.match, response: r.response };
}

export function nonEmptyPatterns(op: string, pattern: Pattern | Pattern[]): RegExp[] {
  const list = toRegExps(pattern);
  if (list.length === 0) throw new TypeError(`${op}(): give at least one pattern.`);
  return list;
}
