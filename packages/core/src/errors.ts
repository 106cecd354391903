// Typed errors. Every error netx throws on purpose is a NetxError with a stable `code`.
// Classes are branded with Symbol.for so that two copies of @netx/core in one
// node_modules still recognise each other's errors: use isNetxError(), not instanceof.

const BRAND = Symbol.for('netx:error');

export const ErrorCodes = {
  TIMEOUT: 'NETX_TIMEOUT',
  EXPECT_CANCELLED: 'NETX_EXPECT_CANCELLED',
  ABORTED: 'NETX_ABORTED',
  CLOSED_BY_CLIENT: 'NETX_CLOSED_BY_CLIENT',
  INVALID_COMMAND: 'NETX_INVALID_COMMAND',
  LOGIN_FAILED: 'NETX_LOGIN_FAILED',
  CONNECTION: 'NETX_CONNECTION',
  HOST_KEY: 'NETX_HOST_KEY',
  PROTOCOL: 'NETX_PROTOCOL',
  BUFFER_LIMIT: 'NETX_BUFFER_LIMIT',
  STATE: 'NETX_STATE',
  OUTPUT: 'NETX_OUTPUT',
} as const;
/** Core's codes, plus `NETX_*` codes that plugins define for their own errors (e.g. @netx/fleet's NETX_INVENTORY). */
export type NetxErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | `NETX_${Uppercase<string>}`;

export interface NetxErrorOptions {
  cause?: unknown;
  host?: string;
}

export class NetxError extends Error {
  readonly code: NetxErrorCode;
  readonly host?: string;
  readonly [BRAND] = true;

  constructor(code: NetxErrorCode, message: string, options: NetxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options.host !== undefined) this.host = options.host;
  }
}

/** True for any NetxError, from this or another copy of @netx/core; optionally of one code. */
export function isNetxError(value: unknown, code?: NetxErrorCode): value is NetxError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (value as NetxError).code === code;
}

/** A wait ran out of time: inactivity (`timeout`), the overall deadline, or connecting. */
export class TimeoutError extends NetxError {
  readonly operation: string;
  readonly ms: number;
  /** Text received while waiting, if any (the tail of the buffer). */
  readonly response?: string;
  constructor(operation: string, ms: number, message: string, options: NetxErrorOptions & { response?: string } = {}) {
    super(ErrorCodes.TIMEOUT, message, options);
    this.operation = operation;
    this.ms = ms;
    if (options.response !== undefined) this.response = options.response;
  }
}

/** cancelExpect() ended a pending wait. */
export class ExpectCancelledError extends NetxError {
  constructor(message = 'The pending expect was cancelled by cancelExpect().', options: NetxErrorOptions = {}) {
    super(ErrorCodes.EXPECT_CANCELLED, message, options);
  }
}

/** An AbortSignal passed by the caller ended the call. */
export class AbortedError extends NetxError {
  constructor(message = 'The operation was aborted by its AbortSignal.', options: NetxErrorOptions = {}) {
    super(ErrorCodes.ABORTED, message, options);
  }
}

/**
 * close() (or closing through an AbortSignal's session) ended a call that was still
 * running. A peer that hangs up is a ConnectionError instead: this error says "you
 * closed it", not "it died".
 */
export class ClosedError extends NetxError {
  constructor(message = 'The session was closed by close() while the call was running.', options: NetxErrorOptions = {}) {
    super(ErrorCodes.CLOSED_BY_CLIENT, message, options);
  }
}

/** The device answered a command with text matching an error pattern. */
export class InvalidCommandError extends NetxError {
  readonly response: string;
  readonly command?: string;
  constructor(message: string, response: string, options: NetxErrorOptions & { command?: string } = {}) {
    super(ErrorCodes.INVALID_COMMAND, message, options);
    this.response = response;
    if (options.command !== undefined) this.command = options.command;
  }
}

/** Authentication or authorization was refused, or never reached a prompt. */
export class LoginFailure extends NetxError {
  constructor(message: string, options: NetxErrorOptions = {}) {
    super(ErrorCodes.LOGIN_FAILED, message, options);
  }
}

export type ConnectionFailureReason =
  | 'refused'
  | 'unreachable'
  | 'dns'
  | 'reset'
  | 'closed'
  | 'handshake'
  | 'tls'
  | 'other';

/** The connection could not be made, or ended while a call needed it. */
export class ConnectionError extends NetxError {
  readonly reason: ConnectionFailureReason;
  /** What had been received when the connection ended (text, decoded). */
  readonly response?: string;
  constructor(
    reason: ConnectionFailureReason,
    message: string,
    options: NetxErrorOptions & { response?: string } = {},
  ) {
    super(ErrorCodes.CONNECTION, message, options);
    this.reason = reason;
    if (options.response !== undefined) this.response = options.response;
  }
}

export type HostKeyProblem = 'unknown' | 'changed' | 'rejected';

/** The server's host key is not known, changed, or was rejected by a verifier. */
export class HostKeyError extends NetxError {
  readonly problem: HostKeyProblem;
  readonly fingerprint?: string;
  constructor(problem: HostKeyProblem, message: string, options: NetxErrorOptions & { fingerprint?: string } = {}) {
    super(ErrorCodes.HOST_KEY, message, options);
    this.problem = problem;
    if (options.fingerprint !== undefined) this.fingerprint = options.fingerprint;
  }
}

/** The peer broke the wire protocol (bad frames, bad negotiation, unusable data). */
export class ProtocolError extends NetxError {
  constructor(message: string, options: NetxErrorOptions = {}) {
    super(ErrorCodes.PROTOCOL, message, options);
  }
}

/** The receive buffer grew past `maxBufferSize` without a match. */
export class BufferLimitError extends NetxError {
  readonly limit: number;
  constructor(limit: number, message: string, options: NetxErrorOptions = {}) {
    super(ErrorCodes.BUFFER_LIMIT, message, options);
    this.limit = limit;
  }
}

/** A method was called in a state where it cannot work (write before connect, after close). */
export class StateError extends NetxError {
  constructor(message: string, options: NetxErrorOptions = {}) {
    super(ErrorCodes.STATE, message, options);
  }
}

/** Where the conversation goes for people: the log file, the stdout callback, the stderr (debug) callback. */
export type OutputSink = 'logfile' | 'stdout' | 'stderr';

/**
 * An output sink failed: the log file could not be opened (connect() fails with this)
 * or written (a full disk), or a stdout/stderr callback threw. After a failure the sink
 * is switched off and the session goes on; the error is reported once, by the next wait
 * (or by close() when no wait came).
 */
export class OutputError extends NetxError {
  readonly sink: OutputSink;
  constructor(sink: OutputSink, message: string, options: NetxErrorOptions = {}) {
    super(ErrorCodes.OUTPUT, message, options);
    this.sink = sink;
  }
}
