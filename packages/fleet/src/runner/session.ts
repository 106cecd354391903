// One attempt on one host: transport, Protocol, login, commands, task, polite close.
// Everything that goes wrong becomes part of the record; nothing here throws.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Account, isNetxError, Protocol, type AccountFactory, type Clock, type Driver } from '@netx/core';
import { FleetErrorCodes, UnknownDriverError, UnknownSchemeError } from '../errors.js';
import { readKeyFile } from '../credentials/files.js';
import type { FleetAccountContext } from '../credentials/context.js';
import type { Host } from '../inventory/types.js';
import type { Gate } from './gate.js';
import type { PreparedJob } from './job.js';
import { cleanOutput, redactorFor } from './redact.js';
import type { CommandOutput, FleetOptions, HostErrorInfo } from './types.js';

export type Phase = 'prepare' | 'connect' | 'login' | 'commands' | 'task' | 'close';

export interface AttemptOutcome {
  ok: boolean;
  phase: Phase;
  error?: HostErrorInfo;
  /** The failure is a connection error before login: a retry may help. */
  retryable: boolean;
  driver?: string;
  warnings: string[];
  outputs: CommandOutput[];
  result?: unknown;
  connectMs?: number;
  loginMs?: number;
}

export interface AttemptContext {
  readonly host: Host;
  readonly job: PreparedJob;
  readonly opts: FleetOptions;
  readonly clock: Clock;
  readonly drivers: readonly Driver[];
  readonly attempt: number;
  readonly signal: AbortSignal;
  /** Bounds how many hosts of the run are in the connect phase at once. */
  readonly connectGate: Gate;
  readonly logFile: string | undefined;
  /** Describes why `signal` fired, for the record. */
  readonly abortInfo: (phase: Phase) => HostErrorInfo;
}

export function sessionLogPath(logDir: string, hostName: string): string {
  return join(logDir, `${hostName.replace(/[^A-Za-z0-9._-]/g, '_')}.log`);
}

export async function runAttempt(a: AttemptContext): Promise<AttemptOutcome> {
  const { host, job, clock } = a;
  const out: AttemptOutcome = { ok: false, phase: 'prepare', retryable: false, outputs: [], warnings: [] };
  let redact = (t: string) => t;
  let conn: Protocol | undefined;
  const onAbort = () => void conn?.close().catch(() => conn?.close(true));
  a.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const factory = a.opts.transports[host.url.scheme];
    if (!factory) throw new UnknownSchemeError(host.url.scheme, Object.keys(a.opts.transports), { host: host.name });
    const known = ['generic', ...a.drivers.map((d) => d.name)];
    if (host.driver !== undefined && !known.includes(host.driver)) throw new UnknownDriverError(host.driver, known, { host: host.name });
    const account = await accountFor(a.opts.accounts, host);
    redact = redactorFor(account);
    if (a.logFile) appendFileSync(a.logFile, `# netx fleet: ${host.name} ${host.url.href} attempt ${a.attempt}\n`, { mode: 0o600 });
    conn = new Protocol({
      transport: factory(host),
      drivers: a.drivers,
      ...(host.driver !== undefined ? { driver: host.driver } : {}),
      clock,
      timeout: host.options.timeout ?? a.opts.timeout ?? 30_000,
      connectTimeout: host.options.connectTimeout ?? a.opts.connectTimeout ?? 30_000,
      ...(host.options.bannerTimeout !== undefined ? { bannerTimeout: host.options.bannerTimeout } : {}),
      verifyFingerprint: host.options.verifyFingerprint ?? a.opts.verifyFingerprint ?? true,
      ...(host.options.termType !== undefined ? { termType: host.options.termType } : {}),
      ...(host.options.encoding !== undefined ? { encoding: host.options.encoding } : {}),
      ...(host.options.settleTime !== undefined ? { settleTime: host.options.settleTime } : {}),
      ...(a.logFile ? { logfile: a.logFile } : {}),
      stderr: () => undefined,
    });
    if (a.signal.aborted) throw a.signal.reason;

    out.phase = 'connect';
    const leave = await a.connectGate.enter(a.signal);
    let t = clock.now();
    try {
      await conn.connect(host.url.hostname, host.url.port);
    } finally {
      leave();
    }
    out.connectMs = clock.now() - t;

    out.phase = 'login';
    t = clock.now();
    await conn.authenticate(account);
    if (job.enable) await conn.autoAppAuthorize(account);
    out.loginMs = clock.now() - t;
    out.driver = conn.getDriver().name;

    out.phase = 'commands';
    if (job.autoInit) {
      try {
        await conn.autoInit();
      } catch (err) {
        // A device that refuses `terminal length 0` still works: the Protocol answers its pager.
        if (!isNetxError(err, 'NETX_INVALID_COMMAND')) throw err;
        out.warnings.push(`autoInit: the device rejected its terminal set-up (${redact(firstLine(err.message))}); paged output is answered as it comes.`);
      }
    }
    for (const command of job.commands) {
      const output = await runCommand(conn, command, a, redact);
      out.outputs.push(output);
      if (output.error && job.stopOnError !== false) {
        out.error = { code: output.error, name: 'InvalidCommandError', message: `The device rejected ${JSON.stringify(command)}.` };
        break;
      }
    }
    out.driver = conn.getDriver().name;
    if (!out.error && job.task) {
      out.phase = 'task';
      out.result = await job.task(conn, host, { signal: a.signal, attempt: a.attempt });
    }
    out.phase = 'close';
    await conn.close();
    out.ok = out.error === undefined && !a.signal.aborted;
    if (a.signal.aborted) out.error = a.abortInfo(out.phase);
  } catch (err) {
    out.error = a.signal.aborted ? a.abortInfo(out.phase) : errorInfo(err, redact);
    out.retryable = !a.signal.aborted && out.phase === 'connect' && isConnectionFailure(err);
    await conn?.close(true).catch(() => undefined);
  } finally {
    a.signal.removeEventListener('abort', onAbort);
  }
  return out;
}

