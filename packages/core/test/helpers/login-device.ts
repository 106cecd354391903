// A scripted login for unit tests: questions in order, a check of the answers,
// optional OTP challenge, MOTD, CLI prompt and an `enable` step.
import { otp } from '../../src/index.js';
import type { FakeOptions, FakeTransport } from './fake-transport.js';

export interface LoginSpec {
  /** Text before the first question. */
  banner?: string;
  /** Questions, in order, repeated after a failure. */
  ask: ('username' | 'password' | 'otp')[];
  userPrompt?: string;
  passPrompt?: string;
  user?: string;
  password?: string;
  /** OTP challenge (sequence, seed); the expected answer is otp(password, seed, seq). */
  otp?: [number, string];
  /** Sent after a wrong answer, before asking again. */
  failText?: string;
  /** Hang up after a wrong answer instead of asking again. */
  closeOnFail?: boolean;
  /** Never accept anything (ask again without a message). */
  neverAccept?: boolean;
  motd?: string;
  prompt: string;
  enable?: { command: string; password: string; prompt: string };
  /** Echo typed user names (and passwords when echoSecrets). */
  echo?: boolean;
  echoSecrets?: boolean;
  commands?: Record<string, string>;
}

export interface LoginLog {
  answers: string[];
  state: 'login' | 'cli' | 'enable-password' | 'privileged';
}

export function loginDevice(spec: LoginSpec): FakeOptions & { log: LoginLog } {
  const log: LoginLog = { answers: [], state: 'login' };
  const userPrompt = spec.userPrompt ?? 'Username: ';
  const passPrompt = spec.passPrompt ?? 'Password: ';
  let step = 0;
  let givenUser: string | undefined;
  let givenSecret: string | undefined;
  const question = (i: number) => {
    const q = spec.ask[i]!;
    if (q === 'username') return userPrompt;
    if (q === 'password') return passPrompt;
    return `\r\notp-md4 ${spec.otp![0]} ${spec.otp![1]}\r\n${passPrompt}`;
  };
  const prompt = () => (log.state === 'privileged' ? spec.enable!.prompt : spec.prompt);
  return {
    log,
    greeting: `${spec.banner ?? ''}${question(0)}`,
    onLine: (line: string, dev: FakeTransport) => {
      if (log.state === 'login') {
        log.answers.push(line);
        const q = spec.ask[step]!;
        const secret = q !== 'username';
        if (spec.echo && (!secret || spec.echoSecrets)) dev.out(`${line}\r\n`);
        else dev.out('\r\n');
        if (q === 'username') givenUser = line;
        else givenSecret = line;
        step++;
        if (step < spec.ask.length) return dev.out(question(step));
        step = 0;
        const expected = spec.ask.includes('otp') ? otp(spec.password ?? '', spec.otp![1], spec.otp![0]) : spec.password;
        const ok =
          !spec.neverAccept &&
          (!spec.ask.includes('username') || givenUser === spec.user) &&
          (!spec.ask.some((a) => a !== 'username') || givenSecret === expected);
        if (ok) {
          log.state = 'cli';
          return dev.out(`${spec.motd ?? ''}${spec.prompt}`);
        }
        if (spec.closeOnFail) {
          dev.out(spec.failText ?? '');
          return dev.hangUp();
        }
        return dev.out(`${spec.failText ?? ''}${question(0)}`);
      }
      if (log.state === 'enable-password') {
        log.answers.push(line);
        dev.out('\r\n');
        log.state = line === spec.enable!.password ? 'privileged' : 'cli';
        return dev.out(`${log.state === 'cli' ? '% Access denied' : ''}${prompt()}`);
      }
      if (spec.enable && line === spec.enable.command) {
        dev.out(`${line}\r\n`);
        log.state = 'enable-password';
        return dev.out(passPrompt);
      }
      const output = spec.commands?.[line];
      dev.out(`${line}\r\n${output ?? ''}${prompt()}`);
    },
  };
}
