// Where `netx` takes passwords from: --credentials FILE, --agent, NETX_PASSWORD /
// NETX_ENABLE_PASSWORD, else a hidden prompt on a terminal (once per account),
// else a usage error. --key FILE adds a key for every host.
import { userInfo } from 'node:os';
import { Account, type AccountFactory } from '@netx/core';
import { agentAccounts, chainAccounts, envAccounts, fileAccounts, promptAccounts, readKeyFile, type AskFunction, type FleetAccountContext } from '@netx/fleet';
import { UsageError, type CliIo } from './io.js';

export interface CredentialFlags {
  user?: string;
  credentials?: string;
  key?: string;
  agent?: boolean;
  enable?: boolean;
}

export function defaultUser(io: CliIo, flags: CredentialFlags): string {
  return flags.user ?? io.env.NETX_USERNAME ?? safeUserName();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'admin';
  }
}

/** The AccountFactory for one command; throws UsageError when there is no way to get a password. */
export function accountsFor(io: CliIo, flags: CredentialFlags, ask: AskFunction): AccountFactory {
  const user = defaultUser(io, flags);
  const withUser = (f: AccountFactory): AccountFactory => ({
    create: (ctx: FleetAccountContext) => {
      const full: FleetAccountContext = { ...ctx, username: ctx.username ?? user };
      return f.create(full);
    },
  });
  if (flags.credentials !== undefined) {
    try {
      return withUser(fileAccounts(flags.credentials));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const env = envAccounts({ env: io.env, defaultUsername: user });
  if (flags.agent) {
    if (!io.env.SSH_AUTH_SOCK) throw new UsageError('--agent: SSH_AUTH_SOCK is not set; start ssh-agent and ssh-add your key.');
    return io.env.NETX_PASSWORD !== undefined ? chainAccounts(env, agentAccounts({ env: io.env, defaultUsername: user })) : agentAccounts({ env: io.env, defaultUsername: user });
  }
  if (flags.key !== undefined) {
    try {
      readKeyFile(flags.key); // refuse an unreadable or unprotected key before anything connects
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (io.env.NETX_PASSWORD !== undefined) return env;
    return withUser({ create: async (ctx: FleetAccountContext) => new Account({ name: ctx.username ?? user }) });
  }
  if (io.env.NETX_PASSWORD !== undefined) return env;
  if (io.stdin.isTTY) return withUser(promptAccounts({ ask, enable: flags.enable === true && io.env.NETX_ENABLE_PASSWORD === undefined, defaultUsername: user }));
  throw new UsageError('No password: set NETX_PASSWORD (and NETX_ENABLE_PASSWORD for --enable), give --credentials FILE, --key FILE or --agent, or run on a terminal to be asked.');
}
