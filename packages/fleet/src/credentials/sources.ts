// AccountFactory adapters: environment variables, an interactive prompt (asked once
// per distinct account), ssh-agent, and a chain that tries them in order.
import { Account, isNetxError, type AccountFactory } from '@netx/core';
import { CredentialError, FleetErrorCodes } from '../errors.js';
import type { AskFunction, FleetAccountContext } from './context.js';

function userFor(ctx: FleetAccountContext, fallback: string | undefined, how: string): string {
  const name = ctx.username ?? fallback;
  if (name === undefined) throw new CredentialError(`No user name for ${ctx.host ?? 'the host'}: put it in the URL (ssh://user@host) or the inventory, or ${how}.`);
  return name;
}

export interface EnvAccountsOptions {
  /** Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default 'NETX_USERNAME' (used when the host names no user). */
  usernameVar?: string;
  /** Default 'NETX_PASSWORD'. */
  passwordVar?: string;
  /** Default 'NETX_ENABLE_PASSWORD' (unset: the login password). */
  enableVar?: string;
  /** Used when neither the host nor the environment names a user. */
  defaultUsername?: string;
}

/** Passwords from environment variables, read at each create(). */
export function envAccounts(opts: EnvAccountsOptions = {}): AccountFactory {
  const usernameVar = opts.usernameVar ?? 'NETX_USERNAME';
  const passwordVar = opts.passwordVar ?? 'NETX_PASSWORD';
  const enableVar = opts.enableVar ?? 'NETX_ENABLE_PASSWORD';
  return {
    async create(ctx: FleetAccountContext) {
      const env = opts.env ?? process.env;
      const password = env[passwordVar];
      if (password === undefined) throw new CredentialError(`${passwordVar} is not set; export it (or use a prompt or a credentials file).`);
      const name = userFor(ctx, env[usernameVar] ?? opts.defaultUsername, `set ${usernameVar}`);
      const enable = env[enableVar];
      return new Account({ name, password, ...(enable !== undefined ? { password2: enable } : {}) });
    },
  };
}

export interface PromptAccountsOptions {
  ask: AskFunction;
  /** Also ask for an enable (authorization) password; empty answer = the login password. Default false. */
  enable?: boolean;
  defaultUsername?: string;
}

/** Asks for passwords, once per distinct account (user name or named account), even when many hosts ask at once. */
export function promptAccounts(opts: PromptAccountsOptions): AccountFactory {
  const asked = new Map<string, Promise<Account>>();
  return {
    create(ctx: FleetAccountContext) {
      let name: string;
      try {
        name = userFor(ctx, opts.defaultUsername, 'give a default user name');
      } catch (err) {
        return Promise.reject(err);
      }
      const key = `${ctx.account ?? ''}\u0000${name}`;
      let account = asked.get(key);
      if (!account) {
        const label = ctx.account ? `${name} (account ${ctx.account})` : name;
        account = (async () => {
          const password = await opts.ask(`Password for ${label}: `, { hidden: true });
          const enable = opts.enable ? await opts.ask(`Enable password for ${label} (empty: the same): `, { hidden: true }) : '';
          return new Account({ name, password, ...(enable !== '' ? { password2: enable } : {}) });
        })();
        asked.set(key, account);
      }
      return account;
    },
  };
}

export interface AgentAccountsOptions {
  env?: Readonly<Record<string, string | undefined>>;
  defaultUsername?: string;
}

/**
 * Accounts without a password for SSH public-key login through ssh-agent: the SSH
 * transport finds the agent through SSH_AUTH_SOCK (give it `agent: true` or the path).
 */
export function agentAccounts(opts: AgentAccountsOptions = {}): AccountFactory {
  return {
    async create(ctx: FleetAccountContext) {
      const env = opts.env ?? process.env;
      if (!env.SSH_AUTH_SOCK) throw new CredentialError('ssh-agent: SSH_AUTH_SOCK is not set; start ssh-agent and ssh-add your key (or give a password).');
      return new Account({ name: userFor(ctx, opts.defaultUsername, 'give a default user name') });
    },
  };
}

/** Tries each factory in order; a CredentialError moves on to the next, any other error ends the search. */
export function chainAccounts(...factories: readonly AccountFactory[]): AccountFactory {
  if (factories.length === 0) throw new TypeError('chainAccounts() needs at least one AccountFactory.');
  return {
    async create(ctx: FleetAccountContext) {
      const reasons: string[] = [];
      for (const f of factories) {
        try {
          return await f.create(ctx);
        } catch (err) {
          if (!isNetxError(err, FleetErrorCodes.CREDENTIALS)) throw err;
          reasons.push(err.message);
        }
      }
      throw new CredentialError(`No credentials for ${ctx.host ?? 'the host'}:\n- ${reasons.join('\n- ')}`);
    },
  };
}
