// runFleet(): one job over many hosts with a concurrency limit, per-host deadline,
// retries with backoff (connection errors before login only) and an AbortSignal.
// Results arrive as an async iterable in the order hosts finish.
import { mkdirSync } from 'node:fs';
import { ErrorCodes, sleep, systemClock, type Clock } from '@netx/core';
import type { Host } from '../inventory/types.js';
import { Gate } from './gate.js';
import { prepareJob, type PreparedJob } from './job.js';
import { runAttempt, sessionLogPath, type AttemptOutcome } from './session.js';
import type { FleetOptions, HostErrorInfo, HostResult, Job, RunProgress, RunSummary } from './types.js';

/** A host still connecting after this long frees its place in the connect gate (a dead or slow address must not stall the run). */
const CONNECT_HOLD_MS = 1_000;

const ABORTED: HostErrorInfo = { code: ErrorCodes.ABORTED, name: 'AbortedError', message: 'The run was stopped before this host finished.' };

export class FleetRun implements AsyncIterable<HostResult> {
  /** Every host's record once the run is over, in finishing order. */
  readonly summary: Promise<RunSummary>;
  private readonly results: HostResult[] = [];
  private readonly wakers = new Set<() => void>();
  private finished = false;
  private running = 0;
  /** The running hosts' controllers: one listener on the caller's signal stops them all. */
  private readonly live = new Set<AbortController>();
  private readonly connectGate: Gate;
  private readonly startedAt: number;

  constructor(
    private readonly hosts: readonly Host[],
    private readonly job: PreparedJob,
    private readonly opts: FleetOptions,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    this.connectGate = new Gate(opts.connectConcurrency ?? 32, clock, CONNECT_HOLD_MS);
    this.summary = this.execute();
    this.summary.catch(() => undefined);
  }

  get total(): number {
    return this.hosts.length;
  }

  /** Counts right now (for progress displays). */
  progress(): RunProgress {
    const ok = this.results.filter((r) => r.ok).length;
    return { total: this.total, done: this.results.length, ok, failed: this.results.length - ok, running: this.running, elapsedMs: this.clock.now() - this.startedAt };
  }

  /** Each host's record as it finishes; any number of iterators, each sees every record. */
  async *[Symbol.asyncIterator](): AsyncIterator<HostResult> {
    let i = 0;
    for (;;) {
      while (i < this.results.length) yield this.results[i++]!;
      if (this.finished) return;
      await new Promise<void>((resolve) => this.wakers.add(resolve));
    }
  }

  /** Waits for the end; every record and the summary. */
  async collect(): Promise<{ results: HostResult[]; summary: RunSummary }> {
    const summary = await this.summary;
    return { results: [...this.results], summary };
  }

  private push(r: HostResult): void {
    this.results.push(r);
    const wake = [...this.wakers];
    this.wakers.clear();
    for (const w of wake) w();
  }

  private async execute(): Promise<RunSummary> {
    const { opts } = this;
    if (opts.logDir) mkdirSync(opts.logDir, { recursive: true, mode: 0o700 });
    let next = 0;
    // One listener, not one per host: a signal warns past 10 listeners (MaxListenersExceededWarning).
    const onRunAbort = () => {
      for (const ctl of this.live) ctl.abort('run');
    };
    opts.signal?.addEventListener('abort', onRunAbort, { once: true });
    const worker = async () => {
      while (next < this.hosts.length && !opts.signal?.aborted) {
        const host = this.hosts[next++]!;
        this.running++;
        opts.onStart?.(host);
        const r = await this.runHost(host);
        this.running--;
        this.push(r);
      }
    };
    const width = Math.min(opts.concurrency ?? 20, this.hosts.length);
    try {
      await Promise.all(Array.from({ length: width }, worker));
      for (const host of this.hosts.slice(next)) {
        this.push({ host: host.name, url: host.url.href, ok: false, started: false, error: ABORTED, outputs: [], attempts: 0, timings: { startedAt: this.clock.now(), totalMs: 0 } });
      }
    } finally {
      opts.signal?.removeEventListener('abort', onRunAbort);
      this.finished = true;
      for (const w of this.wakers) w();
      this.wakers.clear();
    }
    return this.summarize();
  }

