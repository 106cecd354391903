// keyboard-interactive: password prompts against a real sshd (PAM), OTP / passcode
// prompts and misbehaving servers against the in-repo ssh2 simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, LoginFailure, TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { classifyPrompt, SshTransport } from '../src/index.js';
import { startKbdServer, type KbdServer } from './helpers/kbd-server.js';
import { authContext, createSession } from './helpers/session.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

const account = new Account({ name: TEST_USER.name, password: TEST_USER.password });

describe('classifyPrompt', () => {
  it.each([
    ['Password: ', 'password'],
    ["netxtest@127.0.0.1's password: ", 'password'],
    ['Passphrase for key: ', 'password'],
    ['Verification code: ', 'otp'],
    ['Enter PASSCODE: ', 'otp'],
    ['One-time password (OATH) for `admin\': ', 'otp'],
    ['otp-md4 99 ab12cd\nS/Key Password: ', 'otp'],
    ['Duo two-factor login\n\nPasscode or option (1-2): ', 'otp'],
    ['Token: ', 'otp'],
    ['Favourite colour? ', 'other'],
  ])('%j -> %s', (prompt, kind) => {
    expect(classifyPrompt(prompt)).toBe(kind);
  });
});

describe('keyboard-interactive against OpenSSH sshd (UsePAM yes, passwords only by keyboard-interactive)', () => {
  let sshd: Sshd;
  beforeAll(async () => {
    sshd = await startSshd({ config: ['UsePAM yes', 'KbdInteractiveAuthentication yes', 'PasswordAuthentication no'] });
  });
  afterAll(async () => sshd?.stop());

  it('answers the PAM password prompt with the account password', async () => {
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sshd.host, port: sshd.port });
    await transport.connect(session);
    const ctx = authContext();
    await transport.protocolAuthenticate(account, ctx);
    const lines = session.debugLines().join('\n');
    expect(lines).toMatch(/skipping password: not offered by the server/);
    expect(lines).toMatch(/keyboard-interactive "Password:": answering with the account password/);
    expect(lines).not.toContain(TEST_USER.password);
    expect(ctx.prompts).toEqual([]);
    await session.expect(/r1>$/);
    await transport.close();
  });

  it('a wrong password fails with LoginFailure listing keyboard-interactive', async () => {
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sshd.host, port: sshd.port });
    await transport.connect(session);
    const err = (await transport.protocolAuthenticate(new Account({ name: TEST_USER.name, password: 'nope-nope' }), authContext()).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(LoginFailure);
    expect(err.message).toMatch(/Tried: none, keyboard-interactive\./);
    expect(err.message).toMatch(/offers: publickey, keyboard-interactive/);
    expect(err.message).not.toContain('nope-nope');
    await transport.close();
    expect(await session.closed).toBeInstanceOf(LoginFailure);
  });
});

describe('keyboard-interactive with one-time passwords (ssh2 simulator)', () => {
  const servers: KbdServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });
  async function server(...args: Parameters<typeof startKbdServer>) {
    const s = await startKbdServer(...args);
    servers.push(s);
    return s;
  }

  it('password from the account, passcode from ctx.requestOtp, over two rounds', async () => {
    const sim = await server({
      rounds: [[{ prompt: 'Password: ', expect: 'pw-1' }], [{ prompt: 'Enter PASSCODE: ', expect: '123456' }]],
    });
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sim.host, port: sim.port });
    await transport.connect(session);
    const ctx = authContext(['123456']);
    await transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw-1' }), ctx);
    expect(ctx.prompts).toEqual(['Enter PASSCODE: ']);
    expect(sim.answers).toEqual(['pw-1', '123456']);
    expect(session.debugLines().join('\n')).toMatch(/"Enter PASSCODE:": asking the caller \(one-time password\)/);
    expect(session.debugLines().join('\n')).not.toMatch(/pw-1|123456/);
    await session.expect(/sim>$/);
    await transport.close();
  });

  it('both prompts in one round; an unknown prompt goes to the caller too', async () => {
    const sim = await server({
      rounds: [[{ prompt: 'Password: ', expect: 'pw-2' }, { prompt: 'Verification code: ', expect: '000111' }, { prompt: 'Site? ', expect: 'lab' }]],
    });
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sim.host, port: sim.port });
    await transport.connect(session);
    const ctx = authContext(['000111', 'lab']);
    await transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw-2' }), ctx);
    expect(ctx.prompts).toEqual(['Verification code: ', 'Site? ']);
    expect(session.debugLines().join('\n')).toMatch(/"Site\?": asking the caller \(unrecognised prompt\)/);
    await transport.close();
  });

  it('a wrong passcode ends in LoginFailure', async () => {
    const sim = await server({ rounds: [[{ prompt: 'Verification code: ', expect: '999999' }]] });
    const transport = new SshTransport({ agent: false });
    await transport.connect(createSession({ host: sim.host, port: sim.port }));
    const err = await transport.protocolAuthenticate(new Account({ name: 'u', password: 'x' }), authContext(['111111'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toMatch(/Tried: none, keyboard-interactive\./);
    await transport.close();
  });

  it('when the caller cannot answer, the login fails with that reason instead of hanging', async () => {
    const sim = await server({ rounds: [[{ prompt: 'Verification code: ', expect: '1' }]] });
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sim.host, port: sim.port });
    await transport.connect(session);
    const err = await transport.protocolAuthenticate(new Account({ name: 'u', password: 'x' }), authContext([])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no OTP answer left/);
    await session.closed;
  });

  it('a server that keeps asking is given up on after maxKeyboardInteractiveRounds', async () => {
    const sim = await server({ mode: 'endless', rounds: [[{ prompt: 'Password: ', expect: 'pw' }]] });
    const transport = new SshTransport({ agent: false, maxKeyboardInteractiveRounds: 3 });
    await transport.connect(createSession({ host: sim.host, port: sim.port }));
    const err = await transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw' }), authContext()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toMatch(/kept asking keyboard-interactive questions \(3 rounds\)/);
    expect(sim.answers).toEqual(['pw', 'pw', 'pw']);
  });

  it('a server that stops answering during login times out on the Clock (connectTimeout)', async () => {
    const sim = await server({ mode: 'silent' });
    const clock = new ManualClock();
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sim.host, port: sim.port, clock, connectTimeout: 5_000 });
    const connecting = transport.connect(session);
    await connecting;
    const pending = transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw' }), authContext([], clock)).catch((e: unknown) => e);
    await sim.kbdRequested;
    clock.advance(5_000);
    const err = await pending;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/did not answer during SSH authentication for 5000 ms/);
    await session.closed;
  });
});
