// One interactive connection for `netx shell` and `netx guess`: the host from a URL,
// the transport for its scheme, credentials, connect and log in.
import { inject, injectable } from 'tsyringe';
import { Account, Protocol, type AccountFactory, type Clock, type Driver } from '@netx/core';
import { readKeyFile, type AskFunction, type FleetAccountContext, type Host } from '@netx/fleet';
import { accountsFor, type CredentialFlags } from './credentials.js';
import { selectHosts } from './hosts.js';
import { TOKENS } from '../tokens.js';
import { UsageError, type CliIo, type HostKeyMode, type TransportsProvider } from './io.js';

export interface SessionFlags extends CredentialFlags {
  driver?: string;
  timeout: string;
  hostKeys: HostKeyMode;
  knownHosts?: string;
}

/** What `netx shell` and `netx guess` need, injected once for both. */
@injectable()
export class SessionDeps {
  constructor(
    @inject(TOKENS.Transports) readonly transports: TransportsProvider,
    @inject(TOKENS.Drivers) readonly drivers: readonly Driver[],
    @inject(TOKENS.Clock) readonly clock: Clock,
    @inject(TOKENS.Io) readonly io: CliIo,
    @inject(TOKENS.Ask) readonly ask: AskFunction,
  ) {}
}

export interface OpenSession {
  conn: Protocol;
  host: Host;
  accounts: AccountFactory;
}

/** Creates the Protocol for a URL (not connected yet). */
export async function prepareSession(url: string, flags: SessionFlags, deps: SessionDeps, size?: { columns?: number; rows?: number }): Promise<OpenSession> {
  const timeout = Number(flags.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout takes seconds > 0, not ${JSON.stringify(flags.timeout)}.`);
  const transports = deps.transports({ hostKeys: flags.hostKeys, ...(flags.knownHosts ? { knownHosts: flags.knownHosts } : {}), agent: deps.io.env.SSH_AUTH_SOCK ?? false });
  const [host] = await selectHosts([url], flags.driver !== undefined ? { driver: flags.driver } : {}, Object.keys(transports), deps.drivers);
  const accounts = accountsFor(deps.io, flags, deps.ask);
  const conn = new Protocol({
    transport: transports[host!.url.scheme]!(host!),
    drivers: deps.drivers,
    ...(host!.driver !== undefined ? { driver: host!.driver } : {}),
    clock: deps.clock,
    timeout: timeout * 1000,
    connectTimeout: timeout * 1000,
    verifyFingerprint: flags.hostKeys !== 'off',
    ...(size?.columns && size.rows ? { columns: size.columns, rows: size.rows } : {}),
    stderr: () => undefined,
  });
  return { conn, host: host!, accounts };
}

/** Connects and logs in (with --enable: authorizes too); `flush: false` leaves the prompt to show. */
export async function login(s: OpenSession, flags: SessionFlags, flush: boolean): Promise<void> {
  const { conn, host } = s;
  const ctx: FleetAccountContext = { host: host.name, purpose: 'login', ...(host.url.username !== undefined ? { username: host.url.username } : {}) };
  let account = await s.accounts.create(ctx);
  if (flags.key !== undefined && !account.key) {
    account = new Account({ name: account.name, key: readKeyFile(flags.key), ...(account.password !== undefined ? { password: account.password } : {}) });
  }
  await conn.connect(host.url.hostname, host.url.port);
  await conn.authenticate(account, { flush: flush || flags.enable === true });
  if (flags.enable) await conn.autoAppAuthorize(account, { flush });
}
