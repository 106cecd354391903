// Options of a Protocol (the public API, README) plus netx's additions, with their defaults.
import type { AccountFactory } from '../account.js';
import type { Clock } from '../ports/clock.js';
import type { Driver } from '../ports/driver.js';
import type { DebugLevel, Transport } from '../ports/transport.js';
import type { LogSink } from './log-sink.js';

export interface ProtocolOptions {
  /** An adapter instance. */
  transport: Transport;
  /** Fixed driver (or a name from `drivers`/generic); omitted = chosen by guessOs(). */
  driver?: Driver | string;
  /** Drivers known for guessing and by name (generic is always there). */
  drivers?: Iterable<Driver>;
  /** Receives the device's output (`\r` removed, secrets masked). */
  stdout?: (text: string) => void;
  /** Receives debug lines; default: process.stderr on Node, console.error elsewhere. */
  stderr?: (line: string) => void;
  /** 0 (silent) to 5 (every byte); default 0. */
  debug?: DebugLevel;
  /** Default 30_000. */
  connectTimeout?: number;
  /** Inactivity limit of every wait: restarts on each chunk. Default 30_000. */
  timeout?: number;
  /** Default 20_000; passed to the transport. */
  bannerTimeout?: number;
  /** Conversation log file (appended; secrets never written; complete once close() resolves). Node only; elsewhere use logSink. */
  logfile?: string;
  /** Default 'dumb'. */
  termType?: string;
  /** Default true. */
  verifyFingerprint?: boolean;
  accountFactory?: AccountFactory;
  /** Default 'latin1' (byte for byte). */
  encoding?: string;
  /** Default: the system clock. */
  clock?: Clock;
  // ---- netx additions ----
  /** Overall limit of one wait in ms, however much data keeps coming. Default 600_000; 0 = none. */
  deadline?: number;
  /** Most characters the buffer may hold without a match (BufferLimitError). Default 16 MiB. */
  maxBufferSize?: number;
  /** Times a device may ask for the user name or the password before LoginFailure. Default 3. */
  maxLoginAttempts?: number;
  /** Pager prompts answered per wait before giving up (ProtocolError). Default 10_000. */
  maxPages?: number;
  /**
   * Quiet ms before a match that ends at the very end of the received text is accepted.
   * Default 0 (at once, as Exscript). Set it (e.g. 50) for byte-by-byte links such as
   * serial consoles, whose output may hold prompt-like lines (`Device#   PID`).
   */
  settleTime?: number;
  /** Terminal size told to the transport. Default 80 x 24. */
  columns?: number;
  rows?: number;
  /** Where the conversation log goes, instead of `logfile` (any LogSink: a stream, a runtime without `node:fs`). */
  logSink?: LogSink;
  /**
   * Aborts the whole session: the running call (connect, login, execute, ...) rejects
   * with AbortedError (or the signal's reason when it is a NetxError) and the transport
   * is closed. One signal may be shared by any number of Protocols.
   */
  signal?: AbortSignal;
}

/** The `signal` every step takes: an abort rejects the step with AbortedError and closes the session. */
export interface StepOptions {
  signal?: AbortSignal;
}

/** Per-call options of the waits (expect, waitFor, expectPrompt, execute). */
export interface WaitOptions extends StepOptions {
  /** Inactivity limit for this call (default: the connection's timeout). */
  timeout?: number;
  /** Overall limit for this call (default: the connection's deadline). */
  deadline?: number;
  /** Quiet ms before accepting a match at the very end (default: the connection's settleTime). */
  settleTime?: number;
}

export interface PromptWaitOptions extends WaitOptions {
  /** Remove the text up to and including the prompt from the buffer (default true). */
  consume?: boolean;
  /**
   * Stream the response: called with each piece of it, in order, as it arrives (the
   * echo line first, pager prompts left out, never the prompt), so only a bounded tail
   * is held. The result's `response` is then '' and `streamed` the characters passed
   * here. Command errors are still checked, line by line. A callback that throws ends
   * the call with its error.
   */
  onData?: (chunk: string) => void;
}

export const DEFAULTS = {
  connectTimeout: 30_000,
  timeout: 30_000,
  bannerTimeout: 20_000,
  termType: 'dumb',
  verifyFingerprint: true,
  encoding: 'latin1',
  debug: 0 as DebugLevel,
  deadline: 600_000,
  maxBufferSize: 16 * 1024 * 1024,
  maxLoginAttempts: 3,
  maxPages: 10_000,
  settleTime: 0,
  columns: 80,
  rows: 24,
  monitorLimit: 80,
} as const;