  private async runHost(host: Host): Promise<HostResult> {
    const { opts, clock } = this;
    const start = clock.now();
    const ctl = new AbortController();
    if (opts.signal?.aborted) ctl.abort('run');
    this.live.add(ctl);
    const deadline = opts.hostDeadline ?? 0;
    const timer = deadline > 0 ? clock.setTimeout(() => ctl.abort('deadline'), deadline) : undefined;
    const logFile = opts.logDir ? sessionLogPath(opts.logDir, host.name) : undefined;
    let outcome: AttemptOutcome | undefined;
    let attempt = 0;
    const retries = opts.retries ?? 0;
    try {
      for (;;) {
        attempt++;
        outcome = await runAttempt({
          host,
          job: this.job,
          opts,
          clock,
          drivers: opts.drivers ?? [],
          attempt,
          signal: ctl.signal,
          connectGate: this.connectGate,
          logFile,
          abortInfo: (phase) =>
            ctl.signal.reason === 'deadline'
              ? { code: ErrorCodes.TIMEOUT, name: 'TimeoutError', message: `${host.name} did not finish within its deadline of ${deadline} ms (it was in the ${phase} phase).` }
              : { ...ABORTED, message: `The run was stopped while ${host.name} was in the ${phase} phase.` },
        });
        if (outcome.ok || !outcome.retryable || attempt > retries || ctl.signal.aborted) break;
        const delay = Math.min((opts.retryDelay ?? 1_000) * 2 ** (attempt - 1), opts.maxRetryDelay ?? 30_000);
        try {
          await sleep(clock, delay, ctl.signal);
        } catch {
          break;
        }
      }
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
      this.live.delete(ctl);
    }
    return toResult(host, outcome, attempt, start, clock.now() - start, logFile);
  }

  private summarize(): RunSummary {
    const errors: Record<string, number> = {};
    for (const r of this.results) if (!r.ok && r.error) errors[r.error.code] = (errors[r.error.code] ?? 0) + 1;
    const ok = this.results.filter((r) => r.ok).length;
    return {
      total: this.results.length,
      ok,
      failed: this.results.length - ok,
      aborted: this.results.filter((r) => r.error?.code === ErrorCodes.ABORTED).length,
      durationMs: this.clock.now() - this.startedAt,
      errors,
    };
  }
}

function toResult(host: Host, o: AttemptOutcome | undefined, attempts: number, startedAt: number, totalMs: number, logFile: string | undefined): HostResult {
  return {
    host: host.name,
    url: host.url.href,
    ok: o?.ok ?? false,
    started: true,
    ...(o?.driver !== undefined ? { driver: o.driver } : {}),
    ...(o?.error ? { error: o.error } : {}),
    ...(o?.warnings.length ? { warnings: o.warnings } : {}),
    outputs: o?.outputs ?? [],
    ...(o?.result !== undefined ? { result: o.result } : {}),
    attempts,
    timings: { startedAt, ...(o?.connectMs !== undefined ? { connectMs: o.connectMs } : {}), ...(o?.loginMs !== undefined ? { loginMs: o.loginMs } : {}), totalMs },
    ...(logFile ? { logFile } : {}),
  };
}

/** Starts a job on every host; iterate the returned run for records, await `summary` for the totals. */
export function runFleet(hosts: Iterable<Host>, job: Job, opts: FleetOptions): FleetRun {
  if (!opts || typeof opts.transports !== 'object' || opts.transports === null) throw new TypeError('runFleet: options.transports is required ({ ssh: (host) => new SshTransport(), ... }).');
  if (!opts.accounts || typeof opts.accounts.create !== 'function') throw new TypeError('runFleet: options.accounts (an AccountFactory) is required.');
  for (const k of ['concurrency', 'connectConcurrency'] as const) {
    const v = opts[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new RangeError(`runFleet: ${k} must be an integer >= 1.`);
  }
  for (const k of ['retries', 'retryDelay', 'maxRetryDelay', 'hostDeadline', 'timeout', 'connectTimeout'] as const) {
    const v = opts[k];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new RangeError(`runFleet: ${k} must be a number >= 0.`);
  }
  return new FleetRun([...hosts], prepareJob(job), opts, opts.clock ?? systemClock);
}