async function accountFor(accounts: AccountFactory, host: Host): Promise<Account> {
  const ctx: FleetAccountContext = {
    host: host.name,
    purpose: 'login',
    ...(host.url.username !== undefined ? { username: host.url.username } : {}),
    ...(host.options.account !== undefined ? { account: host.options.account } : {}),
  };
  const account = await accounts.create(ctx);
  if (host.options.keyFile === undefined || account.key) return account;
  return new Account({
    name: account.name,
    key: readKeyFile(host.options.keyFile),
    ...(account.password !== undefined ? { password: account.password } : {}),
    ...(account.authorizationPassword !== undefined ? { password2: account.authorizationPassword } : {}),
  });
}

async function runCommand(conn: Protocol, command: string, a: AttemptContext, redact: (t: string) => string): Promise<CommandOutput> {
  const t = a.clock.now();
  try {
    const { response } = await conn.execute(command, { signal: a.signal });
    const output = redact(cleanOutput(response, command));
    const parsed = a.job.parse && a.opts.parse ? await parseSafely(a.opts.parse, conn.getDriver().name, command, output) : {};
    return { command, output, ...parsed, ms: a.clock.now() - t };
  } catch (err) {
    if (!isNetxError(err, 'NETX_INVALID_COMMAND')) throw err;
    const response = (err as { response?: string }).response ?? '';
    return { command, output: redact(cleanOutput(response, command)), error: err.code, ms: a.clock.now() - t };
  }
}

async function parseSafely(parse: NonNullable<FleetOptions['parse']>, platform: string, command: string, text: string): Promise<{ parsed?: readonly unknown[]; parseError?: string }> {
  try {
    const records = await parse(platform, command, text);
    return records === undefined ? {} : { parsed: records };
  } catch (err) {
    return { parseError: err instanceof Error ? err.message : String(err) };
  }
}

const firstLine = (text: string) => text.split('\n')[0]!;

function isConnectionFailure(err: unknown): boolean {
  if (isNetxError(err, 'NETX_CONNECTION')) return true;
  return isNetxError(err, 'NETX_TIMEOUT') && (err as { operation?: string }).operation === 'connect';
}

export function errorInfo(err: unknown, redact: (t: string) => string = (t) => t): HostErrorInfo {
  if (isNetxError(err)) return { code: err.code, name: err.name, message: redact(err.message) };
  if (err instanceof Error) return { code: FleetErrorCodes.JOB, name: err.name, message: redact(err.message) };
  return { code: FleetErrorCodes.JOB, name: 'Error', message: redact(String(err)) };
}
