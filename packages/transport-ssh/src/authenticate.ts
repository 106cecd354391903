// SSH user authentication for one hop: tries none, publickey (account.key), the
// ssh-agent, password and keyboard-interactive in that order, each only if the server
// offers it, with a debug line per step. Secrets never reach messages or debug lines.
import { LoginFailure, TimeoutError, type Account, type Clock, type DebugLevel } from '@netx/core';
import ssh2 from 'ssh2'; // CommonJS: named imports fail under Node's ESM loader
import type { AnyAuthMethod, KeyboardInteractiveCallback, Prompt } from 'ssh2';
import { classifyPrompt, describePrompt } from './keyboard-interactive.js';
import type { AuthEvent, SshHop } from './ssh-hop.js';

export interface AuthenticateInput {
  account: Account;
  /** ssh-agent socket path, or undefined for no agent. */
  agentPath: string | undefined;
  /** Asks the caller for a one-time password / passcode; absent on jump hosts. */
  requestOtp: ((prompt: string) => Promise<string>) | undefined;
  clock: Clock;
  /** Inactivity limit while waiting for the server (paused while the caller is asked); 0 = none. */
  timeout: number;
  maxKeyboardInteractiveRounds: number;
  debug(level: DebugLevel, message: string): void;
}

interface Step {
  /** What the server calls the method ('agent' keys go out as 'publickey'). */
  readonly serverName: string;
  readonly label: string;
  /** The ssh2 method, or the reason this step is skipped. */
  make(): AnyAuthMethod | string;
}

export async function authenticate(hop: SshHop, input: AuthenticateInput): Promise<void> {
  const { account, debug } = input;
  const username = account.name;
  const watchdog = new Watchdog(input.clock, input.timeout, () =>
    hop.fail(new TimeoutError('authenticate', input.timeout, `${hop.label} did not answer during SSH authentication for ${input.timeout} ms; check the server or raise connectTimeout.`, { host: hop.host })),
  );
  const steps = planSteps(hop, input, watchdog);
  const tried: string[] = [];
  const skipped: string[] = [];
  let offered: readonly string[] | null = null;
  let current: string | undefined;
  let index = 0;
  try {
    for (;;) {
      watchdog.kick();
      const event: AuthEvent = await hop.nextAuthEvent();
      if (event.kind === 'ready') {
        debug(1, `${hop.label}: logged in as ${JSON.stringify(username)} with ${current ?? 'none'}`);
        return;
      }
      if (current !== undefined) {
        debug(1, `${hop.label}: ${current} ${event.partialSuccess ? 'accepted, but the server wants another method too' : 'rejected'}`);
      }
      if (event.methodsLeft) {
        offered = event.methodsLeft;
        if (current === 'none' || current === undefined) debug(2, `${hop.label} offers: ${offered.join(', ') || '(nothing)'}`);
      }
      let method: AnyAuthMethod | undefined;
      while (!method && index < steps.length) {
        const step = steps[index++]!;
        if (step.serverName === 'none' && offered !== null) continue; // 'none' only opens the dialogue
        if (offered !== null && !offered.includes(step.serverName)) {
          debug(1, `${hop.label}: skipping ${step.label}: not offered by the server`);
          continue;
        }
        const made = step.make();
        if (typeof made === 'string') {
          skipped.push(`${step.label} (${made})`);
          debug(1, `${hop.label}: skipping ${step.label}: ${made}`);
          continue;
        }
        method = made;
        current = step.label;
        tried.push(step.label);
        debug(1, `${hop.label}: trying ${step.label} as ${JSON.stringify(username)}`);
      }
      if (!method) {
        const failure = loginFailure(hop, username, tried, skipped, offered);
        hop.fail(failure); // ends the connection with this message rather than ssh2's generic one
        throw failure;
      }
      event.next(method);
    }
  } finally {
    watchdog.stop();
  }
}

function loginFailure(hop: SshHop, username: string, tried: string[], skipped: string[], offered: readonly string[] | null): LoginFailure {
  const parts = [
    `SSH login as ${JSON.stringify(username)} to ${hop.label} failed.`,
    `Tried: ${tried.join(', ') || 'nothing'}.`,
    skipped.length ? `Skipped: ${skipped.join('; ')}.` : '',
    `The server offers: ${offered?.join(', ') || 'nothing'}.`,
    'Check the user name and credentials, or give the account a method the server offers.',
  ];
  return new LoginFailure(parts.filter(Boolean).join(' '), { host: hop.host });
}

