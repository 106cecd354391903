// VirtualDeviceOptions with every default filled in and checked once.
import { otp } from '@netx/core';
import { resolvePager, type ResolvedPager } from './pager.js';
import type { CommandContext, DeviceAccount, LoginOptions, LoginStyle, PromptInfo, VirtualDeviceOptions } from './types.js';

export interface ResolvedLogin {
  readonly style: LoginStyle;
  readonly header: string;
  readonly usernamePrompt: string;
  readonly passwordPrompt: string;
  readonly failureText: string;
  readonly lockoutText: string;
  readonly maxAttempts: number;
  readonly echoPassword: boolean;
  /** Style 'skey': the challenge line shown before the password prompt. */
  readonly skeyChallenge: string;
  accepts(name: string | undefined, password: string | undefined): boolean;
}

export interface ResolvedDevice {
  readonly hostname: string;
  readonly banner: string;
  readonly motd: string;
  readonly login: ResolvedLogin;
  readonly echo: boolean;
  readonly prompt: (mode: string, info: PromptInfo) => string;
  readonly initialMode: string;
  readonly abbreviations: boolean;
  readonly unknownCommand: (line: string, ctx: CommandContext) => string;
  readonly ambiguousCommand: (line: string, ctx: CommandContext) => string;
  readonly exitCommands: readonly string[];
  readonly pager: ResolvedPager | undefined;
  readonly newline: string;
  readonly greetingDelay: number;
  readonly responseDelay: number;
  readonly chunkSize: number | undefined;
  readonly encoding: 'utf8' | 'latin1';
  /** Keep per-connection state for tests (sessions, commands). */
  readonly recordSessions: boolean;
}

const STYLES: readonly LoginStyle[] = ['none', 'password', 'username', 'username+password', 'skey'];

/** One-time-password words compare without regard to case or runs of blanks. */
const otpWords = (text: string | undefined) => (text ?? '').trim().split(/\s+/).join(' ').toUpperCase();

function delay(name: string, v: number | undefined): number {
  const ms = v ?? 0;
  if (!(ms >= 0)) throw new TypeError(`VirtualDevice: ${name} must be a number of milliseconds >= 0, got ${v}.`);
  return ms;
}

export function resolveLogin(l: LoginOptions | undefined): ResolvedLogin {
  const style = l?.style ?? 'none';
  if (!STYLES.includes(style)) throw new TypeError(`VirtualDevice: login.style must be one of ${STYLES.join(', ')}, got ${String(style)}.`);
  const accounts: DeviceAccount[] = [...(l?.accounts ?? [])];
  if (l?.username !== undefined || l?.password !== undefined) {
    accounts.push({ name: l.username ?? '', ...(l.password !== undefined ? { password: l.password } : {}) });
  }
  const hasNames = l?.username !== undefined || (l?.accounts?.length ?? 0) > 0;
  const maxAttempts = l?.maxAttempts ?? 3;
  const skey = l?.skey ?? { sequence: 99, seed: 'abc123' };
  if (!(maxAttempts >= 1)) throw new TypeError(`VirtualDevice: login.maxAttempts must be >= 1 (Infinity keeps asking), got ${maxAttempts}.`);
  return {
    style,
    header: l?.header ?? '',
    usernamePrompt: l?.usernamePrompt ?? 'User: ',
    passwordPrompt: l?.passwordPrompt ?? 'Password: ',
    failureText: l?.failureText ?? '% Login invalid',
    lockoutText: l?.lockoutText ?? '% Authentication failed',
    maxAttempts,
    echoPassword: l?.echoPassword ?? false,
    skeyChallenge: `s/key ${skey.sequence} ${skey.seed}`,
    // Without accounts any credentials pass, as in Exscript's VirtualDevice.
    accepts(name, password) {
      if (accounts.length === 0) return true;
      switch (style) {
        case 'username':
          return !hasNames || accounts.some((a) => a.name === name);
        case 'password':
          return accounts.some((a) => a.password === password);
        case 'skey':
          return accounts.some((a) => a.name === name && a.password !== undefined && otpWords(otp(a.password, skey.seed, skey.sequence)) === otpWords(password));
        default:
          return accounts.some((a) => a.name === name && a.password === password);
      }
    },
  };
}

function textOrFn(v: string | ((line: string, ctx: CommandContext) => string) | undefined, fallback: (line: string) => string) {
  if (typeof v === 'function') return v;
  if (typeof v === 'string') return () => v;
  return (line: string) => fallback(line);
}

export function resolveOptions(o: VirtualDeviceOptions): ResolvedDevice {
  const hostname = o.hostname ?? 'device';
  const p = o.prompt;
  const prompt = typeof p === 'function' ? p : typeof p === 'string' ? () => p : (_mode: string, info: PromptInfo) => `${info.hostname}> `;
  const chunkSize = o.chunkSize;
  if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize >= 1)) {
    throw new TypeError(`VirtualDevice: chunkSize must be a whole number of bytes >= 1, got ${chunkSize}.`);
  }
  return {
    hostname,
    banner: o.banner ?? '',
    motd: o.motd ?? '',
    login: resolveLogin(o.login),
    echo: o.echo ?? true,
    prompt,
    initialMode: o.initialMode ?? 'user',
    abbreviations: o.abbreviations ?? false,
    unknownCommand: textOrFn(o.unknownCommand, (line) => `% Unknown command: "${line.trim()}"`),
    ambiguousCommand: textOrFn(o.ambiguousCommand, (line) => `% Ambiguous command:  "${line.trim()}"`),
    exitCommands: o.exitCommands ?? ['exit', 'logout', 'quit'],
    pager: resolvePager(o.pager),
    newline: o.newline ?? '\r\n',
    greetingDelay: delay('greetingDelay', o.greetingDelay),
    responseDelay: delay('responseDelay', o.responseDelay),
    chunkSize,
    encoding: o.encoding ?? 'utf8',
    recordSessions: o.recordSessions ?? true,
  };
}
