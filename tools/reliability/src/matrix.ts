// The fault matrix: every fault case against every transport, with the outcome
// each cell must have. One definition feeds the tests (test/matrix.test.ts makes
// one test per cell) and the table in RELIABILITY.md (src/doc.ts), so the two
// cannot drift.

export const TRANSPORTS = ['ssh', 'telnet', 'ws-raw', 'ws-ttyd'] as const;
export type TransportKind = (typeof TRANSPORTS)[number];

/** The limits the cells run with (session time on a ManualClock unless a case says otherwise). */
export const LIMITS = {
  /** Protocol `timeout` (inactivity). */
  timeout: 10_000,
  /** Protocol `connectTimeout`: bounds the TCP/TLS/WebSocket/SSH set-up and the SSH shell request. */
  connectTimeout: 5_000,
  /** drip case: the per-call deadline, and an inactivity limit far below it that must not fire. */
  dripDeadline: 2_000,
  dripTimeout: 500,
  /** ms between bytes of the drip fault. */
  drip: 10,
  /** Protocol `maxBufferSize` default (16 MiB). */
  maxBufferSize: 16 * 1024 * 1024,
  /** Bytes the flood cases send. */
  output: 100 * 1024 * 1024,
  line: 10 * 1024 * 1024,
  garbage: 1024 * 1024,
  iacFlood: 1024 * 1024,
  /** What a TimeoutError's `response` may hold at most (core's ERROR_TAIL). */
  errorTail: 4096,
  /** Real-time fail-fast bound of one step (connect, a command, a close) that no session timer bounds. */
  settleMs: 20_000,
} as const;

/** The error a cell must end with: class name, code, and fields that must match. */
export interface ErrorOutcome {
  readonly error: 'TimeoutError' | 'ConnectionError' | 'BufferLimitError' | 'LoginFailure' | 'HostKeyError' | 'ClosedError' | 'AbortedError';
  readonly code: string;
  readonly fields?: Readonly<Record<string, string | number>>;
}
/** The call must succeed (the fault is one a client has to survive). */
export interface OkOutcome {
  readonly ok: string;
}
/** The cell does not exist for this transport. */
export interface NotApplicable {
  readonly na: string;
}
export type Outcome = ErrorOutcome | OkOutcome;

/** How a cell shows that the outcome came in time. */
export type Bound =
  /** The session's ManualClock: not settled 1 ms before `ms`, settled at `ms`. */
  | { readonly clock: number; readonly what: string }
  /** An event (close, refusal, a limit of bytes), not a timer: settled while the session clock stood still. */
  | { readonly event: string };

export interface FaultCase {
  /** Stable id: the test name starts with `<id>/<transport>`. */
  readonly id: string;
  /** What the peer does. */
  readonly fault: string;
  /** Where the fault comes from. */
  readonly source: string;
  /** The call that must end as expected. */
  readonly call: string;
  readonly bound: Bound;
  readonly expect: Outcome;
  /** Per-transport differences: another outcome, or not applicable. */
  readonly per?: Partial<Record<TransportKind, Outcome | NotApplicable>>;
}

const timeout = (operation: string, ms: number): ErrorOutcome => ({ error: 'TimeoutError', code: 'NETX_TIMEOUT', fields: { operation, ms } });
const connection = (reason: string): ErrorOutcome => ({ error: 'ConnectionError', code: 'NETX_CONNECTION', fields: { reason } });
const onlyWs = (why: string): Partial<Record<TransportKind, NotApplicable>> => ({ ssh: { na: why }, telnet: { na: why } });

