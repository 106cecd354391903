// The runner's options, the job, and the records it produces.
import type { AccountFactory, Clock, Driver, Protocol, Transport } from '@netx/core';
import type { Host } from '../inventory/types.js';

/** Makes a fresh, unconnected transport for one connection to `host`. */
export type TransportFactory = (host: Host) => Transport;

/** Structured parsing: records for a command's text, or undefined when no template fits. */
export type ParseHook = (platform: string, command: string, text: string) => readonly unknown[] | undefined | Promise<readonly unknown[] | undefined>;

export interface TaskContext {
  /** Aborted when the run stops or the host's deadline passes; pass it on to execute(). */
  readonly signal: AbortSignal;
  /** 1 for the first try, 2 after one retry, ... */
  readonly attempt: number;
}

/** A job's own code: whatever it returns (JSON-friendly, please) lands in `result`. */
export type TaskFunction = (conn: Protocol, host: Host, ctx: TaskContext) => unknown;

export interface Job {
  /** Run in order on each host. */
  commands?: readonly string[];
  /** A file of commands, one per line ('#' starts a comment line); read when the run starts. */
  commandFile?: string;
  /** Runs after the commands, on the logged-in connection. */
  task?: TaskFunction;
  /** Terminal set-up first (paging off). Default false. */
  autoInit?: boolean;
  /** Authorize (enable) after login, where the driver knows how. Default false. */
  enable?: boolean;
  /** Parse each output with the runner's `parse` hook. Default false. */
  parse?: boolean;
  /** Stop a host's commands at the first one the device rejects. Default true. */
  stopOnError?: boolean;
}

export interface FleetOptions {
  /** Transport factories by URL scheme: { ssh: () => new SshTransport(), telnet: ..., 'ws-serial': ... }. */
  transports: Readonly<Record<string, TransportFactory>>;
  /** Where credentials come from; gets { host, purpose, username, account }. */
  accounts: AccountFactory;
  /** Drivers for guessing and by name (generic is always known). */
  drivers?: readonly Driver[];
  /** Default: the system clock. */
  clock?: Clock;
  parse?: ParseHook;
  /** Hosts worked on at once. Default 20. */
  concurrency?: number;
  /** Hosts in the connect phase (TCP, SSH key exchange) at once, so a large concurrency does not start every handshake in one event-loop turn; a host still connecting after 1 s stops counting. Default 32. */
  connectConcurrency?: number;
  /** Inactivity limit of each wait in ms (a host's options.timeout wins). Default 30_000. */
  timeout?: number;
  /** Default 30_000 (a host's options.connectTimeout wins). */
  connectTimeout?: number;
  /** Most ms one host may take, retries included; 0 = no limit. Default 0. */
  hostDeadline?: number;
  /** Extra tries after a connection error before login. Default 0. */
  retries?: number;
  /** First backoff in ms, doubled per retry. Default 1_000. */
  retryDelay?: number;
  /** Backoff cap in ms. Default 30_000. */
  maxRetryDelay?: number;
  /** Stops the run: running sessions are closed, hosts not started are reported as aborted. */
  signal?: AbortSignal;
  /** One session log per host here (device output, secrets masked), mode 0600. */
  logDir?: string;
  /** Check SSH host keys unless a host says otherwise. Default true. */
  verifyFingerprint?: boolean;
  /** Called when a host starts (progress displays). */
  onStart?: (host: Host) => void;
}

export interface CommandOutput {
  readonly command: string;
  /** The device's answer without the echoed command line, '\n' line ends. */
  readonly output: string;
  readonly parsed?: readonly unknown[];
  readonly parseError?: string;
  /** The device rejected the command (error code). */
  readonly error?: string;
  readonly ms: number;
}

export interface HostErrorInfo {
  /** A NETX_* code, or NETX_JOB for a plain Error thrown by a task. */
  readonly code: string;
  readonly name: string;
  readonly message: string;
}

export interface HostTimings {
  /** clock.now() when the host started (its first attempt). */
  readonly startedAt: number;
  /** Of the last attempt. */
  readonly connectMs?: number;
  readonly loginMs?: number;
  /** All attempts and backoff. */
  readonly totalMs: number;
}

export interface HostResult {
  readonly host: string;
  /** The host's URL (never with a password). */
  readonly url: string;
  readonly ok: boolean;
  /** False for hosts the run never reached (aborted first). */
  readonly started: boolean;
  /** The driver used (fixed or guessed). */
  readonly driver?: string;
  readonly error?: HostErrorInfo;
  /** Problems that did not fail the host (a rejected terminal set-up). */
  readonly warnings?: readonly string[];
  readonly outputs: readonly CommandOutput[];
  /** What the job's task returned. */
  readonly result?: unknown;
  readonly attempts: number;
  readonly timings: HostTimings;
  readonly logFile?: string;
}

export interface RunSummary {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  /** Hosts failed because the run was stopped (started or not). */
  readonly aborted: number;
  readonly durationMs: number;
  /** Failed hosts by error code. */
  readonly errors: Readonly<Record<string, number>>;
}

export interface RunProgress {
  readonly total: number;
  readonly done: number;
  readonly ok: number;
  readonly failed: number;
  readonly running: number;
  readonly elapsedMs: number;
}
