// Options of SshTransport, their defaults, and the opt-in legacy algorithm lists.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Account } from '@netx/core';
import type { Algorithms } from 'ssh2';

/** What to do with a host key that known_hosts does not hold. A changed key is always refused. */
export type HostKeyPolicy = 'strict' | 'accept-new';

/** One ProxyJump hop, in the order they are traversed (the first is reached over TCP). */
export interface JumpHost {
  host: string;
  /** Default 22. */
  port?: number;
  /** Who logs into the hop (password, key and/or agent; keyboard-interactive password prompts get the password). */
  account: Account;
  /**
   * Answers the hop's other keyboard-interactive questions (one-time password, token
   * passcode), with the prompt and the hop as `host:port`. Default none: such a
   * question fails the connect with LoginFailure.
   */
  requestOtp?: (prompt: string, hop: string) => Promise<string>;
  /** Default: the session's verifyFingerprint. */
  verifyFingerprint?: boolean;
  /** Default: the transport's hostKeyPolicy. */
  hostKeyPolicy?: HostKeyPolicy;
  /** Default: the transport's knownHostsPath. */
  knownHostsPath?: string;
}

export interface SshTransportOptions {
  /** OpenSSH known_hosts file read (and appended to with 'accept-new'). Default `~/.ssh/known_hosts`. */
  knownHostsPath?: string;
  /** Default 'strict': unknown keys fail with HostKeyError 'unknown'. */
  hostKeyPolicy?: HostKeyPolicy;
  /** Write accepted keys with the host name hashed (`|1|salt|hash`). Default false. */
  hashKnownHosts?: boolean;
  /** Also offer diffie-hellman-group1/14-sha1, ssh-rsa, ssh-dss and CBC ciphers (old devices). Default false. */
  legacyAlgorithms?: boolean;
  /** Explicit ssh2 algorithm overrides, applied after legacyAlgorithms. */
  algorithms?: Algorithms;
  /** Milliseconds between SSH keepalive requests once logged in; 0 disables. Default 0. */
  keepaliveInterval?: number;
  /** Unanswered keepalives before the connection counts as dead. Default 3. */
  keepaliveCountMax?: number;
  /** ProxyJump chain (any length). Default none. */
  jumpHosts?: JumpHost[];
  /** A connected stream to run SSH over instead of opening TCP (jumpHosts are then reached through it). */
  sock?: Duplex;
  /**
   * ssh-agent: true uses `SSH_AUTH_SOCK` when it is set, a string is the agent socket path,
   * false never asks an agent. Default true.
   */
  agent?: boolean | string;
  /** Give up on a polite close after this many milliseconds and tear down. Default 2000. */
  closeTimeout?: number;
  /** Rounds of keyboard-interactive questions answered before giving up. Default 5. */
  maxKeyboardInteractiveRounds?: number;
}

export interface ResolvedSshOptions {
  knownHostsPath: string;
  hostKeyPolicy: HostKeyPolicy;
  hashKnownHosts: boolean;
  legacyAlgorithms: boolean;
  algorithms: Algorithms | undefined;
  keepaliveInterval: number;
  keepaliveCountMax: number;
  jumpHosts: JumpHost[];
  sock: Duplex | undefined;
  agent: boolean | string;
  closeTimeout: number;
  maxKeyboardInteractiveRounds: number;
}

export function defaultKnownHostsPath(): string {
  return join(homedir(), '.ssh', 'known_hosts');
}

export function resolveOptions(o: SshTransportOptions = {}): ResolvedSshOptions {
  const policy = o.hostKeyPolicy ?? 'strict';
  if (policy !== 'strict' && policy !== 'accept-new') {
    throw new TypeError(`SshTransport: hostKeyPolicy must be 'strict' or 'accept-new', not ${JSON.stringify(policy)}.`);
  }
  for (const [name, value] of [['keepaliveInterval', o.keepaliveInterval], ['keepaliveCountMax', o.keepaliveCountMax], ['closeTimeout', o.closeTimeout]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new TypeError(`SshTransport: ${name} must be a number >= 0.`);
    }
  }
  for (const [i, hop] of (o.jumpHosts ?? []).entries()) {
    if (!hop || typeof hop.host !== 'string' || hop.host === '' || !hop.account) {
      throw new TypeError(`SshTransport: jumpHosts[${i}] needs a host and an account.`);
    }
  }
  return {
    knownHostsPath: o.knownHostsPath ?? defaultKnownHostsPath(),
    hostKeyPolicy: policy,
    hashKnownHosts: o.hashKnownHosts ?? false,
    legacyAlgorithms: o.legacyAlgorithms ?? false,
    algorithms: o.algorithms,
    keepaliveInterval: o.keepaliveInterval ?? 0,
    keepaliveCountMax: o.keepaliveCountMax ?? 3,
    jumpHosts: [...(o.jumpHosts ?? [])],
    sock: o.sock,
    agent: o.agent ?? true,
    closeTimeout: o.closeTimeout ?? 2000,
    maxKeyboardInteractiveRounds: o.maxKeyboardInteractiveRounds ?? 5,
  };
}

/** Appended to ssh2's defaults when legacyAlgorithms is on: offered last, so modern peers never pick them. */
export const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1', 'hmac-md5'],
} as const;

/** Host key algorithms for a key type found in known_hosts (RSA keys sign with three names). */
export function hostKeyAlgorithmsForType(keyType: string): string[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
  return [keyType];
}

/** The agent socket to use, or undefined. */
export function agentSocket(agent: boolean | string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (typeof agent === 'string') return agent === '' ? undefined : agent;
  if (!agent) return undefined;
  const sock = env['SSH_AUTH_SOCK'];
  return sock ? sock : undefined;
}