export const CASES: readonly FaultCase[] = [
  {
    id: 'peer-closes-mid-command',
    fault: 'the device cuts the connection (no clean close) after 200 bytes of a command\'s output; `reason` is `closed` or `reset` (TCP shows a cut either way, by timing) and `response` holds the output before the cut',
    source: 'device-sim `dropMidCommand`',
    call: 'execute()',
    bound: { event: 'the connection breaking' },
    expect: { error: 'ConnectionError', code: 'NETX_CONNECTION' },
  },
  {
    id: 'silent-peer',
    fault: 'accepted (SSH: authenticated), then never a byte',
    source: 'device-sim `hang`',
    call: 'login()',
    bound: { clock: LIMITS.timeout, what: 'timeout' },
    expect: timeout('appAuthenticate', LIMITS.timeout),
  },
  {
    id: 'drip-with-deadline',
    fault: `every output byte alone, ${LIMITS.drip} ms apart (inactivity limit ${LIMITS.dripTimeout} ms never reached)`,
    source: 'device-sim `drip`, server and client clocks in lockstep',
    call: `execute(cmd, { deadline: ${LIMITS.dripDeadline}, timeout: ${LIMITS.dripTimeout} })`,
    bound: { clock: LIMITS.dripDeadline, what: 'deadline' },
    expect: timeout('execute', LIMITS.dripDeadline),
  },
  {
    id: 'output-100mb-no-prompt',
    fault: '100 MB of output lines and no prompt',
    source: 'device-sim command handler, paced by what the client received',
    call: 'execute()',
    bound: { event: `the buffer passing maxBufferSize (${LIMITS.maxBufferSize} characters)` },
    expect: { error: 'BufferLimitError', code: 'NETX_BUFFER_LIMIT', fields: { limit: LIMITS.maxBufferSize } },
  },
  {
    id: 'line-10mb',
    fault: 'one 10 MB line without a line break, then the prompt',
    source: 'device-sim command handler',
    call: 'execute()',
    bound: { event: 'the prompt after the line' },
    expect: { ok: 'the whole line is the response' },
  },
  {
    id: 'garbage-flood',
    fault: '1 MB of line noise (control and high bytes, no line end) and never a prompt',
    source: 'device-sim `garbage: { bytes, only }`',
    call: 'login()',
    bound: { clock: LIMITS.timeout, what: 'timeout' },
    expect: timeout('appAuthenticate', LIMITS.timeout),
  },
  {
    id: 'iac-flood',
    fault: '1 MB of telnet commands (negotiation storms over every option, NOPs, TTYPE SEND, bounded, aborted and bad subnegotiations), a marker line, then silence; the text received is the marker alone',
    source: 'fault server (raw TCP)',
    call: 'login()',
    bound: { clock: LIMITS.timeout, what: 'timeout' },
    expect: timeout('appAuthenticate', LIMITS.timeout),
    per: {
      ssh: { na: 'IAC is Telnet\'s; over SSH these bytes are data (garbage-flood sends them)' },
      'ws-raw': { na: 'IAC is Telnet\'s; over WebSocket these bytes are data (garbage-flood sends them)' },
      'ws-ttyd': { na: 'IAC is Telnet\'s; over WebSocket these bytes are data (garbage-flood sends them)' },
    },
  },
  {
    id: 'iac-endless-subnegotiation',
    fault: 'IAC SB TTYPE, then 1 MB without IAC SE',
    source: 'fault server (raw TCP)',
    call: 'login()',
    bound: { event: 'maxSubnegotiation (8192 bytes)' },
    expect: { error: 'ConnectionError', code: 'NETX_CONNECTION' },
    per: {
      ssh: { na: 'IAC is Telnet\'s' },
      'ws-raw': { na: 'IAC is Telnet\'s' },
      'ws-ttyd': { na: 'IAC is Telnet\'s' },
    },
  },
  {
    id: 'handshake-unanswered',
    fault: 'SSH: the password is accepted, the PTY request never answered; WebSocket: the HTTP upgrade never answered',
    source: 'fault server (ssh2 server / raw TCP)',
    call: 'login() (SSH), connect() (WebSocket)',
    bound: { clock: LIMITS.connectTimeout, what: 'connectTimeout' },
    expect: timeout('connect', LIMITS.connectTimeout),
    per: { ssh: timeout('shell', LIMITS.connectTimeout), telnet: { na: 'Telnet has no handshake to leave unanswered; silent-peer is this case' } },
  },
  {
    id: 'connect-refused',
    fault: 'nothing listens on the port',
    source: 'a port just closed',
    call: 'connect()',
    bound: { event: 'the refusal' },
    expect: connection('refused'),
  },
  {
    id: 'dns-failure',
    fault: 'the host name does not resolve (`netx-reliability.invalid`)',
    source: 'the system resolver (RFC 6761 `.invalid`)',
    call: 'connect()',
    bound: { event: 'the resolver\'s answer' },
    expect: connection('dns'),
  },
  {
    id: 'tls-plain-peer',
    fault: '`wss://` to a plain HTTP WebSocket port',
    source: 'device-sim WebSocket port',
    call: 'connect()',
    bound: { event: 'the TLS failure' },
    expect: connection('tls'),
    per: onlyWs('no TLS in this transport'),
  },
  {
    id: 'tls-self-signed',
    fault: '`wss://` to a TLS server with a self-signed certificate',
    source: 'fault server (node:tls, certificate made by openssl)',
    call: 'connect()',
    bound: { event: 'the certificate check' },
    expect: connection('tls'),
    per: onlyWs('no TLS in this transport'),
  },
  {
    id: 'login-loop',
    fault: 'the login dialogue asks again whatever the answer, for ever (over SSH too, after SSH authentication)',
    source: 'device-sim `loginLoop`',
    call: 'login()',
    bound: { event: 'maxLoginAttempts (3) prompts' },
    expect: { error: 'LoginFailure', code: 'NETX_LOGIN_FAILED' },
  },
  {
    id: 'host-key-changed',
    fault: 'the server presents another host key than known_hosts holds (strict policy)',
    source: 'device-sim `changedHostKey`',
    call: 'connect()',
    bound: { event: 'the key exchange' },
    expect: { error: 'HostKeyError', code: 'NETX_HOST_KEY', fields: { problem: 'changed' } },
    per: { telnet: { na: 'no host key' }, 'ws-raw': { na: 'no host key (TLS certificates: tls-self-signed)' }, 'ws-ttyd': { na: 'no host key (TLS certificates: tls-self-signed)' } },
  },
  {
    id: 'close-during-wait',
    fault: 'the device does not answer yet; the client calls close() while execute() waits',
    source: 'device-sim command handler that answers when the cell ends',
    call: 'execute()',
    bound: { event: 'close()' },
    expect: { error: 'ClosedError', code: 'NETX_CLOSED_BY_CLIENT' },
  },
  {
    id: 'close-during-connect',
    fault: 'TCP is accepted and nothing more (SSH: no identification string; WebSocket: no upgrade answer); the client calls close() while connect() waits',
    source: 'fault server (raw TCP)',
    call: 'connect()',
    bound: { event: 'close()' },
    expect: { error: 'ClosedError', code: 'NETX_CLOSED_BY_CLIENT' },
    per: { telnet: { na: 'a Telnet connect() is done once TCP is up; close-during-wait covers the session' } },
  },
  {
    id: 'abort-signal',
    fault: 'the device does not answer yet; the AbortSignal of execute() fires',
    source: 'device-sim command handler that answers when the cell ends',
    call: 'execute(cmd, { signal })',
    bound: { event: 'abort()' },
    expect: { error: 'AbortedError', code: 'NETX_ABORTED' },
  },
];

export interface Cell {
  readonly key: string;
  readonly fault: FaultCase;
  readonly transport: TransportKind;
  readonly outcome: Outcome | NotApplicable;
}

/** Every cell, case by case, transports in TRANSPORTS order. */
export function cells(): Cell[] {
  return CASES.flatMap((fault) => TRANSPORTS.map((transport) => ({ key: `${fault.id}/${transport}`, fault, transport, outcome: fault.per?.[transport] ?? fault.expect })));
}

export const isNa = (o: Outcome | NotApplicable): o is NotApplicable => 'na' in o;
export const isOk = (o: Outcome | NotApplicable): o is OkOutcome => 'ok' in o;

/** `TimeoutError NETX_TIMEOUT (operation login, ms 10000)`, `ok: ...`, `n/a`. */
export function describeOutcome(o: Outcome | NotApplicable): string {
  if (isNa(o)) return 'n/a';
  if (isOk(o)) return `ok: ${o.ok}`;
  const fields = Object.entries(o.fields ?? {}).map(([k, v]) => `${k} ${v}`);
  return `${o.error} ${o.code}${fields.length ? ` (${fields.join(', ')})` : ''}`;
}