function planSteps(hop: SshHop, input: AuthenticateInput, watchdog: Watchdog): Step[] {
  const { account, debug } = input;
  const username = account.name;
  const steps: Step[] = [{ serverName: 'none', label: 'none', make: () => ({ type: 'none', username }) }];
  const key = account.key;
  if (key) {
    steps.push({
      serverName: 'publickey',
      label: 'publickey',
      make: () => {
        // Parse here to say exactly why a key cannot be used; never fall back to the password as passphrase.
        const parsed = ssh2.utils.parseKey(Buffer.from(key.data), key.passphrase);
        if (parsed instanceof Error) {
          if (/no passphrase given/i.test(parsed.message)) return 'the key is encrypted and account.key has no passphrase; use PrivateKey.fromFile(path, passphrase)';
          if (/bad passphrase|decrypt|integrity/i.test(parsed.message)) return 'the key passphrase is wrong';
          return `the key cannot be read (${parsed.message})`;
        }
        const k = Array.isArray(parsed) ? parsed[0] : parsed;
        if (!k || !k.isPrivateKey()) return 'account.key holds no private key';
        debug(2, `${hop.label}: key type ${k.type}${key.passphrase !== undefined ? ' (decrypted with its passphrase)' : ''}`);
        return { type: 'publickey', username, key: k };
      },
    });
  }
  const agent = input.agentPath;
  if (agent !== undefined) {
    steps.push({ serverName: 'publickey', label: 'agent', make: () => ({ type: 'agent', username, agent }) });
  }
  const password = account.password;
  if (password !== undefined) {
    steps.push({ serverName: 'password', label: 'password', make: () => ({ type: 'password', username, password }) });
  }
  steps.push({
    serverName: 'keyboard-interactive',
    label: 'keyboard-interactive',
    make: () => {
      if (password === undefined && !input.requestOtp) return 'no password, and no requestOtp for other questions';
      let rounds = 0;
      return {
        type: 'keyboard-interactive',
        username,
        prompt: (_name: string, _instructions: string, _lang: string, prompts: Prompt[], finish: KeyboardInteractiveCallback) => {
          rounds++;
          if (rounds > input.maxKeyboardInteractiveRounds) {
            hop.fail(new LoginFailure(`${hop.label} kept asking keyboard-interactive questions (${rounds - 1} rounds); giving up. Check the account or raise maxKeyboardInteractiveRounds.`, { host: hop.host }));
            return;
          }
          answerPrompts(hop, input, prompts, watchdog).then(finish, (err: unknown) => hop.fail(err));
        },
      };
    },
  });
  return steps;
}

async function answerPrompts(hop: SshHop, input: AuthenticateInput, prompts: Prompt[], watchdog: Watchdog): Promise<string[]> {
  const answers: string[] = [];
  for (const p of prompts) {
    const kind = classifyPrompt(p.prompt);
    if (kind === 'password' && input.account.password !== undefined) {
      input.debug(1, `${hop.label}: keyboard-interactive ${describePrompt(p.prompt)}: answering with the account password`);
      answers.push(input.account.password);
      continue;
    }
    if (!input.requestOtp) {
      throw new LoginFailure(`${hop.label} asked ${describePrompt(p.prompt)} during keyboard-interactive login, and nothing can answer it here; for a jump host, give it a requestOtp option.`, { host: hop.host });
    }
    input.debug(1, `${hop.label}: keyboard-interactive ${describePrompt(p.prompt)}: asking the caller (${kind === 'otp' ? 'one-time password' : 'unrecognised prompt'})`);
    watchdog.pause(); // a person may be typing
    try {
      answers.push(await input.requestOtp(p.prompt));
    } finally {
      watchdog.kick();
    }
  }
  return answers;
}

/** An inactivity timer on the Clock: kick() restarts it, pause() suspends it. */
class Watchdog {
  private handle: unknown;
  constructor(
    private readonly clock: Clock,
    private readonly ms: number,
    private readonly onExpire: () => void,
  ) {}
  kick(): void {
    this.pause();
    if (this.ms > 0 && Number.isFinite(this.ms)) this.handle = this.clock.setTimeout(this.onExpire, this.ms);
  }
  pause(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
  stop(): void {
    this.pause();
  }
}
